package io.polyshop.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

class TransientFailuresTest {

    @Test
    void aStoreThatCannotBeReachedIsTransientHoweverDeepTheCause() {
        var refused = new ConnectException("Connection refused");
        var wrapped =
                new IllegalStateException("listener failed", new CannotCreateTransactionException("no tx", refused));

        assertThat(TransientFailures.isTransient(refused)).isTrue();
        assertThat(TransientFailures.isTransient(wrapped)).isTrue();
        assertThat(TransientFailures.isTransient(new DataAccessResourceFailureException("mongo away")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new UncheckedIOException(new SocketTimeoutException("read"))))
                .isTrue();
    }

    @Test
    void connectionLossesShutdownsAndLostRacesInPostgresqlAreTransient() {
        assertThat(TransientFailures.isTransient(new PSQLException("gone", PSQLState.CONNECTION_FAILURE)))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("terminating connection", "57P01")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("could not serialize", "40001")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new CannotAcquireLockException("lock")))
                .isTrue();
    }

    @Test
    void aBrokerTimeoutIsTransientButARecordKafkaCanNeverTakeIsNot() {
        assertThat(TransientFailures.isTransient(new TimeoutException("metadata")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new RecordTooLargeException("too large")))
                .isFalse();
    }

    @Test
    void badInputBrokenConstraintsAndBugsArePermanent() {
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("not a CloudEvent")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("duplicate key")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("syntax", "42601")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        var first = new IllegalStateException("first");
        var second = new IllegalStateException("second", first);
        first.initCause(second);

        assertThat(TransientFailures.isTransient(first)).isFalse();
    }
}
