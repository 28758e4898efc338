package io.polyshop.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/** Pulls the running devstack's handles ({@link DevstackControl}) for tools such as {@code ./polyshop chaos}. */
public final class ControlClient {

    /** A service can take minutes to be ready again on a busy machine. */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String token;

    private ControlClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The control of the devstack running from {@code root}, on the port its settings give. */
    public static ControlClient of(Path root) {
        Path tokenFile = root.resolve(".polyshop/run").resolve(DevstackControl.TOKEN_FILE);
        try {
            Properties settings = new Properties();
            try (var reader = Files.newBufferedReader(root.resolve("devstack/devstack.properties"))) {
                settings.load(reader);
            }
            int port = new PortSettings(System.getenv())
                    .port(settings, "control.port", "control.port", "devstack.properties");
            if (!Files.isRegularFile(tokenFile)) {
                throw new IllegalStateException("the devstack's control is not running (no " + tokenFile
                        + "); start the platform with ./polyshop up");
            }
            return new ControlClient(
                    URI.create("http://127.0.0.1:" + port),
                    Files.readString(tokenFile, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stopEngine(String name) {
        post("/engines/" + name + "/stop");
    }

    public void startEngine(String name) {
        post("/engines/" + name + "/start");
    }

    public void killService(String name) {
        post("/services/" + name + "/kill");
    }

    public void startService(String name) {
        post("/services/" + name + "/start");
    }

    private void post(String path) {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(base.resolve(path))
                            .timeout(TIMEOUT)
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the devstack's control answered " + answer.statusCode() + ": "
                        + answer.body().strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the devstack's control did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
