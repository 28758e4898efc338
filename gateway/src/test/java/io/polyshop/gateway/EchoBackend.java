package io.polyshop.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/** A stand-in for a service behind the gateway: remembers the headers of each request it got. */
final class EchoBackend implements AutoCloseable {

    private final HttpServer server;
    final ConcurrentLinkedDeque<Map<String, String>> received = new ConcurrentLinkedDeque<>();

    EchoBackend() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            headers.put(":path", exchange.getRequestURI().getPath());
            received.add(headers);
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"echo\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** Routes {@code /api/v1/echo/**} of the gateway under test to this backend, with tokens and Redis wired. */
    void registerAsRoute(org.springframework.test.context.DynamicPropertyRegistry registry) {
        io.polyshop.platform.test.TestTokens.register(registry);
        registry.add("spring.data.redis.url", io.polyshop.platform.test.TestEngines::redisUri);
        registry.add("polyshop.gateway.routes.echo.uri", this::uri);
        registry.add("polyshop.gateway.routes.echo.paths[0]", () -> "/api/v1/echo/**");
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Map<String, String> last() {
        return received.getLast();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
