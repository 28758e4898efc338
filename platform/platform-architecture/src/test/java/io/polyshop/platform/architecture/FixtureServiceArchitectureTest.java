package io.polyshop.platform.architecture;

/** The shared test, run the way a service runs it, against the well-shaped fixture service. */
class FixtureServiceArchitectureTest extends ServiceArchitectureTest {

    FixtureServiceArchitectureTest() {
        super("io.polyshop.fixture.good", location -> true);
    }
}
