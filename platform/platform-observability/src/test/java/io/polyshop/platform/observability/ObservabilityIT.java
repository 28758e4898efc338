package io.polyshop.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.platform.test.SpringEngineProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        classes = ObservabilitySampleApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ObservabilitySampleApplication.Pings pings;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        SpringEngineProperties.kafka(registry);
    }

    @Test
    void exposesLivenessAndReadinessProbesOnTheServicePortAndTheirGroupsOnTheManagementPort() throws Exception {
        assertThat(get(port, "/livez").statusCode()).isEqualTo(200);
        var readiness = get(port, "/readyz");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
        assertThat(get(managementPort, "/actuator/health/liveness").statusCode())
                .isEqualTo(200);
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode())
                .isEqualTo(200);
    }

    @Test
    void exposesPrometheusMetricsOnTheManagementPortOnly() throws Exception {
        get(port, "/ping");

        var metrics = get(managementPort, "/actuator/prometheus");

        assertThat(get(port, "/actuator/prometheus").statusCode()).isEqualTo(404);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds_count");
    }

    @Test
    void continuesTheCallersTraceOverHttpAndIntoKafka(CapturedOutput output) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping"))
                        .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo(TRACE_ID);
        assertThat(traceIdsReceivedFromKafkaUntil(TRACE_ID)).contains(TRACE_ID);
        String logLine = output.getOut()
                .lines()
                .filter(line -> line.contains("ping received"))
                .findFirst()
                .orElseThrow();
        var logged = JsonMapper.builder().build().readTree(logLine);
        assertThat(logged.get("traceId").asString()).isEqualTo(TRACE_ID);
    }

    /** Other tests ping too; their records may arrive first. */
    private java.util.List<String> traceIdsReceivedFromKafkaUntil(String wanted) throws InterruptedException {
        java.util.List<String> received = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!received.contains(wanted) && System.nanoTime() < deadline) {
            String next = pings.receivedTraceIds.poll(1, TimeUnit.SECONDS);
            if (next != null) {
                received.add(next);
            }
        }
        return received;
    }

    private HttpResponse<String> get(int toPort, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + toPort + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
