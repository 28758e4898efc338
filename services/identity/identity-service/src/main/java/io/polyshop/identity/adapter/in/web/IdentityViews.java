package io.polyshop.identity.adapter.in.web;

import io.polyshop.identity.application.TokenPair;
import io.polyshop.identity.domain.Role;
import io.polyshop.identity.domain.User;
import java.util.List;
import java.util.UUID;

/** What identity's endpoints answer. */
final class IdentityViews {

    private IdentityViews() {}

    record UserView(UUID id, String email, String displayName, List<String> roles) {

        static UserView of(User user) {
            return new UserView(
                    user.id().value(),
                    user.email().value(),
                    user.displayName(),
                    user.roles().stream().map(Role::name).sorted().toList());
        }
    }

    record Tokens(String accessToken, String tokenType, long expiresIn, String refreshToken) {

        static Tokens of(TokenPair pair) {
            return new Tokens(
                    pair.accessToken(), "Bearer", pair.accessTokenExpiresIn().toSeconds(), pair.refreshToken());
        }
    }
}
