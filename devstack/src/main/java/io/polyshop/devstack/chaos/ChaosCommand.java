package io.polyshop.devstack.chaos;

import io.polyshop.devstack.bench.BenchReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./polyshop chaos}: a fault run against the running platform. Customers check out
 * continuously while each fault in turn is injected and healed; then the platform settles and every
 * invariant is checked. Prints a table per fault and writes it to .polyshop/benchmarks/chaos.txt;
 * exits with 1 when an invariant did not hold.
 */
public final class ChaosCommand {

    private static final String USAGE =
            "usage: ./polyshop chaos [--customers N] [--outage-seconds N] [--down-seconds N]"
                    + " [--steady-seconds N] [--settle-seconds N] [--faults a,b,...]\n  faults: "
                    + String.join(", ", ChaosRun.FAULTS);

    private ChaosCommand() {}

    public static void main(String[] args) throws Exception {
        ChaosRun.Settings settings;
        try {
            settings = settings(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        Path root = Path.of(".").toAbsolutePath().normalize();
        DevstackChaosPlatform platform = new DevstackChaosPlatform(root);
        say("polyshop chaos: run " + platform.run() + ", " + settings.customers() + " customers, "
                + settings.faults().size() + " faults, one after another");
        Instant started = Instant.now();
        ChaosVerdict verdict = new ChaosRun(platform, settings, line -> say("polyshop chaos: " + line)).run();
        BenchReport report = new BenchReport("chaos", "Polyshop fault run " + platform.run());
        report.add(
                "%d customers checking out continuously; each fault after %d s of steady traffic, engines away %d s,"
                        + " services down %d s; %d s in all",
                settings.customers(),
                settings.steady().toSeconds(),
                settings.outage().toSeconds(),
                settings.down().toSeconds(),
                Duration.between(started, Instant.now()).toSeconds());
        verdict.table().forEach(line -> report.add("%s", line));
        report.write(root);
        if (!verdict.holds()) {
            System.exit(1);
        }
    }

    private static ChaosRun.Settings settings(String[] args) {
        int customers = 8;
        int outage = 15;
        int down = 5;
        int steady = 8;
        int settle = 300;
        List<String> faults = ChaosRun.FAULTS;
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("'" + args[i] + "' needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--customers" -> customers = number(args[i], value);
                case "--outage-seconds" -> outage = number(args[i], value);
                case "--down-seconds" -> down = number(args[i], value);
                case "--steady-seconds" -> steady = number(args[i], value);
                case "--settle-seconds" -> settle = number(args[i], value);
                case "--faults" ->
                    faults = Arrays.stream(value.split(",")).map(String::strip).toList();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new ChaosRun.Settings(
                customers,
                Duration.ofSeconds(steady),
                Duration.ofSeconds(outage),
                Duration.ofSeconds(down),
                Duration.ofSeconds(settle),
                faults);
    }

    private static int number(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number above 0, not '" + value + "'");
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
