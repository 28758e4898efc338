package io.polyshop.identity.application;

/** The command to open an account. */
public record RegisterUser(String email, String password, String displayName) {}
