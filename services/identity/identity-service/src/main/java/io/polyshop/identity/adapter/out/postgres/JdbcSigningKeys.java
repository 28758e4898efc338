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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.transaction.support.TransactionOperations;

/**
 * RSA signing keys kept in identity's database, so every instance signs with the same key and a
 * rotation is seen by all. The private keys are stored sealed (encrypted) by {@code sealer}, so that
 * a copy of the database or a backup does not sign tokens. Keys retired less than
 * {@code publishedAfterRetirement} ago stay in the
 * JWKS, long enough for every token they signed to expire. The keys are cached for 30 seconds; a
 * rotation on another instance is picked up then, or sooner through {@link #reload()}.
 */
public class JdbcSigningKeys implements SigningKeys {

    private static final Duration CACHE_LIFETIME = Duration.ofSeconds(30);
    private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Duration publishedAfterRetirement;
    private final Clock clock;
    private final BytesEncryptor sealer;
    private volatile Loaded loaded;

    /** The keys as last read, so that signing and verifying do not query the database each time. */
    private record Loaded(List<SigningKey> keys, Instant at) {}

    public JdbcSigningKeys(
            JdbcClient jdbc,
            TransactionOperations transactions,
            Duration publishedAfterRetirement,
            Clock clock,
            BytesEncryptor sealer) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.publishedAfterRetirement = publishedAfterRetirement;
        this.clock = clock;
        this.sealer = sealer;
    }

    /** Seals the keys stored in the clear before keys were sealed; returns how many. */
    public int sealPlainKeys() {
        return transactions.execute(status -> {
            lock();
            List<Map.Entry<String, byte[]>> plain = jdbc.sql(
                            "select kid, private_key from signing_key where not sealed")
                    .query((row, n) -> Map.entry(row.getString("kid"), row.getBytes("private_key")))
                    .list();
            plain.forEach(key -> jdbc.sql("update signing_key set private_key = ?, sealed = true where kid = ?")
                    .params(sealer.encrypt(key.getValue()), key.getKey())
                    .update());
            return plain.size();
        });
    }

    @Override
    public SigningKey current() {
        return active(published()).orElseGet(() -> {
            SigningKey created = transactions.execute(status -> {
                // One instance creates the first key; the others wait for it and use it.
                lock();
                return active(load()).orElseGet(this::create);
            });
            load();
            return created;
        });
    }

    @Override
    public List<SigningKey> published() {
        Loaded last = loaded;
        return last == null || clock.instant().isAfter(last.at().plus(CACHE_LIFETIME)) ? load() : last.keys();
    }

    @Override
    public List<SigningKey> reload() {
        Loaded last = loaded;
        return last != null && clock.instant().isBefore(last.at().plus(MIN_RELOAD_INTERVAL)) ? last.keys() : load();
    }

    @Override
    public SigningKey rotate() {
        SigningKey created = transactions.execute(status -> {
            lock();
            jdbc.sql("update signing_key set retired_at = ? where retired_at is null")
                    .param(Timestamp.from(clock.instant()))
                    .update();
            return create();
        });
        load();
        return created;
    }

    private void lock() {
        jdbc.sql("select pg_advisory_xact_lock(7301)").query(Object.class).single();
    }

    private List<SigningKey> load() {
        List<SigningKey> keys = jdbc.sql("""
                        select kid, public_key, private_key, sealed, created_at, retired_at from signing_key
                        where retired_at is null or retired_at > ? order by created_at desc
                        """)
                .param(Timestamp.from(clock.instant().minus(publishedAfterRetirement)))
                .query((row, n) -> key(
                        row.getString("kid"),
                        row.getBytes("public_key"),
                        row.getBoolean("sealed") ? unseal(row.getBytes("private_key")) : row.getBytes("private_key"),
                        row.getTimestamp("created_at").toInstant(),
                        row.getTimestamp("retired_at") == null
                                ? null
                                : row.getTimestamp("retired_at").toInstant()))
                .list();
        loaded = new Loaded(keys, clock.instant());
        return keys;
    }

    private static Optional<SigningKey> active(List<SigningKey> keys) {
        return keys.stream().filter(key -> key.retiredAt() == null).findFirst();
    }

    private SigningKey create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String kid = UUID.randomUUID().toString();
            Instant now = clock.instant();
            jdbc.sql("""
                            insert into signing_key (kid, public_key, private_key, sealed, created_at)
                            values (?, ?, ?, true, ?)
                            """)
                    .params(
                            kid,
                            pair.getPublic().getEncoded(),
                            sealer.encrypt(pair.getPrivate().getEncoded()),
                            Timestamp.from(now))
                    .update();
            return new SigningKey(kid, (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate(), now, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate an RSA signing key", e);
        }
    }

    private byte[] unseal(byte[] sealed) {
        try {
            return sealer.decrypt(sealed);
        } catch (IllegalStateException wrongSecret) {
            throw new IllegalStateException(
                    "The stored signing keys cannot be opened with polyshop.identity.signing-key-secret: "
                            + "it is not the secret they were sealed with",
                    wrongSecret);
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
