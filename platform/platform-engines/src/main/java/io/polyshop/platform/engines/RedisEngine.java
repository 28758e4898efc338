package io.polyshop.platform.engines;

import java.io.IOException;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/** A real Redis server (the binary shipped in embedded-redis), append-only file in {@code dataDirectory}. */
public final class RedisEngine implements Engine {

    private final RedisServer server;
    private final int port;

    private RedisEngine(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static RedisEngine start(int port, Path dataDirectory) {
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind(LoopbackPorts.HOST)
                    .setting("dir " + dataDirectory.toAbsolutePath())
                    .setting("appendonly yes")
                    .setting("pidfile " + dataDirectory.toAbsolutePath().resolve("redis.pid"))
                    .setting("protected-mode yes")
                    .setting("daemonize no")
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
