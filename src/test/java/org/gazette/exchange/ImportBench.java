package org.gazette.exchange;

import java.nio.file.Path;
import java.util.Arrays;

import org.gazette.GazetteApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs one import against the configured database, for the
 * import benchmark ({@code bench/import.sh}), with the web server on a port of chance
 * (the command line's own runner belongs to the CLI): prints a progress line every few
 * seconds and the report, with comments per second.
 * <p>
 * {@code java -cp ... org.gazette.exchange.ImportBench FILE [--spring.datasource.url=...]}
 */
public final class ImportBench {

    private ImportBench() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String[] given = Arrays.copyOfRange(args, 1, args.length);
        String[] properties = new String[given.length + 2];
        // The application needs its servlet context (sessions); its ports are left to chance and unused.
        properties[0] = "--server.port=0";
        properties[1] = "--management.server.port=0";
        System.arraycopy(given, 0, properties, 2, given.length);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GazetteApplication.class)
            .run(properties)) {
            long[] last = { 0 };
            ImportReport report = context.getBean(Imports.class).run(file, ImportOptions.defaults(), (counts) -> {
                long now = System.nanoTime();
                if (now - last[0] > 5_000_000_000L) {
                    last[0] = now;
                    System.out.printf("%s %3d%% articles %d comments %d skipped %d (%.0f comments/s)%n",
                            counts.phase(), counts.percent(), counts.articles(), counts.comments(), counts.skipped(),
                            counts.commentsPerSecond());
                }
            });
            long comments = report.commentsCreatedTotal() + report.commentsPresentTotal();
            System.out.printf("IMPORTED %s: articles %d created, %d present; comments created %s, present %s; "
                    + "skipped %s; %.1f s, %.0f comments/s%n", report.format(), report.articlesCreated(),
                    report.articlesPresent(), report.commentsCreated(), report.commentsPresent(), report.skipped(),
                    report.elapsed().toMillis() / 1000.0, comments / (report.elapsed().toMillis() / 1000.0));
        }
    }

}
