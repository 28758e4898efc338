package io.polyshop.identity.adapter.out.postgres;

import io.polyshop.identity.application.port.out.RegistrationAttempts;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

public class JdbcRegistrationAttempts implements RegistrationAttempts {

    private final JdbcClient jdbc;

    public JdbcRegistrationAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock(String clientAddress) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('registration-client'), hashtext(?))")
                .param(clientAddress)
                .query()
                .listOfRows();
    }

    @Override
    public long since(String clientAddress, Instant since) {
        return jdbc.sql("select count(*) from registration_attempt where client_address = ? and attempted_at > ?")
                .params(clientAddress, Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    @Override
    public void record(String clientAddress) {
        jdbc.sql("insert into registration_attempt (client_address) values (?)")
                .param(clientAddress)
                .update();
    }
}
