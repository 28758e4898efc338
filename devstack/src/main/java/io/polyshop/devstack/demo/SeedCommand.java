package io.polyshop.devstack.demo;

import io.polyshop.devstack.RunningPlatform;
import java.nio.file.Path;

/**
 * {@code ./polyshop seed --products N}: makes the running platform's catalog hold exactly the first
 * N demo products (adding, updating or withdrawing demo products as needed).
 */
public final class SeedCommand {

    private SeedCommand() {}

    public static void main(String[] args) {
        int products = 10_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--products") && i + 1 < args.length) {
                products = Integer.parseInt(args[++i]);
            } else {
                System.err.println("usage: ./polyshop seed [--products N]");
                System.exit(2);
            }
        }
        if (products < 0 || products > 2_000_000) {
            System.err.println("polyshop seed: --products must be between 0 and 2000000");
            System.exit(2);
        }
        RunningPlatform platform = RunningPlatform.read(Path.of(".").toAbsolutePath());
        CatalogSeeder seeder = new CatalogSeeder(
                platform.url("identity"), platform.url("catalog"), line -> System.out.println("  " + line));
        long started = System.nanoTime();
        long before = seeder.visibleProducts();
        System.out.println("polyshop seed: the catalog shows " + before + " products; making it " + products);
        CatalogSeeder.Report report = seeder.seed(products);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "polyshop seed: %d lines in %.1f s (%.0f/s): %d created, %d updated, %d unchanged, %d rejected%n",
                report.lines(),
                seconds,
                report.lines() / seconds,
                report.created(),
                report.updated(),
                report.unchanged(),
                report.rejected());
        if (report.rejected() > 0) {
            System.out.println("  first rejections: " + report.rejections());
            System.exit(1);
        }
    }
}
