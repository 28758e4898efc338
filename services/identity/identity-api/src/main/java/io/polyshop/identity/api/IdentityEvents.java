package io.polyshop.identity.api;

/** Where identity's events are published and the CloudEvents types they carry. */
public final class IdentityEvents {

    /** One topic for the user aggregate, keyed by user id. */
    public static final String TOPIC = "identity.users";

    public static final String USER_REGISTERED = "polyshop.identity.user-registered.v1";

    private IdentityEvents() {}
}
