package io.polyshop.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling: the token's subject and roles. */
public record Caller(String id, Set<Role> roles) {

    /** The authenticated caller of the current request, if there is one. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        Set<Role> roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(authority -> java.util.Arrays.stream(Role.values())
                        .filter(role -> role.authority().equals(authority)))
                .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new Caller(token.getName(), roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Admins and support staff may look at any customer's resources. */
    public boolean isStaff() {
        return has(Role.ADMIN) || has(Role.SUPPORT);
    }
}
