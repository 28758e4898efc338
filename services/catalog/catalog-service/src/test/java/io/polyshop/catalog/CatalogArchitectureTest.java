package io.polyshop.catalog;

import io.polyshop.platform.architecture.ServiceArchitectureTest;

class CatalogArchitectureTest extends ServiceArchitectureTest {

    CatalogArchitectureTest() {
        super("io.polyshop.catalog");
    }
}
