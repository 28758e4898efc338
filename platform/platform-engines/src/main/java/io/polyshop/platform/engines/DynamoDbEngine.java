package io.polyshop.platform.engines;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DynamoDB Local (Amazon's own server), tables kept in {@code dataDirectory}. It can be stopped
 * and started again on the same port and data, which is how outage tests take it away.
 */
public final class DynamoDbEngine implements RestartableEngine {

    private final int port;
    private final Path dataDirectory;
    private DynamoDBProxyServer server;

    private DynamoDbEngine(int port, Path dataDirectory) {
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    public static DynamoDbEngine start(int port, Path dataDirectory) {
        DynamoDbEngine engine = new DynamoDbEngine(port, dataDirectory);
        engine.start();
        return engine;
    }

    /** Starts the server, or starts it again after {@link #close()}; a running one is left alone. */
    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            DynamoDBProxyServer started = ServerRunner.createServerFromCommandLineArgs(new String[] {
                "-port",
                Integer.toString(port),
                "-dbPath",
                dataDirectory.toAbsolutePath().toString(),
                "-sharedDb",
                "-disableTelemetry"
            });
            bindToLoopback(started);
            started.start();
            server = started;
        } catch (Exception e) {
            throw new EngineStartException("DynamoDB Local did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * DynamoDB Local has no option for the listen address and binds every interface; its Jetty
     * connector is told to use 127.0.0.1 before it starts.
     */
    private static void bindToLoopback(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxy);
        for (var connector : jetty.getConnectors()) {
            ((ServerConnector) connector).setHost(LoopbackPorts.HOST);
        }
    }

    @Override
    public String name() {
        return "dynamodb";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String address() {
        return "http://" + LoopbackPorts.HOST + ":" + port;
    }

    /** Stops the server; {@link #start()} brings it back on the same port with the same data. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        } finally {
            server = null;
        }
    }
}
