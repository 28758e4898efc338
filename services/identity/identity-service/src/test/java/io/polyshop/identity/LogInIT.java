package io.polyshop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.polyshop.platform.test.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Logging in and staying in: access and refresh tokens, throttled guessing, log-out and password change. */
class LogInIT extends IdentityTestSupport {

    @Test
    void issuesRs256TokensThatVerifyAgainstThePublishedJwks() throws Exception {
        String email = newEmail();
        String id = identity.register(email, PASSWORD, "Alan").json().get("id").asString();

        SignedJWT token = SignedJWT.parse(identity.tokens(email, PASSWORD)[0]);
        JWKSet jwks =
                JWKSet.parse(identity.send("GET", "/oauth2/jwks", null, null).body());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(token.getHeader().getKeyID());

        assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo(id);
        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("CUSTOMER");
        assertThat(token.getJWTClaimsSet().getExpirationTime())
                .isBefore(java.util.Date.from(Instant.now().plusSeconds(601)));
        assertThat(jwks.toString()).doesNotContain("\"d\":");
    }

    @Test
    void refusesWrongPasswordsAndUnknownAccountsAlike() {
        String email = newEmail();
        identity.register(email, PASSWORD, "Alan");

        var wrong = identity.logIn(email, "not the password 1");
        var unknown = identity.logIn(newEmail(), PASSWORD);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    }

    @Test
    void makesTheGuessingClientWaitWhileTheOwnerLogsInFromElsewhere() {
        String email = newEmail();
        identity.register(email, PASSWORD, "Target");
        IdentityClient attacker = identity.from("203.0.113." + (1 + RANDOM.nextInt(250)));
        IdentityClient owner = identity.from("198.51.100." + (1 + RANDOM.nextInt(250)));

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(attacker.logIn(email, "guess number " + attempt).status())
                    .isEqualTo(401);
        }
        var waiting = attacker.logIn(email, PASSWORD);
        var ownersLogin = owner.logIn(email, PASSWORD);

        assertThat(waiting.status()).isEqualTo(429);
        assertThat(Long.parseLong(waiting.header("Retry-After"))).isBetween(1L, 30L);
        assertThat(ownersLogin.status()).as("no lock-out for the owner").isEqualTo(200);
    }

    @Test
    void checksAndRecordsConcurrentFailuresOneAfterTheOther() throws Exception {
        String email = newEmail();
        identity.register(email, PASSWORD, "Raced");
        IdentityClient attacker = identity.from("192.0.2." + (1 + RANDOM.nextInt(250)));
        int attempts = 16;
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(attempts)) {
            for (int i = 0; i < attempts; i++) {
                int attempt = i;
                statuses.add(pool.submit(() -> {
                    start.await();
                    return attacker.logIn(email, "parallel guess " + attempt).status();
                }));
            }
            start.countDown();
            List<Integer> answered = new ArrayList<>();
            for (var status : statuses) {
                answered.add(status.get());
            }

            assertThat(answered.stream().filter(status -> status == 401))
                    .as("exactly the allowed failures were checked, however many raced")
                    .hasSize(5);
            assertThat(answered.stream().filter(status -> status == 429)).hasSize(attempts - 5);
        }
    }

    @Test
    void rotatesRefreshTokensAndRevokesTheFamilyWhenAnOldOneIsReplayed() {
        String email = newEmail();
        identity.register(email, PASSWORD, "Rotating");
        String first = identity.tokens(email, PASSWORD)[1];

        var rotated = identity.refresh(first);
        String second = rotated.json().get("refreshToken").asString();
        var replayed = identity.refresh(first);

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(second).isNotEqualTo(first);
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(identity.refresh(second).status())
                .as("the whole family is revoked")
                .isEqualTo(401);
    }

    @Test
    void refusesARefreshTokenAfterLogOut() {
        String email = newEmail();
        identity.register(email, PASSWORD, "Leaving");
        String refresh = identity.tokens(email, PASSWORD)[1];

        assertThat(identity.revoke(refresh).status()).isEqualTo(204);

        assertThat(identity.refresh(refresh).status()).isEqualTo(401);
    }

    @Test
    void changesThePasswordAndSignsOutEveryLogin() {
        String email = newEmail();
        identity.register(email, PASSWORD, "Changer");
        String[] tokens = identity.tokens(email, PASSWORD);

        var wrongCurrent = identity.send(
                "PUT",
                "/api/v1/identity/users/me/password",
                tokens[0],
                "{\"currentPassword\":\"not it at all 1\",\"newPassword\":\"another passphrase 7\"}");
        var changed = identity.send(
                "PUT",
                "/api/v1/identity/users/me/password",
                tokens[0],
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"another passphrase 7\"}");

        assertThat(wrongCurrent.status()).isEqualTo(401);
        assertThat(changed.status()).isEqualTo(204);
        assertThat(identity.refresh(tokens[1]).status()).isEqualTo(401);
        assertThat(identity.logIn(email, PASSWORD).status()).isEqualTo(401);
        assertThat(identity.logIn(email, "another passphrase 7").status()).isEqualTo(200);
        assertThat(identity.send("GET", "/api/v1/identity/users/me", tokens[0], null)
                        .status())
                .as("the access token from before the change, on the very next request")
                .isEqualTo(401);
    }

    @Test
    void refusesExpiredTamperedWrongKeyAndUnsignedTokens() {
        String email = newEmail();
        String id = identity.register(email, PASSWORD, "Probe").json().get("id").asString();
        String valid = identity.tokens(email, PASSWORD)[0];
        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"CUSTOMER\"", "\"ADMIN\"");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];

        assertThat(me(valid)).isEqualTo(200);
        assertThat(me(expiredTokenFor(id))).isEqualTo(401);
        assertThat(me(tampered)).isEqualTo(401);
        assertThat(me(TestTokens.shared().signedWithWrongKey(id, "ADMIN"))).isEqualTo(401);
        assertThat(me(TestTokens.shared().unsigned(id, "ADMIN"))).isEqualTo(401);
    }
}
