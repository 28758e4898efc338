package io.polyshop.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines of a benchmark's (or chaos run's) report: printed at the end and written to .polyshop/benchmarks/NAME.txt. */
public final class BenchReport {

    private final String name;
    private final List<String> lines = new ArrayList<>();

    public BenchReport(String name, String title) {
        this.name = name;
        lines.add(title + ", " + Instant.now());
        lines.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
                + Runtime.version().feature());
    }

    public void add(String format, Object... arguments) {
        lines.add(String.format(Locale.ROOT, format, arguments));
    }

    public void write(Path root) throws IOException {
        String text = String.join("\n", lines) + "\n";
        Path file = root.resolve(".polyshop/benchmarks/" + name + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        System.out.println();
        System.out.print(text);
        System.out.println("polyshop: report written to .polyshop/benchmarks/" + name + ".txt");
    }
}
