package io.polyshop.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import io.polyshop.identity.adapter.out.postgres.JdbcRolePermissions;
import io.polyshop.platform.security.Permission;
import io.polyshop.platform.security.Role;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The back office: roles granted and revoked, what support may see, and the signing keys. */
class RolesAndKeysIT extends IdentityTestSupport {

    @Test
    void refusesTokensFromBeforeARoleChangeOnTheNextRequest() throws Exception {
        String email = newEmail();
        String id =
                identity.register(email, PASSWORD, "Demoted").json().get("id").asString();
        String admin = identity.tokens("admin@polyshop.test", "store-keeper-2026")[0];
        String before = identity.tokens(email, PASSWORD)[0];
        assertThat(identity.send("GET", "/api/v1/identity/users/me", before, null)
                        .status())
                .isEqualTo(200);

        identity.send("PUT", "/api/v1/identity/users/" + id + "/roles/SUPPORT", admin, null);
        var stale = identity.send("GET", "/api/v1/identity/users/me", before, null);
        String after = identity.tokens(email, PASSWORD)[0];

        assertThat(stale.status()).isEqualTo(401);
        assertThat(SignedJWT.parse(after).getJWTClaimsSet().getLongClaim("ver")).isEqualTo(1L);
        assertThat(identity.send("GET", "/api/v1/identity/users/" + id, after, null)
                        .status())
                .as("the new token carries the new role")
                .isEqualTo(200);
    }

    @Test
    void letsOnlyAdminsGrantRolesAndTheGrantShowsOnTheNextRefresh() throws Exception {
        String email = newEmail();
        String id =
                identity.register(email, PASSWORD, "Climber").json().get("id").asString();
        String[] customer = identity.tokens(email, PASSWORD);
        String admin = identity.tokens("admin@polyshop.test", "store-keeper-2026")[0];

        var escalation = identity.send("PUT", "/api/v1/identity/users/" + id + "/roles/ADMIN", customer[0], null);
        var grant = identity.send("PUT", "/api/v1/identity/users/" + id + "/roles/SUPPORT", admin, null);
        String refreshed =
                identity.refresh(customer[1]).json().get("accessToken").asString();

        assertThat(escalation.status()).isEqualTo(403);
        assertThat(grant.status()).isEqualTo(200);
        assertThat(SignedJWT.parse(refreshed).getJWTClaimsSet().getStringListClaim("roles"))
                .containsExactlyInAnyOrder("CUSTOMER", "SUPPORT");
        assertThat(identity.send("PUT", "/api/v1/identity/users/" + id + "/roles/ROOT", admin, null)
                        .status())
                .isEqualTo(400);

        var revoke = identity.send("DELETE", "/api/v1/identity/users/" + id + "/roles/SUPPORT", admin, null);
        String afterRevoke = identity.tokens(email, PASSWORD)[0];

        assertThat(revoke.status()).isEqualTo(200);
        assertThat(SignedJWT.parse(afterRevoke).getJWTClaimsSet().getStringListClaim("roles"))
                .containsExactly("CUSTOMER");
    }

    @Test
    void writesTheGrantsOfItsRoleTableIntoTheTokenAsEveryServiceReadsThem() throws Exception {
        JdbcRolePermissions table = new JdbcRolePermissions(jdbc);
        for (Role role : Role.values()) {
            assertThat(table.grantedTo(Set.of(io.polyshop.identity.domain.Role.valueOf(role.name()))))
                    .as(role.name())
                    .isEqualTo(role.permissions().stream()
                            .map(Permission::authority)
                            .collect(Collectors.toSet()));
        }
        String email = newEmail();
        identity.register(email, PASSWORD, "Reader");

        String token = identity.tokens(email, PASSWORD)[0];

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("permissions"))
                .containsExactlyInAnyOrder("cart:own", "notification:own", "order:own", "payment:own");
    }

    @Test
    void letsSupportSeeAnAccountButNeitherGrantRolesNorRotateKeys() {
        String email = newEmail();
        String id =
                identity.register(email, PASSWORD, "Helper").json().get("id").asString();
        String admin = identity.tokens("admin@polyshop.test", "store-keeper-2026")[0];
        identity.send("PUT", "/api/v1/identity/users/" + id + "/roles/SUPPORT", admin, null);
        String support = identity.tokens(email, PASSWORD)[0];
        String customer = identity.tokens(registered(), PASSWORD)[0];

        assertThat(identity.send("GET", "/api/v1/identity/users/" + id, support, null)
                        .status())
                .isEqualTo(200);
        assertThat(identity.send("GET", "/api/v1/identity/users/" + id, customer, null)
                        .status())
                .isEqualTo(403);
        assertThat(identity.send("PUT", "/api/v1/identity/users/" + id + "/roles/ADMIN", support, null)
                        .status())
                .isEqualTo(403);
        assertThat(identity.send("POST", "/api/v1/identity/keys/rotation", support, null)
                        .status())
                .isEqualTo(403);
        assertThat(identity.send("GET", "/api/v1/identity/users/me", customer, null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void keepsPrivateSigningKeysSealedAndSealsThoseStoredBefore() throws Exception {
        identity.tokens("admin@polyshop.test", "store-keeper-2026");
        java.security.KeyPair legacy =
                java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String legacyKid = "legacy-" + UUID.randomUUID();
        jdbc.sql("""
                        insert into signing_key (kid, public_key, private_key, sealed, created_at, retired_at)
                        values (?, ?, ?, false, now(), now())
                        """)
                .params(
                        legacyKid,
                        legacy.getPublic().getEncoded(),
                        legacy.getPrivate().getEncoded())
                .update();

        assertThat(((io.polyshop.identity.adapter.out.postgres.JdbcSigningKeys) signingKeys).sealPlainKeys())
                .isEqualTo(1);

        List<byte[]> stored = jdbc.sql("select private_key from signing_key")
                .query(byte[].class)
                .list();
        assertThat(jdbc.sql("select count(*) from signing_key where not sealed")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(stored)
                .noneSatisfy(
                        bytes -> assertThat(bytes).isEqualTo(legacy.getPrivate().getEncoded()));
        for (byte[] bytes : stored) {
            assertThatThrownBy(() -> java.security.KeyFactory.getInstance("RSA")
                            .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(bytes)))
                    .as("a stored private key is not readable as it is")
                    .isInstanceOf(java.security.GeneralSecurityException.class);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        signingKeys.reload().stream().anyMatch(key -> key.kid().equals(legacyKid)));
        assertThat(signingKeys.published().stream().filter(key -> key.kid().equals(legacyKid)))
                .singleElement()
                .satisfies(key -> assertThat(key.privateKey().getEncoded())
                        .isEqualTo(legacy.getPrivate().getEncoded()));
    }

    @Test
    void keepsTokensSignedWithARetiredKeyValidAfterRotation() {
        String admin = identity.tokens("admin@polyshop.test", "store-keeper-2026")[0];
        String oldKid = signingKeys.current().kid();

        var rotation = identity.send("POST", "/api/v1/identity/keys/rotation", admin, null);
        String newKid = rotation.json().get("kid").asString();

        assertThat(rotation.status()).isEqualTo(200);
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(me(admin)).as("a token signed before the rotation").isEqualTo(200);
        String jwks = identity.send("GET", "/oauth2/jwks", null, null).body();
        assertThat(jwks).contains(oldKid).contains(newKid);
    }
}
