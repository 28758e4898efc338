package io.polyshop.identity.application.port.out;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;

/** The RSA keys that sign access tokens. */
public interface SigningKeys {

    record SigningKey(
            String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey, Instant createdAt, Instant retiredAt) {}

    /** The key new tokens are signed with; made on first use. */
    SigningKey current();

    /** Every key whose tokens may still be valid: the current one and recently retired ones. */
    List<SigningKey> published();

    /**
     * Reads the keys again unless that happened a moment ago: for a token signed with a key another
     * instance has just made.
     */
    List<SigningKey> reload();

    /** Retires the current key and makes a new one; tokens signed before stay valid until they expire. */
    SigningKey rotate();
}
