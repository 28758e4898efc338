package io.polyshop.catalog.application.port.out;

import io.polyshop.catalog.domain.Category;
import java.util.List;

/** The category tree's store; the tree is small and read whole. */
public interface Categories {

    List<Category> all();

    void save(Category category);
}
