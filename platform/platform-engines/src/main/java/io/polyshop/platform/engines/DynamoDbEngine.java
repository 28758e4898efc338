package io.polyshop.platform.engines;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** DynamoDB Local (Amazon's own server), tables kept in {@code dataDirectory}. */
public final class DynamoDbEngine implements Engine {

    private final DynamoDBProxyServer server;
    private final int port;

    private DynamoDbEngine(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static DynamoDbEngine start(int port, Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                "-port",
                Integer.toString(port),
                "-dbPath",
                dataDirectory.toAbsolutePath().toString(),
                "-sharedDb",
                "-disableTelemetry"
            });
            bindToLoopback(server);
            server.start();
            return new DynamoDbEngine(server, port);
        } catch (Exception e) {
            throw new EngineStartException("DynamoDB Local did not start on port " + port + ": " + e.getMessage(), e);
        }
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

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        }
    }
}
