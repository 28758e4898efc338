package io.polyshop.identity.application;

/** The command to open an account, from the client at {@code clientAddress}. */
public record RegisterUser(String email, String password, String displayName, String clientAddress) {}
