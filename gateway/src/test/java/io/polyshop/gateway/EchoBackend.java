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
