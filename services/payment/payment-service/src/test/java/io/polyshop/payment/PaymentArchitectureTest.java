package io.polyshop.payment;

import io.polyshop.platform.architecture.ServiceArchitectureTest;

class PaymentArchitectureTest extends ServiceArchitectureTest {

    PaymentArchitectureTest() {
        super("io.polyshop.payment");
    }
}
