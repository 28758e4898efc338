package io.polyshop.catalog.domain;

/** A category is addressed by its slug ({@code laptops}, {@code t-shirts}). */
public record CategoryId(String value) {

    public CategoryId {
        if (!Slug.valid(value)) {
            throw InvalidCatalogEntryException.of("categoryId", Slug.EXPECTATION);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
