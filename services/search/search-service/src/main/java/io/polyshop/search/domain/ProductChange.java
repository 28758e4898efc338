package io.polyshop.search.domain;

import java.util.UUID;

/**
 * What the index must learn about one product: its new state, or that it was withdrawn. The
 * version decides: a change older than what the index holds is dropped, so duplicated and
 * reordered events leave the index as the newest event says.
 */
public sealed interface ProductChange {

    UUID productId();

    long version();

    record Indexed(SearchableProduct product) implements ProductChange {

        @Override
        public UUID productId() {
            return product.productId();
        }

        @Override
        public long version() {
            return product.version();
        }
    }

    record Withdrawn(UUID productId, long version) implements ProductChange {}
}
