package io.polyshop.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Tokens for security tests, signed (or not) the way an attacker or a clock might: valid, expired,
 * tampered, signed by a key the service does not trust, and unsigned ({@code alg=none}). The
 * trusted key is published as a JWKS on 127.0.0.1, one per test JVM, so services under test verify
 * tokens exactly as they do in production.
 */
public final class TestTokens {

    public static final String ISSUER = "http://polyshop-test-issuer";
    private static final String KEY_ID = "polyshop-test-key";
    private static TestTokens shared;

    private final RSAKey trusted;
    private final RSAKey untrusted;
    private final String jwksUri;

    private TestTokens(RSAKey trusted, RSAKey untrusted, String jwksUri) {
        this.trusted = trusted;
        this.untrusted = untrusted;
        this.jwksUri = jwksUri;
    }

    /** The JVM's token issuer, its JWKS served on first use. */
    public static synchronized TestTokens shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static TestTokens start() {
        try {
            RSAKey trusted = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
            RSAKey untrusted = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
            byte[] jwks = new JWKSet(trusted.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "polyshop-test-jwks-stop"));
            String uri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
            return new TestTokens(trusted, untrusted, uri);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate test signing keys", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serve the test JWKS", e);
        }
    }

    /** Points {@code polyshop.security.*} of a Spring test at this issuer. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("polyshop.security.jwks-uri", () -> shared().jwksUri());
        registry.add("polyshop.security.revocations-url", TestEngines::redisUri);
        registry.add("polyshop.security.issuer", () -> ISSUER);
    }

    /** The same settings, as the environment of a service started as a process. */
    public static Map<String, String> environment() {
        return Map.of(
                "POLYSHOP_SECURITY_JWKS_URI", shared().jwksUri(),
                "POLYSHOP_SECURITY_REVOCATIONS_URL", TestEngines.redisUri(),
                "POLYSHOP_SECURITY_ISSUER", ISSUER);
    }

    public String jwksUri() {
        return jwksUri;
    }

    /** A token the service must accept, for {@code subject} with {@code roles}. */
    public String valid(String subject, String... roles) {
        return sign(trusted, claims(subject, Instant.now().plus(Duration.ofMinutes(5)), roles));
    }

    /** A valid token of the given version ({@code ver}), which identity raises to revoke older ones. */
    public String validOfVersion(String subject, long version, String... roles) {
        JWTClaimsSet claims = claims(subject, Instant.now().plus(Duration.ofMinutes(5)), roles);
        return sign(
                trusted, new JWTClaimsSet.Builder(claims).claim("ver", version).build());
    }

    public String expired(String subject, String... roles) {
        return sign(trusted, claims(subject, Instant.now().minus(Duration.ofMinutes(5)), roles));
    }

    /** A valid customer token whose payload was then edited to claim {@code roles}, keeping the old signature. */
    public String tampered(String subject, String... roles) {
        String[] parts = valid(subject, "CUSTOMER").split("\\.");
        String forgedPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims(subject, Instant.now().plus(Duration.ofMinutes(5)), roles)
                        .toString()
                        .getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + forgedPayload + "." + parts[2];
    }

    /** Well-formed and unexpired, with the trusted key's id, but signed by another key. */
    public String signedWithWrongKey(String subject, String... roles) {
        return sign(untrusted, claims(subject, Instant.now().plus(Duration.ofMinutes(5)), roles));
    }

    /** {@code alg=none}: no signature at all. */
    public String unsigned(String subject, String... roles) {
        return new PlainJWT(claims(subject, Instant.now().plus(Duration.ofMinutes(5)), roles)).serialize();
    }

    /**
     * The permissions identity writes into a token for each role. A copy of platform-security's
     * {@code Role} grants (this module cannot depend on it: that module's tests use this one), held
     * equal to them by that module's tests.
     */
    public static final Map<String, List<String>> PERMISSIONS_OF_ROLE = Map.of(
            "CUSTOMER", List.of("cart:own", "order:own", "payment:own", "notification:own"),
            "SUPPORT",
                    List.of(
                            "cart:read-any",
                            "order:read-any",
                            "payment:read-any",
                            "notification:read-any",
                            "catalog:read-any",
                            "inventory:read-any",
                            "user:read-any"),
            "ADMIN",
                    List.of(
                            "cart:read-any",
                            "cart:write-any",
                            "order:read-any",
                            "order:write-any",
                            "payment:read-any",
                            "notification:read-any",
                            "notification:write-any",
                            "catalog:read-any",
                            "catalog:write-any",
                            "inventory:read-any",
                            "inventory:write-any",
                            "search:write-any",
                            "user:read-any",
                            "role:grant",
                            "signing-key:rotate",
                            "platform:operate"));

    private static JWTClaimsSet claims(String subject, Instant expiry, String... roles) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(expiry.minus(Duration.ofMinutes(10))))
                .notBeforeTime(Date.from(expiry.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(expiry))
                .claim("roles", List.of(roles))
                .claim(
                        "permissions",
                        Arrays.stream(roles)
                                .flatMap(role -> PERMISSIONS_OF_ROLE.getOrDefault(role, List.of()).stream())
                                .distinct()
                                .toList())
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a test token", e);
        }
    }
}
