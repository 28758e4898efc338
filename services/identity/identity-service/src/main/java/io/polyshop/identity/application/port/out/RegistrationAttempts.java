package io.polyshop.identity.application.port.out;

import java.time.Instant;

/** The accounts each client address opened, which registration throttling counts. */
public interface RegistrationAttempts {

    /** Holds, until the transaction ends, this client's count: concurrent registrations queue. */
    void lock(String clientAddress);

    long since(String clientAddress, Instant since);

    void record(String clientAddress);
}
