package org.gazette.hardening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What durable commits cost and how large the H2 file grows: for each way of running
 * H2, starts the packaged application on a fresh database, posts comments through the
 * real form from several clients, and reports comments per second and the size of the
 * database file as it grows, then after a graceful stop. Not a test: run it by hand
 * (see {@code docs/durability.md}):
 *
 * <pre>
 * ./mvnw -q package -DskipTests &amp;&amp; ./mvnw -q test-compile
 * java -cp target/test-classes org.gazette.hardening.H2GrowthBenchmark [comments] [clients] [variant...]
 * </pre>
 */
public final class H2GrowthBenchmark {

    /** How long the application is left alone after posting, before the file is measured again. */
    private static final Duration IDLE = Duration.ofSeconds(90);

    private static final String H2_OPTIONS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** The ways of running H2 compared; the last is Gazette as shipped. */
    private static final List<Variant> VARIANTS = List.of(
            new Variant("background-writer", "H2 defaults: commits written by H2's background thread (not durable)",
                    List.of("--spring.datasource.url=jdbc:h2:file:./data/gazette;" + H2_OPTIONS,
                            "--gazette.database.flush-commits=false")),
            new Variant("write-delay-0", "WRITE_DELAY=0: every commit written before the answer (durable)",
                    List.of("--spring.datasource.url=jdbc:h2:file:./data/gazette;" + H2_OPTIONS + ";WRITE_DELAY=0",
                            "--gazette.database.flush-commits=false")),
            new Variant("shipped", "as shipped: background writer + CHECKPOINT after each commit (durable), "
                    + "MAX_COMPACT_TIME=2000 on close", List.of()));

    private H2GrowthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int comments = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
        int clients = (args.length > 1) ? Integer.parseInt(args[1]) : 8;
        List<String> chosen = (args.length > 2) ? Arrays.asList(args).subList(2, args.length) : List.of();
        Path jar = GazetteProcess.packagedJar();
        System.out.printf("%d comments from %d clients, %d processors; jar %s%n", comments, clients,
                Runtime.getRuntime().availableProcessors(), jar);
        List<String> results = new ArrayList<>();
        for (Variant variant : VARIANTS) {
            if (chosen.isEmpty() || chosen.contains(variant.name())) {
                results.add(run(jar, variant, comments, clients));
            }
        }
        System.out.println();
        System.out.println("| variant | comments/s | file after " + comments + " | after " + IDLE.toSeconds()
                + " s idle | after graceful stop | stop took |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        results.forEach(System.out::println);
    }

    private static String run(Path jar, Variant variant, int comments, int clients) throws Exception {
        Path directory = Files.createTempDirectory("h2-growth-" + variant.name() + "-");
        Path file = directory.resolve("data/gazette.mv.db");
        List<String> arguments = new ArrayList<>(List.of("--gazette.moderation.mode=none",
                "--gazette.comments.flood-interval=0s", "--gazette.comments.rate-limit.enabled=false",
                "--gazette.editor.password=benchmark-password", "--logging.level.org.flywaydb=warn"));
        arguments.addAll(variant.arguments());
        System.out.printf("%n== %s: %s (%s)%n", variant.name(), variant.description(), directory);
        GazetteProcess app = GazetteProcess.start(jar, directory, List.of("-Xmx1g"), arguments,
                Duration.ofMinutes(3));
        AtomicInteger next = new AtomicInteger();
        Map<Integer, Integer> refused = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int client = 1; client <= clients; client++) {
            int number = client;
            workers.add(threads.submit(() -> {
                CommentClient http = new CommentClient(app::uri);
                for (int n = next.getAndIncrement(); n < comments; n = next.getAndIncrement()) {
                    int status = http.send("Client " + number, "client" + number + "@example.com",
                            "Comment " + n + " from client " + number
                                    + ": a reader's view on the talks, about as long as most comments are.")
                        .statusCode();
                    if (status != 303) {
                        refused.merge(status, 1, Integer::sum);
                    }
                }
                return null;
            }));
        }
        int reported = 0;
        while (workers.stream().anyMatch((worker) -> !worker.isDone())) {
            Thread.sleep(200);
            int done = Math.min(next.get(), comments);
            if (done >= reported + comments / 10) {
                reported = done - done % (comments / 10);
                System.out.printf("  %,7d comments  %6.0f s  file %s%n", reported, seconds(start), size(file));
            }
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        threads.shutdown();
        double elapsed = seconds(start);
        String sizeRunning = size(file);
        Thread.sleep(IDLE.toMillis());
        String sizeIdle = size(file);
        System.out.printf("  after %d s idle: file %s%n", IDLE.toSeconds(), sizeIdle);
        long stopStart = System.nanoTime();
        app.stop();
        double stopSeconds = seconds(stopStart);
        String sizeStopped = size(file);
        System.out.printf("  %.0f comments/s over %.0f s, refused (status=count) %s; file %s running, %s after stop (%.1f s)%n",
                comments / elapsed, elapsed, refused, sizeRunning, sizeStopped, stopSeconds);
        if (refused.isEmpty()) {
            deleteRecursively(directory);
        }
        else {
            System.out.printf("  kept %s for its log%n", directory);
        }
        return "| %s | %.0f | %s | %s | %s | %.1f s |".formatted(variant.name(), comments / elapsed, sizeRunning,
                sizeIdle, sizeStopped, stopSeconds);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String size(Path file) throws IOException {
        return "%.1f MB".formatted(Files.size(file) / 1e6);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }

    private record Variant(String name, String description, List<String> arguments) {
    }

}
