package io.polyshop.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * The requests that need a permission, decided by the security filter before the request reaches a
 * controller (so before its body is read or validated). A service declares them as a bean:
 *
 * <pre>{@code
 * GuardedEndpoints.builder()
 *         .require(HttpMethod.GET, "/api/v1/admin/orders/**", Permission.ORDER_READ_ANY)
 *         .require(HttpMethod.POST, "/api/v1/admin/orders/**", Permission.ORDER_WRITE_ANY)
 *         .build();
 * }</pre>
 */
public record GuardedEndpoints(List<Guard> guards) {

    /** One method and path pattern, and the permission it needs. */
    public record Guard(HttpMethod method, String pattern, Permission permission) {}

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {

        private final List<Guard> guards = new ArrayList<>();

        private Builder() {}

        public Builder require(HttpMethod method, String pattern, Permission permission) {
            guards.add(new Guard(method, pattern, permission));
            return this;
        }

        /** Reading {@code pattern} (GET) needs {@code read}; every other method needs {@code write}. */
        public Builder readWrite(String pattern, Permission read, Permission write) {
            require(HttpMethod.GET, pattern, read);
            for (HttpMethod method :
                    new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
                require(method, pattern, write);
            }
            return this;
        }

        public GuardedEndpoints build() {
            return new GuardedEndpoints(List.copyOf(guards));
        }
    }
}
