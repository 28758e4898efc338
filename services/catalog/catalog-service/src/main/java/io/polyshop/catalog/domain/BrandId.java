package io.polyshop.catalog.domain;

/** A brand is addressed by its slug ({@code acme}). */
public record BrandId(String value) {

    public BrandId {
        if (!Slug.valid(value)) {
            throw InvalidCatalogEntryException.of("brandId", Slug.EXPECTATION);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
