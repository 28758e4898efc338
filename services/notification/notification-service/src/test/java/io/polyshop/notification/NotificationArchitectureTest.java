package io.polyshop.notification;

import io.polyshop.platform.architecture.ServiceArchitectureTest;

class NotificationArchitectureTest extends ServiceArchitectureTest {

    NotificationArchitectureTest() {
        super("io.polyshop.notification");
    }
}
