package io.polyshop.platform.engines;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server (zonky's embedded binaries), data kept in {@code dataDirectory}. It can
 * be stopped and started again on the same port and data, which is how outage tests take a
 * service's database away and bring it back.
 */
public final class PostgresEngine implements RestartableEngine {

    public static final String SUPERUSER = "postgres";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final int port;
    private final Path dataDirectory;
    private EmbeddedPostgres postgres;

    private PostgresEngine(int port, Path dataDirectory) {
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    public static PostgresEngine start(int port, Path dataDirectory) {
        PostgresEngine engine = new PostgresEngine(port, dataDirectory);
        engine.start();
        return engine;
    }

    /** Starts the server, or starts it again after {@link #close()}; a running one is left alone. */
    @Override
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // Whoever started the server stops it, after the services that use it; a hook of
                    // its own would stop it first, and those services would hang on their way down.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", LoopbackPorts.HOST)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    // Statement counts per database, read by ./polyshop bench checkout.
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "top")
                    .setServerConfig("pg_stat_statements.track_utility", "off")
                    .start();
        } catch (IOException e) {
            throw new EngineStartException("PostgreSQL did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return postgres != null;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String address() {
        return jdbcUrl(SUPERUSER);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + LoopbackPorts.HOST + ":" + port() + "/" + database;
    }

    /**
     * Creates a database owned by a new login role, unless they exist. Names are restricted to
     * lower-case identifiers because DDL cannot take bind parameters; they are quoted because some
     * service names ({@code order}) are SQL keywords.
     */
    public void createDatabase(String database, String owner, String password) {
        requireIdentifier(database);
        requireIdentifier(owner);
        try (Connection connection = running().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!exists(statement, "select 1 from pg_roles where rolname = '" + owner + "'")) {
                statement.execute("create role \"" + owner + "\" login password '" + password.replace("'", "''") + "'");
            }
            if (!exists(statement, "select 1 from pg_database where datname = '" + database + "'")) {
                statement.execute("create database \"" + database + "\" owner \"" + owner + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes every role but the superuser log in with its password (scram-sha-256). initdb's default
     * trusts loopback, which would let any local client act as any service. The superuser keeps
     * loopback trust because the embedded server's own start-up check connects as it.
     */
    public void requirePasswordsExceptSuperuser() {
        String rules = String.join(
                "\n",
                "# written by Polyshop's PostgresEngine: services must present their own password",
                "local all " + SUPERUSER + " trust",
                "host  all " + SUPERUSER + " 127.0.0.1/32 trust",
                "local all all scram-sha-256",
                "host  all all 127.0.0.1/32 scram-sha-256",
                "");
        try (Connection connection = running().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), rules);
            statement.execute("select pg_reload_conf()");
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not require passwords on PostgreSQL: " + e.getMessage(), e);
        }
    }

    private synchronized EmbeddedPostgres running() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL on port " + port + " is stopped");
        }
        return postgres;
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (var rows = statement.executeQuery(query)) {
            return rows.next();
        }
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case identifier: " + name);
        }
    }

    /** Stops the server; {@link #start()} brings it back on the same port with the same data. */
    @Override
    public synchronized void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }
}
