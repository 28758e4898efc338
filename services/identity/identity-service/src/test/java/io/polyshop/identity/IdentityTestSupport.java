package io.polyshop.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.polyshop.identity.api.IdentityEvents;
import io.polyshop.identity.application.port.out.SigningKeys;
import io.polyshop.platform.messaging.EventEnvelopes;
import io.polyshop.platform.test.KeptToApiDocument;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestEngines;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
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

/** What the identity ITs share: the service running on its engines, and the helpers their tests use. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(KeptToApiDocument.class)
abstract class IdentityTestSupport {

    static final String PASSWORD = "a long passphrase 42";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    EventEnvelopes envelopes;

    static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    IdentityClient identity;

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

    static String newEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    String registered() {
        String email = newEmail();
        identity.register(email, PASSWORD, "Somebody");
        return email;
    }

    int me(String token) {
        return identity.send("GET", "/api/v1/identity/users/me", token, null).status();
    }

    String expiredTokenFor(String subject) {
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

    long users() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    List<String> eventTypesFor(String userId) {
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
