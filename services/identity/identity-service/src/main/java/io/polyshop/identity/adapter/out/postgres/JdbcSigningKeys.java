package io.polyshop.identity.adapter.out.postgres;

import io.polyshop.identity.application.port.out.SigningKeys;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * RSA signing keys kept in identity's database, so every instance signs with the same key and a
 * rotation is seen by all. Keys retired less than {@code publishedAfterRetirement} ago stay in the
 * JWKS, long enough for every token they signed to expire.
 */
public class JdbcSigningKeys implements SigningKeys {

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Duration publishedAfterRetirement;
    private final Clock clock;

    public JdbcSigningKeys(
            JdbcClient jdbc, TransactionOperations transactions, Duration publishedAfterRetirement, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.publishedAfterRetirement = publishedAfterRetirement;
        this.clock = clock;
    }

    @Override
    public SigningKey current() {
        return active().stream()
                .findFirst()
                .orElseGet(() -> transactions.execute(status -> {
                    // One instance creates the first key; the others wait for it and use it.
                    jdbc.sql("select pg_advisory_xact_lock(7301)")
                            .query(Object.class)
                            .single();
                    return active().stream().findFirst().orElseGet(this::create);
                }));
    }

    @Override
    public List<SigningKey> published() {
        return jdbc.sql("""
                        select kid, public_key, private_key, created_at, retired_at from signing_key
                        where retired_at is null or retired_at > ? order by created_at desc
                        """)
                .param(Timestamp.from(clock.instant().minus(publishedAfterRetirement)))
                .query((row, n) -> key(
                        row.getString("kid"),
                        row.getBytes("public_key"),
                        row.getBytes("private_key"),
                        row.getTimestamp("created_at").toInstant(),
                        row.getTimestamp("retired_at") == null
                                ? null
                                : row.getTimestamp("retired_at").toInstant()))
                .list();
    }

    @Override
    public SigningKey rotate() {
        return transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(7301)").query(Object.class).single();
            jdbc.sql("update signing_key set retired_at = ? where retired_at is null")
                    .param(Timestamp.from(clock.instant()))
                    .update();
            return create();
        });
    }

    private List<SigningKey> active() {
        return published().stream().filter(key -> key.retiredAt() == null).toList();
    }

    private SigningKey create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String kid = UUID.randomUUID().toString();
            Instant now = clock.instant();
            jdbc.sql("insert into signing_key (kid, public_key, private_key, created_at) values (?, ?, ?, ?)")
                    .params(
                            kid,
                            pair.getPublic().getEncoded(),
                            pair.getPrivate().getEncoded(),
                            Timestamp.from(now))
                    .update();
            return new SigningKey(kid, (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate(), now, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate an RSA signing key", e);
        }
    }

    private static SigningKey key(String kid, byte[] publicKey, byte[] privateKey, Instant created, Instant retired) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new SigningKey(
                    kid,
                    (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicKey)),
                    (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey)),
                    created,
                    retired);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored signing key cannot be read", e);
        }
    }
}
