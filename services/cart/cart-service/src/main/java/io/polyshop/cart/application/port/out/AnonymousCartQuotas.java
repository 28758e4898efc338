package io.polyshop.cart.application.port.out;

import java.time.Duration;
import java.util.Optional;

/** How many anonymous carts each client address may start in a while. */
public interface AnonymousCartQuotas {

    /** Counts one cart for {@code clientAddress}; how long it must wait instead when its quota is used up. */
    Optional<Duration> take(String clientAddress);
}
