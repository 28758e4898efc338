package io.polyshop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polyshop.platform.messaging.sample.SampleApplication;
import io.polyshop.platform.messaging.sample.SampleOrders;
import io.polyshop.platform.test.SpringEngineProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Outbox relay throughput, commit to Kafka acknowledgement. Not a test (its name matches neither
 * *Test nor *IT); run it with {@code ./polyshop bench outbox}. Writers commit one event per
 * transaction while the relay runs; the figure is events acknowledged by Kafka per second from the
 * first commit to the last acknowledgement, with per-event commit-to-publish latency percentiles.
 */
@SpringBootTest(
        classes = SampleApplication.class,
        properties = {"spring.kafka.listener.auto-startup=false", "logging.level.root=WARN"})
class OutboxRelayBenchmark {

    private static final int EVENTS = Integer.getInteger("polyshop.bench.events", 20_000);
    private static final int WRITERS = Integer.getInteger("polyshop.bench.writers", 4);

    @Autowired
    SampleOrders orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxRelay relay;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        SpringEngineProperties.postgres(registry, "outbox_bench");
        SpringEngineProperties.kafka(registry);
    }

    @Test
    void measuresRelayThroughput() throws Exception {
        warmUp();
        long started = System.nanoTime();
        try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int first = writer;
                done.add(writers.submit(() -> {
                    for (int i = first; i < EVENTS; i += WRITERS) {
                        orders.place("bench-" + i);
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        }
        double writeSeconds = (System.nanoTime() - started) / 1e9;
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(50))
                .until(this::allPublished);
        double totalSeconds = (System.nanoTime() - started) / 1e9;

        var latency = jdbc.sql("""
                        select percentile_cont(0.5) within group (order by ms) as p50,
                               percentile_cont(0.99) within group (order by ms) as p99,
                               max(ms) as worst
                        from (select extract(epoch from published_at - created_at) * 1000 as ms
                              from polyshop_messaging.outbox_event where message_key like 'bench-%') latencies
                        """)
                .query((row, n) -> new double[] {row.getDouble("p50"), row.getDouble("p99"), row.getDouble("worst")})
                .single();
        double drainRate = drainRate();
        String report = String.format(
                Locale.ROOT,
                """
                outbox relay benchmark (PostgreSQL outbox -> Kafka, one event per transaction)
                events:                 %d (%d writer threads)
                writers committed in:   %.2f s (%.0f commits/s)
                all published after:    %.2f s
                relay throughput:       %.0f events/s (first commit to last Kafka acknowledgement)
                commit -> published:    p50 %.1f ms, p99 %.1f ms, max %.1f ms
                backlog drain:          %.0f events/s (%d events written with the relay stopped, then relayed)
                machine:                %d cores, JDK %s
                """,
                EVENTS,
                WRITERS,
                writeSeconds,
                EVENTS / writeSeconds,
                totalSeconds,
                EVENTS / totalSeconds,
                latency[0],
                latency[1],
                latency[2],
                drainRate,
                EVENTS,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        System.out.println(report);
        write(report);
        assertThat(published()).isEqualTo(2L * EVENTS + 1);
    }

    /** The relay's own ceiling: a backlog built while it was stopped, drained in batches. */
    private double drainRate() {
        relay.stop();
        for (int i = 0; i < EVENTS; i++) {
            orders.place("drain-" + i);
        }
        long started = System.nanoTime();
        relay.start();
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(20))
                .until(this::allPublished);
        return EVENTS / ((System.nanoTime() - started) / 1e9);
    }

    private void warmUp() {
        orders.place("warm-up");
        await().atMost(Duration.ofMinutes(1)).until(this::allPublished);
    }

    private boolean allPublished() {
        return jdbc.sql("select count(*) from polyshop_messaging.outbox_event where published_at is null")
                        .query(Long.class)
                        .single()
                == 0;
    }

    private long published() {
        return jdbc.sql("select count(*) from polyshop_messaging.outbox_event where published_at is not null")
                .query(Long.class)
                .single();
    }

    private static void write(String report) throws IOException {
        Path file = Path.of("target/benchmarks/outbox-relay.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }
}
