package io.polyshop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-11-29T10:00:00Z");

    private final JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
    private final List<String> verified = new ArrayList<>();
    private final List<String> forged = new ArrayList<>();

    /** Stands for Nimbus: counts full verifications, refuses forged and expired tokens. */
    private final JwtDecoder verifier = token -> {
        verified.add(token);
        if (forged.contains(token)) {
            throw new BadJwtException("signature does not match");
        }
        Jwt jwt = jwt(token);
        if (timestamps.validate(jwt).hasErrors()) {
            throw new JwtValidationException("expired", List.of(new OAuth2Error("invalid_token")));
        }
        return jwt;
    };

    private final VerifiedTokens tokens = new VerifiedTokens(verifier, timestamps, 100, Duration.ofMinutes(5));

    @Test
    void verifiesATokenOnceAndAnswersItsNextUsesFromMemory() {
        at(ISSUED.plusSeconds(1));

        Jwt first = tokens.decode("token-a");
        Jwt again = tokens.decode("token-a");
        tokens.decode("token-b");

        assertThat(again).isSameAs(first);
        assertThat(verified).containsExactly("token-a", "token-b");
    }

    @Test
    void refusesARememberedTokenOnceItHasExpired() {
        at(ISSUED.plusSeconds(1));
        tokens.decode("token-a");

        at(ISSUED.plus(Duration.ofMinutes(11)));

        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(JwtValidationException.class);
        assertThat(verified).containsExactly("token-a", "token-a");
    }

    @Test
    void neverRemembersARefusedToken() {
        at(ISSUED.plusSeconds(1));
        forged.add("forged");

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        }
        assertThat(verified).containsExactly("forged", "forged");
    }

    private void at(Instant now) {
        timestamps.setClock(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Jwt jwt(String token) {
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("customer-1")
                .issuedAt(ISSUED)
                .expiresAt(ISSUED.plus(Duration.ofMinutes(10)))
                .build();
    }
}
