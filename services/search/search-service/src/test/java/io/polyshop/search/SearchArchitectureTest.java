package io.polyshop.search;

import io.polyshop.platform.architecture.ServiceArchitectureTest;

class SearchArchitectureTest extends ServiceArchitectureTest {

    SearchArchitectureTest() {
        super("io.polyshop.search");
    }
}
