package io.polyshop.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshPostgresDatabase.class)
class PostgresEngineIT {

    @Test
    void storesAndReadsRowsThroughJdbc(PostgresDatabase database) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("create table price (sku text primary key, amount numeric(19,4) not null)");
            statement.execute("insert into price values ('SKU-1', 19.9900)");

            try (ResultSet row = statement.executeQuery("select amount, version() from price where sku = 'SKU-1'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBigDecimal(1)).isEqualByComparingTo("19.99");
                assertThat(row.getString(2)).startsWith("PostgreSQL");
            }
        }
    }

    @Test
    void givesEachTestClassItsOwnDatabase(PostgresDatabase database) {
        PostgresDatabase another = TestEngines.freshPostgresDatabase("another");

        assertThat(another.jdbcUrl()).isNotEqualTo(database.jdbcUrl());
    }

    @Test
    void listensOnLoopbackOnly(PostgresDatabase database) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("show listen_addresses")) {
            assertThat(row.next()).isTrue();
            if (ExternalEngine.POSTGRES.address().isEmpty()) {
                assertThat(row.getString(1)).isEqualTo("127.0.0.1");
            }
        }
    }
}
