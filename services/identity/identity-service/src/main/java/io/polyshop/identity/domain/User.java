package io.polyshop.identity.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An account: who it is, how it proves it, and the roles it holds. Its token version rises with
 * every change of password or roles, which revokes the tokens issued before.
 */
public final class User {

    private final UserId id;
    private final EmailAddress email;
    private final String displayName;
    private String passwordHash;
    private final Set<Role> roles;
    private long tokenVersion;

    public User(
            UserId id,
            EmailAddress email,
            String displayName,
            String passwordHash,
            Set<Role> roles,
            long tokenVersion) {
        this.id = Objects.requireNonNull(id);
        this.email = Objects.requireNonNull(email);
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            throw new InvalidFieldException("displayName", "must be 1 to 100 characters");
        }
        this.displayName = displayName.strip();
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.tokenVersion = tokenVersion;
    }

    /** A new customer account; its name is kept as {@link TypedText} has it. */
    public static User register(EmailAddress email, String displayName, String passwordHash) {
        String name = displayName == null ? null : TypedText.normalised("displayName", displayName);
        return new User(UserId.newId(), email, name, passwordHash, Set.of(Role.CUSTOMER), 0);
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
        tokenVersion++;
    }

    /** @return whether the role was new */
    public boolean grant(Role role) {
        return changed(roles.add(role));
    }

    /** @return whether the user held the role */
    public boolean revoke(Role role) {
        return changed(roles.remove(role));
    }

    private boolean changed(boolean changed) {
        if (changed) {
            tokenVersion++;
        }
        return changed;
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

    /** Tokens of an older version are revoked. */
    public long tokenVersion() {
        return tokenVersion;
    }
}
