package io.polyshop.platform.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling: the token's subject, roles and permissions. */
public record Caller(String id, Set<Role> roles, Set<Permission> permissions) {

    /** The authenticated caller of the current request, if there is one. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        Set<String> authorities = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toUnmodifiableSet());
        Set<Role> roles = Arrays.stream(Role.values())
                .filter(role -> authorities.contains(role.authority()))
                .collect(Collectors.toUnmodifiableSet());
        Set<Permission> permissions = Arrays.stream(Permission.values())
                .filter(permission -> authorities.contains(permission.authority()))
                .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new Caller(token.getName(), roles, permissions));
    }

    /** The current caller if they hold {@code permission}; 403 otherwise. */
    public static Caller requiring(Permission permission) {
        return current()
                .filter(caller -> caller.can(permission))
                .orElseThrow(() -> new AccessDeniedException("needs " + permission.authority()));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }
}
