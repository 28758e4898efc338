package io.polyshop.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.polyshop.platform.engines.Engine;
import io.polyshop.platform.engines.EngineStartException;
import io.polyshop.platform.engines.LoopbackPorts;
import io.polyshop.platform.engines.SmtpEngine;
import io.polyshop.platform.engines.SmtpEngine.ReceivedMail;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The laptop's view of what the shop sent: a web page listing every e-mail the SMTP server accepted
 * (and each one's HTML), the same as JSON for scripts, and a webhook endpoint that keeps what the
 * notification service posts to it. Nothing here leaves the machine.
 *
 * <ul>
 *   <li>{@code GET /} the page; {@code GET /messages/N} the N-th e-mail's body
 *   <li>{@code GET /api/messages[?to=text]} e-mails as JSON, only those to an address containing text;
 *       {@code GET /api/messages/count[?to=text]} just how many
 *   <li>{@code POST /webhooks} takes a webhook call; {@code GET /api/webhooks} lists them
 * </ul>
 */
final class Mailbox implements Engine {

    private static final int KEPT_WEBHOOK_CALLS = 1000;
    private static final int MAX_WEBHOOK_BODY = 64 * 1024;

    private record WebhookCall(Instant receivedAt, String body) {}

    private record MailSummary(
            int number, String messageId, String from, List<String> to, String subject, Instant sentAt) {}

    private final HttpServer server;
    private final SmtpEngine smtp;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Deque<WebhookCall> webhookCalls = new ArrayDeque<>();

    private Mailbox(HttpServer server, SmtpEngine smtp) {
        this.server = server;
        this.smtp = smtp;
    }

    static Mailbox start(int port, SmtpEngine smtp) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(LoopbackPorts.HOST, port), 0);
            Mailbox mailbox = new Mailbox(server, smtp);
            server.createContext("/", mailbox::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return mailbox;
        } catch (IOException e) {
            throw new EngineStartException("The mailbox page did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "mailbox";
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public String address() {
        return "http://" + LoopbackPorts.HOST + ":" + port();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("POST") && path.equals("/webhooks")) {
                takeWebhookCall(exchange);
            } else if (!method.equals("GET")) {
                respond(exchange, 405, "text/plain", "GET, or POST to /webhooks");
            } else if (path.equals("/")) {
                respond(exchange, 200, "text/html", page());
            } else if (path.equals("/api/messages")) {
                respond(exchange, 200, "application/json", json.writeValueAsString(summaries(query(exchange, "to"))));
            } else if (path.equals("/api/messages/count")) {
                respond(
                        exchange,
                        200,
                        "application/json",
                        json.writeValueAsString(Map.of("count", smtp.countTo(query(exchange, "to")))));
            } else if (path.equals("/api/webhooks")) {
                respond(exchange, 200, "application/json", json.writeValueAsString(webhookCalls()));
            } else if (path.matches("/messages/\\d{1,9}")) {
                message(exchange, Integer.parseInt(path.substring("/messages/".length())));
            } else {
                respond(exchange, 404, "text/plain", "nothing here; the mailbox is at /");
            }
        }
    }

    private void takeWebhookCall(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_WEBHOOK_BODY + 1);
        }
        if (body.length > MAX_WEBHOOK_BODY) {
            respond(exchange, 413, "text/plain", "a webhook call is at most " + MAX_WEBHOOK_BODY + " bytes");
            return;
        }
        int number;
        synchronized (webhookCalls) {
            webhookCalls.addLast(new WebhookCall(Instant.now(), new String(body, StandardCharsets.UTF_8)));
            while (webhookCalls.size() > KEPT_WEBHOOK_CALLS) {
                webhookCalls.removeFirst();
            }
            number = webhookCalls.size();
        }
        exchange.getResponseHeaders().add("X-Message-Id", "mailbox-webhook-" + number);
        exchange.sendResponseHeaders(202, -1);
    }

    private List<WebhookCall> webhookCalls() {
        synchronized (webhookCalls) {
            return List.copyOf(webhookCalls);
        }
    }

    private List<MailSummary> summaries(String to) {
        List<ReceivedMail> received = smtp.received();
        List<MailSummary> summaries = new java.util.ArrayList<>();
        for (int i = 0; i < received.size(); i++) {
            ReceivedMail mail = received.get(i);
            if (to.isEmpty() || mail.to().stream().anyMatch(address -> address.contains(to))) {
                summaries.add(new MailSummary(
                        i + 1, mail.messageId(), mail.from(), mail.to(), mail.subject(), mail.receivedAt()));
            }
        }
        return summaries;
    }

    /** The shop's HTML as it was sent, in a sandbox: no scripts, nothing loaded from elsewhere. */
    private void message(HttpExchange exchange, int number) throws IOException {
        List<ReceivedMail> received = smtp.received();
        if (number < 1 || number > received.size()) {
            respond(exchange, 404, "text/plain", "no message " + number);
            return;
        }
        exchange.getResponseHeaders()
                .add("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'");
        respond(exchange, 200, "text/html", received.get(number - 1).body());
    }

    private String page() {
        StringBuilder html =
                new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Polyshop mailbox</title>"
                        + "<style>body{font-family:sans-serif;margin:2em}td,th{padding:.2em .8em;text-align:left}"
                        + "tr:nth-child(even){background:#f3f3f3}pre{white-space:pre-wrap}</style></head><body>"
                        + "<h1>Polyshop mailbox</h1><p>Every e-mail the shop sent on this machine, newest first."
                        + " JSON: <a href=\"/api/messages\">/api/messages</a>, <a href=\"/api/webhooks\">/api/webhooks</a>.</p>"
                        + "<table><tr><th>#</th><th>sent</th><th>to</th><th>subject</th></tr>");
        for (MailSummary mail : summaries("").reversed()) {
            html.append("<tr><td>")
                    .append(mail.number())
                    .append("</td><td>")
                    .append(mail.sentAt())
                    .append("</td><td>")
                    .append(escape(String.join(", ", mail.to())))
                    .append("</td><td><a href=\"/messages/")
                    .append(mail.number())
                    .append("\">")
                    .append(escape(mail.subject()))
                    .append("</a></td></tr>");
        }
        html.append("</table><h2>Webhook calls</h2>");
        for (WebhookCall call : webhookCalls().reversed()) {
            html.append("<p>")
                    .append(call.receivedAt())
                    .append("</p><pre>")
                    .append(escape(call.body()))
                    .append("</pre>");
        }
        return html.append("</body></html>").toString();
    }

    private static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return "";
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name) && parts.length == 2) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            escaped.append(
                    switch (c) {
                        case '<' -> "&lt;";
                        case '>' -> "&gt;";
                        case '&' -> "&amp;";
                        case '"' -> "&quot;";
                        case '\'' -> "&#39;";
                        default -> String.valueOf(c);
                    });
        }
        return escaped.toString();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static Map<String, String> environmentFor(SmtpEngine smtp, Mailbox mailbox) {
        return Map.of(
                "SPRING_MAIL_HOST",
                LoopbackPorts.HOST,
                "SPRING_MAIL_PORT",
                Integer.toString(smtp.port()),
                "POLYSHOP_NOTIFICATION_WEBHOOK_URL",
                mailbox.address() + "/webhooks");
    }
}
