package io.polyshop.identity.adapter.out.postgres;

import io.polyshop.identity.application.port.out.LoginAttempts;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

public class JdbcLoginAttempts implements LoginAttempts {

    private final JdbcClient jdbc;

    public JdbcLoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(String emailKey, String clientAddress, boolean succeeded) {
        jdbc.sql("insert into login_attempt (email_key, client_address, succeeded) values (?, ?, ?)")
                .params(truncate(emailKey, 254), truncate(clientAddress, 64), succeeded)
                .update();
    }

    @Override
    public long accountFailuresSince(String emailKey, Instant since) {
        return jdbc.sql("""
                        select count(*) from login_attempt
                        where email_key = :key and not succeeded
                          and attempted_at > greatest(:since, coalesce(
                              (select max(attempted_at) from login_attempt where email_key = :key and succeeded), :since))
                        """)
                .param("key", truncate(emailKey, 254))
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    @Override
    public long addressFailuresSince(String clientAddress, Instant since) {
        return jdbc.sql(
                        "select count(*) from login_attempt where client_address = ? and not succeeded and attempted_at > ?")
                .params(truncate(clientAddress, 64), Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    private static String truncate(String value, int length) {
        String text = String.valueOf(value);
        return text.length() <= length ? text : text.substring(0, length);
    }
}
