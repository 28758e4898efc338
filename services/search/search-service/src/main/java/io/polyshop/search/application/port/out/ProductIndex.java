package io.polyshop.search.application.port.out;

import io.polyshop.search.domain.NameCompletion;
import io.polyshop.search.domain.ProductChange;
import io.polyshop.search.domain.ProductQuery;
import io.polyshop.search.domain.SearchPage;
import java.util.List;

/** The search index: written by product changes, read by queries, rebuilt behind a stable name. */
public interface ProductIndex {

    /**
     * Applies the changes, each only if its version is newer than what the index holds for that
     * product. Changes that lost to a newer version are skipped, not errors.
     *
     * @return how many changes took effect
     */
    int apply(List<ProductChange> changes);

    SearchPage search(ProductQuery query);

    List<NameCompletion> suggest(String prefix, int size);

    /** Creates an empty index with the current mapping, next to the live one, and names it. */
    String createGeneration();

    /** From now on, changes go to {@code generation} as well as to the live index. */
    void alsoWriteTo(String generation);

    /** Writes changes straight into {@code generation}, with the same version rule as {@link #apply}. */
    void load(String generation, List<ProductChange> changes);

    /**
     * Points the live name at {@code generation} in one step and drops the previous index.
     *
     * @return the previous index's name, or null when there was none
     */
    String promote(String generation);

    /** Gives up a generation that will not be promoted. */
    void discard(String generation);
}
