package io.polyshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.devstack.chaos.ChaosRun;
import io.polyshop.devstack.chaos.ChaosVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The fault run of {@code ./polyshop chaos}, on the test's own engines and service JVMs: customers
 * check out continuously while each fault is injected in turn (order, payment, inventory and
 * notification killed; Kafka and each saga store stopped for 15 s; saga replies duplicated and
 * reordered), and every invariant must hold over every order placed. Its table is printed and
 * written to target/chaos.txt.
 */
class FaultSuiteIT {

    @Test
    void everyOrderEndsWithItsMoneyStockAndMailRightWhateverFails() throws Exception {
        ChaosRun.Settings settings = new ChaosRun.Settings(
                6,
                Duration.ofSeconds(4),
                Duration.ofSeconds(15),
                Duration.ofSeconds(3),
                Duration.ofMinutes(3),
                ChaosRun.FAULTS);
        try (TestChaosPlatform platform = new TestChaosPlatform()) {
            ChaosVerdict verdict = new ChaosRun(platform, settings, line -> System.out.println("chaos: " + line)).run();

            String table = String.join("\n", verdict.table());
            System.out.println(table);
            Files.writeString(Path.of("target", "chaos.txt"), table + "\n");
            assertThat(verdict.rows()).hasSize(ChaosRun.FAULTS.size());
            assertThat(verdict.rows())
                    .as("orders were placed while each fault was on")
                    .allSatisfy(row -> assertThat(row.placed()).isPositive());
            assertThat(verdict.holds()).as(table).isTrue();
        }
    }
}
