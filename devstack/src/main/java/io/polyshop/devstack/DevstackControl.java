package io.polyshop.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.polyshop.platform.engines.LoopbackPorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devstack's own handles, for {@code ./polyshop chaos}: stop and start an engine, kill and
 * start a service. It listens on 127.0.0.1 only and answers only requests that carry the token it
 * writes to {@code .polyshop/run/control.token} (readable by its owner alone):
 *
 * <pre>
 *   POST /engines/{name}/stop | /engines/{name}/start      kafka, order-postgres, inventory-dynamodb, ...
 *   POST /services/{name}/kill | /services/{name}/start    order, payment, ...
 * </pre>
 *
 * A start answers once the engine runs, or the service is ready.
 */
final class DevstackControl implements AutoCloseable {

    /** What the control can do to the platform; the devstack does it. */
    interface Handles {
        void stopEngine(String name);

        void startEngine(String name);

        void killService(String name);

        void startService(String name);
    }

    static final String TOKEN_FILE = "control.token";
    private static final Logger log = LoggerFactory.getLogger(DevstackControl.class);
    private static final Pattern PATH = Pattern.compile("/(engines|services)/([a-z0-9-]{1,64})/(stop|start|kill)");

    private final HttpServer server;
    private final Handles handles;
    private final byte[] token;

    private DevstackControl(HttpServer server, Handles handles, byte[] token) {
        this.server = server;
        this.handles = handles;
        this.token = token;
    }

    static DevstackControl start(int port, Path runDirectory, Handles handles) {
        try {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path file = runDirectory.resolve(TOKEN_FILE);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token, StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(LoopbackPorts.HOST, port), 0);
            DevstackControl control = new DevstackControl(server, handles, token.getBytes(StandardCharsets.UTF_8));
            server.createContext("/", control::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return control;
        } catch (IOException e) {
            throw new DevstackException(
                    "The devstack's control did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String presented = exchange.getRequestHeaders().getFirst("Authorization");
            if (presented == null
                    || !MessageDigest.isEqual(
                            presented.getBytes(StandardCharsets.UTF_8),
                            ("Bearer " + new String(token, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8))) {
                answer(exchange, 401, "the token in .polyshop/run/control.token is required");
                return;
            }
            Matcher request = PATH.matcher(exchange.getRequestURI().getPath());
            if (!exchange.getRequestMethod().equals("POST") || !request.matches()) {
                answer(exchange, 404, "POST /engines/{name}/stop|start or /services/{name}/kill|start");
                return;
            }
            String kind = request.group(1);
            String name = request.group(2);
            String action = request.group(3);
            log.info("control: {} {} {}", action, kind, name);
            try {
                switch (kind + "/" + action) {
                    case "engines/stop" -> handles.stopEngine(name);
                    case "engines/start" -> handles.startEngine(name);
                    case "services/kill" -> handles.killService(name);
                    case "services/start" -> handles.startService(name);
                    default -> {
                        answer(exchange, 404, "cannot " + action + " " + kind);
                        return;
                    }
                }
                answer(exchange, 200, action + " " + name + ": done");
            } catch (IllegalArgumentException unknown) {
                answer(exchange, 404, unknown.getMessage());
            } catch (RuntimeException failed) {
                log.warn("control: {} {} failed", action, name, failed);
                answer(exchange, 500, action + " " + name + " failed: " + failed.getMessage());
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
