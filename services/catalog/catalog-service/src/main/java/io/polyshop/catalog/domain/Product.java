package io.polyshop.catalog.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The product aggregate. Every change returns the next state with {@code version} one higher; the
 * store refuses a change whose expected version is no longer current, and readers of the events
 * drop any state older than the one they hold.
 */
public record Product(
        ProductId id,
        ProductDetails details,
        ProductStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt) {

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Product draft(ProductId id, ProductDetails details, Instant now) {
        return new Product(id, details, ProductStatus.DRAFT, 1, now, now, null);
    }

    public Product revise(ProductDetails revised, Instant now) {
        if (status == ProductStatus.ARCHIVED) {
            throw new ProductStateException(id, "an archived product cannot be changed");
        }
        return new Product(id, revised, status, version + 1, createdAt, now, publishedAt);
    }

    public Product publish(Instant now) {
        return switch (status) {
            case DRAFT -> new Product(id, details, ProductStatus.ACTIVE, version + 1, createdAt, now, now);
            case ACTIVE -> throw new ProductStateException(id, "the product is already published");
            case ARCHIVED -> throw new ProductStateException(id, "an archived product cannot be published again");
        };
    }

    public Product archive(Instant now) {
        if (status == ProductStatus.ARCHIVED) {
            throw new ProductStateException(id, "the product is already archived");
        }
        return new Product(id, details, ProductStatus.ARCHIVED, version + 1, createdAt, now, publishedAt);
    }

    public boolean isVisible() {
        return status == ProductStatus.ACTIVE;
    }
}
