package io.polyshop.identity.application.port.out;

/** An adaptive one-way hash for passwords. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);
}
