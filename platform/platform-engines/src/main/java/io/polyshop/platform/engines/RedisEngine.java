package io.polyshop.platform.engines;

import java.io.IOException;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A real Redis server (the binary shipped in embedded-redis), append-only file in {@code dataDirectory}.
 * Its memory is capped and nothing is evicted to make room: a full Redis refuses writes (the
 * service answers 503) rather than dropping a customer's cart without a word.
 */
public final class RedisEngine implements Engine {

    /** What the devstack gives each Redis: carts and rate limits of a laptop's worth of shoppers. */
    public static final long DEFAULT_MAX_MEMORY_BYTES = 256L * 1024 * 1024;

    private final RedisServer server;
    private final int port;

    private RedisEngine(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static RedisEngine start(int port, Path dataDirectory) {
        return start(port, dataDirectory, DEFAULT_MAX_MEMORY_BYTES);
    }

    public static RedisEngine start(int port, Path dataDirectory, long maxMemoryBytes) {
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind(LoopbackPorts.HOST)
                    .setting("dir " + dataDirectory.toAbsolutePath())
                    .setting("appendonly yes")
                    .setting("pidfile " + dataDirectory.toAbsolutePath().resolve("redis.pid"))
                    .setting("protected-mode yes")
                    .setting("daemonize no")
                    .setting("maxmemory " + maxMemoryBytes)
                    .setting("maxmemory-policy noeviction")
                    .onShutdownForceStop(true)
                    .build();
            server.start();
            return new RedisEngine(server, port);
        } catch (IOException | RuntimeException e) {
            throw new EngineStartException("Redis did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String address() {
        return "redis://" + LoopbackPorts.HOST + ":" + port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
