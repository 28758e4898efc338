package io.polyshop.devstack;

import io.polyshop.devstack.StatusBoard.Row;
import io.polyshop.devstack.StatusBoard.State;
import io.polyshop.platform.engines.LoopbackPorts;
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
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service JVM started by the devstack, with its own log and PID file. */
final class ServiceProcess {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final ServiceDescriptor service;
    private final Process process;
    private final Path pidFile;
    private final StatusBoard board;
    private final String logFile;

    private ServiceProcess(
            ServiceDescriptor service, Process process, Path pidFile, StatusBoard board, String logFile) {
        this.service = service;
        this.process = process;
        this.pidFile = pidFile;
        this.board = board;
        this.logFile = logFile;
    }

    static ServiceProcess start(
            ServiceDescriptor service, Map<String, String> environment, Path log, Path pidFile, StatusBoard board) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx384m",
                        "-XX:+UseSerialGC",
                        "-jar",
                        service.jar().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(service.port()));
        builder.environment().put("SERVER_ADDRESS", LoopbackPorts.HOST);
        builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(service.managementPort()));
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.UTF_8);
            String logName = ".polyshop/logs/" + log.getFileName();
            board.put(new Row(service.name(), "service", State.STARTING, url(service), service.summary(), logName));
            return new ServiceProcess(service, process, pidFile, board, logName);
        } catch (IOException e) {
            throw new DevstackException("Could not start " + service.name() + ": " + e.getMessage(), e);
        }
    }

    private static String url(ServiceDescriptor service) {
        return "http://" + LoopbackPorts.HOST + ":" + service.port();
    }

    void awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(url(service) + "/readyz"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("exited with code " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    board.put(
                            new Row(service.name(), "service", State.READY, url(service), service.summary(), logFile));
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting");
            }
            pause();
        }
        fail("not ready after " + READY_TIMEOUT.toSeconds() + " s; see " + logFile);
    }

    private void fail(String why) {
        board.put(new Row(service.name(), "service", State.FAILED, url(service), why, logFile));
        throw new DevstackException(service.name() + " " + why);
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the JVM at once, as {@code kill -9} does: no shutdown hooks, nothing flushed. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Files.deleteIfExists(pidFile);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        board.put(new Row(service.name(), "service", State.STOPPED, url(service), "killed", logFile));
    }

    /** Asks the service to shut down gracefully; {@link #awaitStopped()} waits for it. */
    void signalStop() {
        process.destroy();
    }

    void awaitStopped() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(pidFile);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        board.put(new Row(service.name(), "service", State.STOPPED, url(service), service.summary(), logFile));
    }
}
