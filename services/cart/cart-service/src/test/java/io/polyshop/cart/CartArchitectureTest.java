package io.polyshop.cart;

import io.polyshop.platform.architecture.ServiceArchitectureTest;

class CartArchitectureTest extends ServiceArchitectureTest {

    CartArchitectureTest() {
        super("io.polyshop.cart");
    }
}
