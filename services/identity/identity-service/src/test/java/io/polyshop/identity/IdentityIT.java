package io.polyshop.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.polyshop.identity.adapter.out.postgres.JdbcRolePermissions;
import io.polyshop.identity.api.IdentityEvents;
import io.polyshop.identity.application.port.out.SigningKeys;
import io.polyshop.platform.messaging.EventEnvelopes;
import io.polyshop.platform.security.Permission;
import io.polyshop.platform.security.Role;
import io.polyshop.platform.test.KeptToApiDocument;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestEngines;
import io.polyshop.platform.test.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(KeptToApiDocument.class)
class IdentityIT {

    private static final String PASSWORD = "a long passphrase 42";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    EventEnvelopes envelopes;

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private IdentityClient identity;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        SpringEngineProperties.postgres(registry, "identity");
        SpringEngineProperties.kafka(registry);
        registry.add("polyshop.security.revocations-url", TestEngines::redisUri);
    }

    @BeforeEach
    void client() {
        identity = new IdentityClient(port);
    }

    private static String newEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void registersACustomerAndAnnouncesIt() {
        String email = newEmail();

        var response = identity.register(email, PASSWORD, "Grace Hopper");

        assertThat(response.status()).isEqualTo(201);
        var user = response.json();
        assertThat(user.get("roles").toString()).isEqualTo("[\"CUSTOMER\"]");
        String id = user.get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> eventTypesFor(id).contains(IdentityEvents.USER_REGISTERED));
    }

    @Test
    void treatsEmailAddressesAsEqualIgnoringCase() {
        String email = newEmail();
        identity.register(email, PASSWORD, "First");

        var duplicate = identity.register(email.toUpperCase(), PASSWORD, "Second");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(identity.logIn(email.toUpperCase(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void rejectsWeakPasswordsAndBadAddressesNamingTheFieldAndStoringNothing() {
        long before = users();

        var weak = identity.register(newEmail(), "password", "Weak");
        var badAddress = identity.register("not-an-address", PASSWORD, "Nobody");

        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("\"field\":\"password\"").contains("at least 12 characters");
        assertThat(badAddress.status()).isEqualTo(400);
        assertThat(badAddress.body()).contains("\"field\":\"email\"");
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void refusesPasswordsLongerThanTheHashReadsWith400AndNever500() {
        long before = users();
        String email = newEmail();

        var tooLong = identity.register(email, "correct horse battery staple 2026 ".repeat(3), "Long");
        var longest = identity.register(email, "x".repeat(71) + "1", "Longest");

        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"password\"").contains("at most 72 bytes");
        assertThat(longest.status()).isEqualTo(201);
        assertThat(users()).isEqualTo(before + 1);
        assertThat(identity.logIn(email, "x".repeat(71) + "1" + "ignored by nobody")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void storesAddressesAndNamesInNfkcAndRefusesInvisibleCharacters() {
        long before = users();
        String local = "user-" + UUID.randomUUID();
        String fullWidth = local.replace("user", "\uFF55\uFF53\uFF45\uFF52") + "@example.com";

        var registered = identity.register(fullWidth, PASSWORD, "\uFF27race");
        var bidiName = identity.register(newEmail(), PASSWORD, "Grace \u202Eevil");
        var zeroWidthAddress =
                identity.register("gr\u200Bace-" + UUID.randomUUID() + "@example.com", PASSWORD, "Grace");

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("email").asString()).isEqualTo(local + "@example.com");
        assertThat(registered.json().get("displayName").asString()).isEqualTo("Grace");
        assertThat(identity.logIn(local + "@example.com", PASSWORD).status()).isEqualTo(200);
        assertThat(bidiName.status()).isEqualTo(400);
        assertThat(bidiName.body()).contains("\"field\":\"displayName\"").contains("U+202E");
        assertThat(zeroWidthAddress.status()).isEqualTo(400);
        assertThat(zeroWidthAddress.body()).contains("\"field\":\"email\"");
        assertThat(users()).isEqualTo(before + 1);
    }

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

    private String registered() {
        String email = newEmail();
        identity.register(email, PASSWORD, "Somebody");
        return email;
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
    void refusesOversizedBodiesWith413AndStoresNothing() {
        long before = users();

        var response = identity.register(newEmail(), PASSWORD, "x".repeat(2_000_000));

        assertThat(response.status()).isEqualTo(413);
        assertThat(users()).isEqualTo(before);
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

    @Test
    void treatsSqlInjectionPayloadsAsPlainData() {
        long before = users();
        String email = "robert'--" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String name = "Robert'); DROP TABLE app_user;--";

        var registered = identity.register(email, PASSWORD, name);
        var injectedLogin = identity.logIn("' OR '1'='1", "' OR '1'='1");
        var injectedEmail = identity.logIn("admin@polyshop.test' --", "anything at all 1");

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("displayName").asString()).isEqualTo(name);
        assertThat(injectedLogin.status()).isEqualTo(401);
        assertThat(injectedEmail.status()).isEqualTo(401);
        assertThat(users()).isEqualTo(before + 1);
    }

    @Test
    void publishesItsOpenApiDocumentWithoutAToken() {
        var document = identity.send("GET", "/v3/api-docs", null, null);

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).contains("\"openapi\":\"3.").contains("/api/v1/identity/tokens");
    }

    private int me(String token) {
        return identity.send("GET", "/api/v1/identity/users/me", token, null).status();
    }

    private String expiredTokenFor(String subject) {
        SigningKeys.SigningKey key = signingKeys.current();
        RSAKey jwk = new RSAKey.Builder(key.publicKey())
                .privateKey(key.privateKey())
                .keyID(key.kid())
                .build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(jwk)));
        Instant past = Instant.now().minus(Duration.ofHours(1));
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("polyshop-identity")
                .subject(subject)
                .issuedAt(past)
                .expiresAt(past.plus(Duration.ofMinutes(10)))
                .claim("roles", List.of("CUSTOMER"))
                .build();
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256)
                                .keyId(key.kid())
                                .build(),
                        claims))
                .getTokenValue();
    }

    private long users() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    private List<String> eventTypesFor(String userId) {
        List<String> types = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestEngines.kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "identity-it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(IdentityEvents.TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    var event = envelopes.deserialize(record.value());
                    if (userId.equals(event.getSubject())) {
                        types.add(event.getType());
                    }
                }
            }
        }
        return types;
    }
}
