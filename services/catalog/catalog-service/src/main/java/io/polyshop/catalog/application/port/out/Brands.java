package io.polyshop.catalog.application.port.out;

import io.polyshop.catalog.domain.Brand;
import io.polyshop.catalog.domain.BrandId;
import java.util.List;
import java.util.Optional;

public interface Brands {

    List<Brand> all();

    Optional<Brand> find(BrandId id);

    void save(Brand brand);
}
