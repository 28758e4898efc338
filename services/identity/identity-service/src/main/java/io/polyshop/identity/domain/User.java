package io.polyshop.identity.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** An account: who it is, how it proves it, and the roles it holds. */
public final class User {

    private final UserId id;
    private final EmailAddress email;
    private final String displayName;
    private String passwordHash;
    private final Set<Role> roles;

    public User(UserId id, EmailAddress email, String displayName, String passwordHash, Set<Role> roles) {
        this.id = Objects.requireNonNull(id);
        this.email = Objects.requireNonNull(email);
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            throw new InvalidFieldException("displayName", "must be 1 to 100 characters");
        }
        this.displayName = displayName.strip();
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** A new customer account; its name is kept as {@link TypedText} has it. */
    public static User register(EmailAddress email, String displayName, String passwordHash) {
        String name = displayName == null ? null : TypedText.normalised("displayName", displayName);
        return new User(UserId.newId(), email, name, passwordHash, Set.of(Role.CUSTOMER));
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
    }

    /** @return whether the role was new */
    public boolean grant(Role role) {
        return roles.add(role);
    }

    /** @return whether the user held the role */
    public boolean revoke(Role role) {
        return roles.remove(role);
    }

    public UserId id() {
        return id;
    }

    public EmailAddress email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }
}
