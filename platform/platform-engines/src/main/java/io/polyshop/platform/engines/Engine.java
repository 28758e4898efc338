package io.polyshop.platform.engines;

/** A real store server listening on 127.0.0.1, owned by whoever started it. */
public interface Engine extends AutoCloseable {

    /** Short, stable name used in logs, PID files and environment variables (e.g. {@code kafka}). */
    String name();

    /** The port clients connect to. */
    int port();

    /** The address a client of the engine's own ecosystem connects to (JDBC URL, bootstrap servers, ...). */
    String address();

    /** Stops the server; calling it twice is harmless. */
    @Override
    void close();
}
