package io.polyshop.identity.adapter.out.postgres;

import io.polyshop.identity.application.port.out.RefreshTokens;
import io.polyshop.identity.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Stores only the SHA-256 of each refresh token: a database leak yields no usable tokens. */
public class JdbcRefreshTokens implements RefreshTokens {

    private final JdbcClient jdbc;

    public JdbcRefreshTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(String token, UserId userId, UUID family, Instant expiresAt) {
        jdbc.sql("""
                        insert into refresh_token (id, user_id, family_id, token_hash, expires_at)
                        values (:id, :user, :family, :hash, :expires)
                        """)
                .param("id", UUID.randomUUID())
                .param("user", userId.value())
                .param("family", family)
                .param("hash", sha256(token))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    @Override
    public Optional<Stored> lock(String token) {
        return jdbc.sql("""
                        select id, user_id, family_id, expires_at, used_at is not null as used, revoked_at is not null as revoked
                        from refresh_token where token_hash = ? for update
                        """)
                .param(sha256(token))
                .query((row, n) -> new Stored(
                        row.getObject("id", UUID.class),
                        new UserId(row.getObject("user_id", UUID.class)),
                        row.getObject("family_id", UUID.class),
                        row.getTimestamp("expires_at").toInstant(),
                        row.getBoolean("used"),
                        row.getBoolean("revoked")))
                .optional();
    }

    @Override
    public void markUsed(UUID id) {
        jdbc.sql("update refresh_token set used_at = now() where id = ?")
                .param(id)
                .update();
    }

    @Override
    public void revokeFamily(UUID family) {
        jdbc.sql("update refresh_token set revoked_at = now() where family_id = ? and revoked_at is null")
                .param(family)
                .update();
    }

    @Override
    public void revokeAllOf(UserId userId) {
        jdbc.sql("update refresh_token set revoked_at = now() where user_id = ? and revoked_at is null")
                .param(userId.value())
                .update();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(String.valueOf(token).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
