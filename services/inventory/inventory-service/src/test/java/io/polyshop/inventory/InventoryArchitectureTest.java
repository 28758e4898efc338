package io.polyshop.inventory;

import io.polyshop.platform.architecture.ServiceArchitectureTest;

class InventoryArchitectureTest extends ServiceArchitectureTest {

    InventoryArchitectureTest() {
        super("io.polyshop.inventory");
    }
}
