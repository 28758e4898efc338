package io.polyshop.platform.resilience;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells a failure that passes by itself — a store or broker that is unreachable or restarting, a
 * timeout, a lost race — from one that fails the same way every time (a bad payload, a bug). The
 * web layer answers the first with 503 and {@code Retry-After}; consumers wait for it with a
 * growing pause and keep their partition, instead of dead-lettering what is in flight.
 *
 * <p>The whole cause chain is looked at, and types are matched by name, so that a service needs
 * none of the clients it does not use on its class path.
 */
public final class TransientFailures {

    /** Types (or their subtypes) that mean "unreachable, busy or too slow just now". */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            // Spring's translation of every store client's failures.
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.RecoverableDataAccessException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "org.springframework.transaction.TransactionSystemException",
            "org.springframework.web.client.ResourceAccessException",
            // JDBC and the network underneath every client.
            "java.sql.SQLTransientException",
            "java.sql.SQLRecoverableException",
            "java.net.SocketException",
            "java.net.http.HttpTimeoutException",
            "java.io.InterruptedIOException",
            "java.io.EOFException",
            "java.nio.channels.ClosedChannelException",
            "java.util.concurrent.TimeoutException",
            // Clients that Spring does not translate everywhere.
            "org.apache.kafka.common.errors.RetriableException",
            "software.amazon.awssdk.core.exception.SdkClientException",
            "software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException",
            "software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException",
            "software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException",
            "software.amazon.awssdk.services.dynamodb.model.TransactionConflictException",
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoNotPrimaryException",
            "com.mongodb.MongoNodeIsRecoveringException",
            "io.lettuce.core.RedisConnectionException",
            "io.lettuce.core.RedisCommandTimeoutException",
            "org.apache.hc.core5.http.ConnectionClosedException",
            "org.opensearch.client.transport.TransportException");

    /**
     * SQLSTATE classes and codes that mean the same: connection exceptions, an administrator or a
     * crash shutting the server down, too many connections, serialization failures and deadlocks.
     */
    private static final Set<String> TRANSIENT_SQL_STATES =
            Set.of("08", "53300", "57P01", "57P02", "57P03", "40001", "40P01", "55P03");

    private TransientFailures() {}

    /** Whether {@code failure}, or anything that caused it, is transient. */
    public static boolean isTransient(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (isTransientItself(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replies of a Redis that is full (memory frees as keys expire), still loading its data after a
     * restart, or busy with a script; inside a script's error they follow a dash.
     */
    private static final List<String> TRANSIENT_REDIS_REPLIES = List.of("OOM ", "LOADING ", "BUSY ");

    private static boolean isTransientItself(Throwable failure) {
        if (failure.getClass().getName().equals("io.lettuce.core.RedisCommandExecutionException")
                && failure.getMessage() != null
                && TRANSIENT_REDIS_REPLIES.stream()
                        .anyMatch(reply -> failure.getMessage().startsWith(reply)
                                || failure.getMessage().contains("-" + reply))) {
            return true;
        }
        if (failure instanceof SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().length() == 5) {
            String state = sql.getSQLState();
            if (TRANSIENT_SQL_STATES.contains(state) || TRANSIENT_SQL_STATES.contains(state.substring(0, 2))) {
                return true;
            }
        }
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            if (TRANSIENT_TYPES.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
