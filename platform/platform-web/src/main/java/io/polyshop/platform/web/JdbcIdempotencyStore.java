package io.polyshop.platform.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The idempotency store for services whose store is PostgreSQL: the key's lock, the handler's
 * work (which joins the transaction, as a use case's own transaction does) and the stored response
 * are one transaction. Two requests with one key meet at a transaction-scoped advisory lock: the
 * second answers "in progress" at once instead of waiting, and after the first committed it finds
 * the stored response.
 */
public class JdbcIdempotencyStore implements IdempotencyStore {

    /** The first key of the two-key advisory locks taken here ("idem"), apart from any other lock. */
    private static final int LOCK_SPACE = 0x6964656d;

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;

    public JdbcIdempotencyStore(JdbcClient jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Outcome runOnce(String scope, String key, String fingerprint, FirstRequest first)
            throws IOException, ServletException {
        try {
            return transactions.execute(status -> {
                boolean ours = jdbc.sql("select pg_try_advisory_xact_lock(:space, hashtext(:scope || ' ' || :key))")
                        .param("space", LOCK_SPACE)
                        .param("scope", scope)
                        .param("key", key)
                        .query(Boolean.class)
                        .single();
                if (!ours) {
                    return new InFlight();
                }
                Optional<Entry> earlier = earlier(scope, key);
                if (earlier.isPresent()) {
                    return new Earlier(earlier.get());
                }
                Entry response = runChecked(first);
                if (response.status() >= 500 || status.isRollbackOnly()) {
                    // Failed on our side, or the work was undone: nothing to keep, the key stays free.
                    status.setRollbackOnly();
                    return new Ran(response);
                }
                jdbc.sql("""
                                insert into polyshop_web.idempotency_record (scope, key, fingerprint, status, content_type, body)
                                values (:scope, :key, :fingerprint, :status, :contentType, :body)
                                """)
                        .param("scope", scope)
                        .param("key", key)
                        .param("fingerprint", fingerprint)
                        .param("status", response.status())
                        .param("contentType", response.contentType())
                        .param("body", response.body())
                        .update();
                return new Ran(response);
            });
        } catch (FirstRequestFailed failed) {
            if (failed.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) failed.getCause();
        }
    }

    private Optional<Entry> earlier(String scope, String key) {
        return jdbc.sql("""
                        select fingerprint, status, content_type, body from polyshop_web.idempotency_record
                         where scope = :scope and key = :key
                        """)
                .param("scope", scope)
                .param("key", key)
                .query((row, n) -> new Entry(
                        row.getString("fingerprint"),
                        row.getInt("status"),
                        row.getString("content_type"),
                        row.getBytes("body")))
                .optional();
    }

    private static Entry runChecked(FirstRequest first) {
        try {
            return first.run();
        } catch (IOException | ServletException e) {
            throw new FirstRequestFailed(e);
        }
    }

    /** Carries the handler's checked failure out of the transaction, which rolls back on it. */
    private static final class FirstRequestFailed extends RuntimeException {
        FirstRequestFailed(Exception cause) {
            super(cause);
        }
    }
}
