package io.polyshop.identity.adapter.out.bcrypt;

import io.polyshop.identity.application.port.out.PasswordHasher;
import io.polyshop.identity.domain.PasswordPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** bcrypt through Spring Security's encoder; the cost factor is configurable. */
public class BcryptPasswordHasher implements PasswordHasher {

    private final BCryptPasswordEncoder encoder;

    public BcryptPasswordHasher(int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
    }

    @Override
    public String hash(String password) {
        return encoder.encode(password);
    }

    @Override
    public boolean matches(String password, String hash) {
        // bcrypt refuses what it cannot read whole, and no account's password is that long.
        return password != null && PasswordPolicy.fitsTheHash(password) && encoder.matches(password, hash);
    }
}
