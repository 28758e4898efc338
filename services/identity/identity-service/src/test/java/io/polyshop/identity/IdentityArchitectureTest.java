package io.polyshop.identity;

import io.polyshop.platform.architecture.ServiceArchitectureTest;

class IdentityArchitectureTest extends ServiceArchitectureTest {

    IdentityArchitectureTest() {
        super("io.polyshop.identity");
    }
}
