package io.polyshop.notification.application.port.out;

import io.polyshop.notification.domain.CustomerId;
import io.polyshop.notification.domain.Preferences;
import io.polyshop.notification.domain.Recipient;
import java.util.Optional;

/** What this service knows about customers: their address (from identity's events) and their preferences. */
public interface Recipients {

    void save(Recipient recipient);

    Optional<Recipient> find(CustomerId customer);

    void save(Preferences preferences);

    Preferences preferences(CustomerId customer);
}
