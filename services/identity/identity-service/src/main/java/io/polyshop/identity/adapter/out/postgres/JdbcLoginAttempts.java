package io.polyshop.identity.adapter.out.postgres;

import io.polyshop.identity.application.port.out.LoginAttempts;
import io.polyshop.identity.domain.LoginThrottle;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

public class JdbcLoginAttempts implements LoginAttempts {

    private final JdbcClient jdbc;

    public JdbcLoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The client's lock first, then the account's from that client: one order, so no deadlock. */
    @Override
    public void lock(String emailKey, String clientAddress) {
        String client = truncate(clientAddress, 64);
        jdbc.sql("select pg_advisory_xact_lock(hashtext('login-client'), hashtext(?))")
                .param(client)
                .query()
                .listOfRows();
        jdbc.sql("select pg_advisory_xact_lock(hashtext('login-account'), hashtext(?))")
                .param(truncate(emailKey, 254) + " " + client)
                .query()
                .listOfRows();
    }

    @Override
    public void record(String emailKey, String clientAddress, boolean succeeded) {
        jdbc.sql("insert into login_attempt (email_key, client_address, succeeded) values (?, ?, ?)")
                .params(truncate(emailKey, 254), truncate(clientAddress, 64), succeeded)
                .update();
    }

    @Override
    public LoginThrottle.Failures failuresSince(String emailKey, String clientAddress, Instant since) {
        return jdbc.sql("""
                        with pair as (
                            select succeeded, attempted_at from login_attempt
                            where email_key = :key and client_address = :client and attempted_at > :since
                        ), counted as (
                            select attempted_at from pair
                            where not succeeded
                              and attempted_at > coalesce((select max(attempted_at) from pair where succeeded), :since)
                        )
                        select (select count(*) from counted) as of_pair,
                               (select max(attempted_at) from counted) as last_of_pair,
                               (select count(*) from login_attempt
                                where client_address = :client and not succeeded and attempted_at > :since) as of_client
                        """)
                .param("key", truncate(emailKey, 254))
                .param("client", truncate(clientAddress, 64))
                .param("since", Timestamp.from(since))
                .query((row, n) -> new LoginThrottle.Failures(
                        row.getLong("of_pair"),
                        Optional.ofNullable(row.getTimestamp("last_of_pair")).map(Timestamp::toInstant),
                        row.getLong("of_client")))
                .single();
    }

    private static String truncate(String value, int length) {
        String text = String.valueOf(value);
        return text.length() <= length ? text : text.substring(0, length);
    }
}
