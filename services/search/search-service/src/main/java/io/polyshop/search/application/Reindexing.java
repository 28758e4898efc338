package io.polyshop.search.application;

import io.polyshop.search.application.port.out.CatalogSnapshots;
import io.polyshop.search.application.port.out.ProductIndex;
import io.polyshop.search.domain.ProductChange;
import io.polyshop.search.domain.SearchableProduct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the index from the catalog without downtime: a new generation is created, receives
 * live changes from the start, is filled from the catalog page by page and then replaces the live
 * index in one alias switch. Searches keep hitting the old index until that moment; a change that
 * arrives during the copy lands in both, and versions keep the newer state whichever comes first.
 */
public class Reindexing {

    private static final Logger log = LoggerFactory.getLogger(Reindexing.class);
    private static final int PAGE = 500;

    private final ProductIndex index;
    private final CatalogSnapshots catalog;
    private final Clock clock;

    public Reindexing(ProductIndex index, CatalogSnapshots catalog, Clock clock) {
        this.index = index;
        this.catalog = catalog;
        this.clock = clock;
    }

    public synchronized RebuildReport rebuild() {
        Instant start = clock.instant();
        String generation = index.createGeneration();
        try {
            index.alsoWriteTo(generation);
            long loaded = 0;
            UUID after = null;
            List<SearchableProduct> page;
            do {
                page = catalog.after(after, PAGE);
                if (!page.isEmpty()) {
                    index.load(
                            generation,
                            page.stream()
                                    .<ProductChange>map(ProductChange.Indexed::new)
                                    .toList());
                    loaded += page.size();
                    after = page.getLast().productId();
                    if (loaded % 10_000 < PAGE) {
                        log.info("reindex into {}: {} products copied", generation, loaded);
                    }
                }
            } while (page.size() == PAGE);
            String previous = index.promote(generation);
            Duration took = Duration.between(start, clock.instant());
            log.info("reindex: {} now serves {} products (was {}), took {}", generation, loaded, previous, took);
            return new RebuildReport(generation, previous, loaded, took);
        } catch (RuntimeException e) {
            index.discard(generation);
            throw e;
        }
    }
}
