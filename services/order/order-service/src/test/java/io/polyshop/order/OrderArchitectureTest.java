package io.polyshop.order;

import io.polyshop.platform.architecture.ServiceArchitectureTest;

class OrderArchitectureTest extends ServiceArchitectureTest {

    OrderArchitectureTest() {
        super("io.polyshop.order");
    }
}
