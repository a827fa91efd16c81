package org.gazette.hardening;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing acknowledged is lost when the process is killed: the packaged application
 * runs as a separate process on an H2 file database; several threads post comments;
 * the process is killed with SIGKILL while they post; it is started again on the same
 * files, which must open cleanly, and every comment that was answered 303 must be on
 * the article's pages. Repeated at several kill points; at the end the database file
 * is read directly over JDBC as well.
 */
class CrashDurabilityIT {

    private static final int THREADS = 4;

    /** How long each run posts before the kill, counted from its first acknowledged comment. */
    private static final List<Duration> KILL_POINTS = List.of(Duration.ofMillis(900), Duration.ofMillis(1700),
            Duration.ofMillis(2500));

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** C1 only: these runs are short, so quick start-up beats peak speed. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");

    static final List<String> ARGUMENTS = List.of("--gazette.moderation.mode=none",
            "--gazette.comments.flood-interval=0s", "--gazette.comments.rate-limit.enabled=false",
            "--gazette.editor.password=crash-test-password", "--logging.level.org.flywaydb=warn");

    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedCommentSurvivesSigkillAndTheDatabaseReopens() throws Exception {
        Path jar = GazetteProcess.packagedJar();
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        List<String> runs = new ArrayList<>();
        for (int run = 1; run <= KILL_POINTS.size(); run++) {
            try (GazetteProcess app = GazetteProcess.start(jar, this.directory, JVM_OPTIONS, ARGUMENTS,
                    START_TIMEOUT)) {
                assertAllVisible(app, acknowledged, "after restart " + (run - 1));
                int before = acknowledged.size();
                Posting posting = new Posting(app, run, acknowledged);
                posting.awaitFirstAcknowledgement();
                Thread.sleep(KILL_POINTS.get(run - 1).toMillis());
                app.kill();
                posting.finish();
                runs.add("run %d: %d acknowledged before SIGKILL, %d posts cut off".formatted(run,
                        acknowledged.size() - before, posting.failures()));
                assertThat(acknowledged.size()).as("comments acknowledged in run %d", run).isGreaterThan(before);
            }
        }
        try (GazetteProcess app = GazetteProcess.start(jar, this.directory, JVM_OPTIONS, ARGUMENTS, START_TIMEOUT)) {
            assertAllVisible(app, acknowledged, "after the last restart");
            app.stop();
        }
        Map<Long, String> stored = storedComments(this.directory);
        Map<Long, String> lost = new HashMap<>(acknowledged);
        lost.keySet().removeAll(stored.keySet());
        System.out.printf("Crash durability: %d runs killed with SIGKILL, %d comments acknowledged, %d lost, %d stored%n"
                + "  %s%n", KILL_POINTS.size(), acknowledged.size(), lost.size(), stored.size(),
                String.join("\n  ", runs));
        assertThat(lost).as("acknowledged comments missing from the database file").isEmpty();
        acknowledged.forEach((id, text) -> assertThat(stored.get(id)).as("text of comment %d", id).isEqualTo(text));
    }

    private static void assertAllVisible(GazetteProcess app, Map<Long, String> acknowledged, String when)
            throws IOException, InterruptedException {
        Set<Long> visible = new CommentClient(app::uri).visibleCommentIds();
        Set<Long> missing = new java.util.TreeSet<>(acknowledged.keySet());
        missing.removeAll(visible);
        assertThat(missing).as("acknowledged comments not on the article's pages %s", when).isEmpty();
    }

    /** Every comment in the database file, read directly once the application has stopped. */
    static Map<Long, String> storedComments(Path directory) throws SQLException {
        String url = "jdbc:h2:file:" + directory.resolve("data/gazette").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Map<Long, String> comments = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id, body from comment")) {
            while (rows.next()) {
                comments.put(rows.getLong(1), rows.getString(2));
            }
        }
        return comments;
    }

    /** Threads that post comments until their connection fails, recording what was acknowledged. */
    static final class Posting {

        private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

        private final List<Future<?>> workers = new ArrayList<>();

        private final CountDownLatch firstAcknowledgement = new CountDownLatch(1);

        private final AtomicBoolean stopped = new AtomicBoolean();

        private final AtomicInteger failures = new AtomicInteger();

        Posting(GazetteProcess app, int run, Map<Long, String> acknowledged) {
            for (int thread = 1; thread <= THREADS; thread++) {
                int number = thread;
                this.workers.add(this.threads.submit(() -> {
                    CommentClient client = new CommentClient(app::uri);
                    for (int sequence = 1; !this.stopped.get(); sequence++) {
                        String text = "Run %d, thread %d, comment %d: the talks must go on.".formatted(run, number,
                                sequence);
                        try {
                            OptionalLong id = client.post("Reader " + number, "reader" + number + "@example.com",
                                    text);
                            if (id.isEmpty()) {
                                throw new IllegalStateException("A comment was not acknowledged: " + text);
                            }
                            acknowledged.put(id.getAsLong(), text);
                            this.firstAcknowledgement.countDown();
                        }
                        catch (IOException ex) {
                            this.failures.incrementAndGet();
                            return null;
                        }
                    }
                    return null;
                }));
            }
        }

        void awaitFirstAcknowledgement() throws InterruptedException {
            assertThat(this.firstAcknowledgement.await(60, TimeUnit.SECONDS)).as("a first comment acknowledged")
                .isTrue();
        }

        /** Waits for every thread to stop after the kill; rethrows what went wrong in one. */
        void finish() throws Exception {
            this.stopped.set(true);
            this.threads.shutdown();
            for (Future<?> worker : this.workers) {
                worker.get(90, TimeUnit.SECONDS);
            }
        }

        int failures() {
            return this.failures.get();
        }

    }

}
