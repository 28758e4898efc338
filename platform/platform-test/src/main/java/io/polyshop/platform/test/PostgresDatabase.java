package io.polyshop.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** One database of the test PostgreSQL server, with the credentials to reach it. */
public record PostgresDatabase(String jdbcUrl, String username, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }
}
