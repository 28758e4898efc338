package io.polyshop.identity.adapter.in.web;

import io.polyshop.identity.adapter.in.web.IdentityViews.UserView;
import io.polyshop.identity.application.RoleAdministration;
import io.polyshop.identity.application.TokenKeys;
import io.polyshop.identity.domain.Role;
import io.polyshop.identity.domain.UserId;
import io.polyshop.platform.security.Caller;
import io.polyshop.platform.security.Permission;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff operations: looking up accounts, granting and revoking roles, rotating the signing key. */
@RestController
@RequestMapping("/api/v1/identity")
class AdminController {

    private final RoleAdministration roles;
    private final TokenKeys keys;

    AdminController(RoleAdministration roles, TokenKeys keys) {
        this.roles = roles;
        this.keys = keys;
    }

    /** Its path is also /users/me's, hence checked here rather than by path (the others are guarded by path). */
    @GetMapping("/users/{id}")
    UserView find(@PathVariable UUID id) {
        Caller.requiring(Permission.USER_READ_ANY);
        return UserView.of(roles.find(new UserId(id)));
    }

    @PutMapping("/users/{id}/roles/{role}")
    UserView grant(@PathVariable UUID id, @PathVariable Role role) {
        return UserView.of(roles.grant(new UserId(id), role));
    }

    @DeleteMapping("/users/{id}/roles/{role}")
    UserView revoke(@PathVariable UUID id, @PathVariable Role role) {
        return UserView.of(roles.revoke(new UserId(id), role));
    }

    @PostMapping("/keys/rotation")
    Map<String, String> rotateSigningKey() {
        return Map.of("kid", keys.rotate());
    }
}
