package io.polyshop.catalog.application.port.out;

import io.polyshop.catalog.application.ResultPage;
import io.polyshop.catalog.domain.CategoryId;
import io.polyshop.catalog.domain.Product;
import io.polyshop.catalog.domain.ProductId;
import io.polyshop.catalog.domain.Sku;
import io.polyshop.catalog.domain.Slug;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The product store. A write and the event it announces are stored together, or neither is. */
public interface Products {

    Optional<Product> find(ProductId id);

    Optional<Product> findBySlug(Slug slug);

    /** The products sold under any of {@code skus}, as their main SKU or one of their variants'. */
    List<Product> findBySkus(Collection<Sku> skus);

    /**
     * Stores a new product (when {@code expectedVersion} is 0) or the next state of one whose stored
     * version is still {@code expectedVersion}, together with {@code news} when there is some.
     *
     * @throws StaleProductException when the stored version moved on
     * @throws DuplicateProductException when the slug or a SKU belongs to another product
     */
    void save(Product product, long expectedVersion, Optional<CatalogNews> news);

    /** Visible products in any of the categories, by name. */
    ResultPage<Product> visibleIn(Collection<CategoryId> categories, int page, int size);

    /** Visible products with an id after {@code after} (null: from the start), by id: for readers rebuilding their copy. */
    List<Product> visibleAfter(ProductId after, int limit);
}
