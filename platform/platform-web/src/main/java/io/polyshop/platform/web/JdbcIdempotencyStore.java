package io.polyshop.platform.web;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The idempotency store for services whose store is PostgreSQL. */
public class JdbcIdempotencyStore implements IdempotencyStore {

    private final JdbcClient jdbc;

    public JdbcIdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Entry> claim(String scope, String key, String fingerprint) {
        int claimed = jdbc.sql("""
                        insert into polyshop_web.idempotency_record (scope, key, fingerprint) values (:scope, :key, :fingerprint)
                        on conflict do nothing
                        """)
                .param("scope", scope)
                .param("key", key)
                .param("fingerprint", fingerprint)
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return jdbc.sql(
                        "select fingerprint, status, content_type, body from polyshop_web.idempotency_record where scope = :scope and key = :key")
                .param("scope", scope)
                .param("key", key)
                .query((row, n) -> new Entry(
                        row.getString("fingerprint"),
                        (Integer) row.getObject("status"),
                        row.getString("content_type"),
                        row.getBytes("body")))
                .optional();
    }

    @Override
    public void complete(String scope, String key, int status, String contentType, byte[] body) {
        jdbc.sql("""
                        update polyshop_web.idempotency_record set status = :status, content_type = :contentType, body = :body
                        where scope = :scope and key = :key
                        """)
                .param("status", status)
                .param("contentType", contentType)
                .param("body", body)
                .param("scope", scope)
                .param("key", key)
                .update();
    }

    @Override
    public void release(String scope, String key) {
        jdbc.sql("delete from polyshop_web.idempotency_record where scope = :scope and key = :key")
                .param("scope", scope)
                .param("key", key)
                .update();
    }
}
