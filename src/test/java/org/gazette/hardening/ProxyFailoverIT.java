package org.gazette.hardening;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Readers, a commenter and an editor use the site through nginx while its nodes go down
 * and come back: {@code deploy/cluster.sh} runs PostgreSQL, two Gazette nodes and the
 * proxy as real processes; node 1 is stopped gracefully (taken out of the proxy, then
 * SIGTERM) and started again, then node 2 is killed (SIGKILL) and started again. No reader
 * gets an error, every comment acknowledged with 303 is stored once, none is stored twice,
 * and the editor stays signed in throughout (sessions live in the database). Only a post
 * or a desk action in flight on the killed node may fail, as the proxy cannot send it
 * again: such failures are counted, and a failed post is stored at most once. On the same
 * cluster, the proxy's cache: anonymous pages come from it, pages of a signed-in session
 * and personal answers never do, and a client's own {@code X-Forwarded-For} is replaced by
 * the address nginx saw. Skipped without nginx or PostgreSQL's server programs, which
 * {@code .ci/run} installs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyFailoverIT {

    private static final String EDITOR_PASSWORD = "failover-editor-password";

    private static final Pattern SELECTABLE = Pattern.compile("name=\"selected\" value=\"(\\d+):(\\d+)\"");

    private static final Pattern ACKNOWLEDGED_ID = Pattern.compile("#comment-(\\d+)$");

    /** The one step after which a request may fail: a post in flight on a killed node cannot be sent again. */
    private static final String KILL = "node 2 killed (SIGKILL)";

    /** Each phase of the scenario lasts at least this long, so that traffic meets every state. */
    private static final Duration PHASE = Duration.ofSeconds(3);

    private LocalCluster cluster;

    @BeforeAll
    void startCluster(@TempDir Path runDirectory) throws Exception {
        Optional<String> missing = LocalCluster.missingPrograms();
        assumeThat(missing).as("nginx and PostgreSQL's server programs for deploy/cluster.sh (%s)",
                missing.orElse("")).isEmpty();
        GazetteProcess.packagedJar();
        // Held comments for the editor to approve; no posting limits for the one commenter;
        // a JVM that starts quickly, as the other tests of processes use, and no class-data
        // sharing archive (training one costs more than it saves over four starts).
        long started = System.nanoTime();
        this.cluster = LocalCluster.start(runDirectory, 2,
                Map.of("GAZETTE_MODERATION_MODE", "all", "GAZETTE_COMMENTS_FLOODINTERVAL", "0s",
                        "GAZETTE_COMMENTS_RATELIMIT_ENABLED", "false", "GAZETTE_EDITOR_PASSWORD", EDITOR_PASSWORD,
                        "JAVA_OPTS", String.join(" ", CrashDurabilityIT.JVM_OPTIONS), "CDS", "0"));
        System.out.printf("Cluster of 2 nodes started in %d ms%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (this.cluster != null) {
            this.cluster.close();
        }
    }

    @Test
    void readersCommentersAndEditorsNoticeNothingWhileNodesStopAndStart() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Traffic traffic = new Traffic(this.cluster, run);
        List<String> steps = new ArrayList<>();
        traffic.start();
        try {
            pause(PHASE);
            steps.add(traffic.step("node 1 stopped (SIGTERM)", () -> this.cluster.stopNode(1)));
            pause(PHASE);
            steps.add(traffic.step("node 1 started", () -> this.cluster.startNode(1)));
            pause(PHASE);
            steps.add(traffic.step(KILL, () -> this.cluster.killNode(2)));
            pause(PHASE);
            steps.add(traffic.step("node 2 started", () -> this.cluster.startNode(2)));
            pause(PHASE);
        }
        finally {
            traffic.stop();
        }
        RawHttp.Response deskAfter = traffic.editor.get("/moderation");
        Map<Long, Stored> stored = storedComments(run);
        Map<String, Long> storedTwice = stored.values()
            .stream()
            .collect(Collectors.groupingBy(Stored::body, Collectors.counting()));
        storedTwice.values().removeIf((count) -> count < 2);
        Map<Long, String> lost = new TreeMap<>(traffic.acknowledged);
        lost.keySet().removeAll(stored.keySet());
        long failedButStored = traffic.failedPosts.stream()
            .filter((text) -> stored.values().stream().anyMatch((comment) -> comment.body().equals(text)))
            .count();
        List<Long> approvedNotApproved = traffic.approved.stream()
            .filter((id) -> stored.containsKey(id) && !"APPROVED".equals(stored.get(id).status()))
            .toList();

        System.out.printf("Proxy failover (2 nodes behind nginx, %s):%n  %s%n  reads: %s%n  reader failures: %d%s"
                + "%n  posts: %d acknowledged (303), %d failed %s, of which stored anyway: %d; stored: %d, lost: %d,"
                + " stored twice: %d%n  desk: %s; %d comments approved; failures: %d%s%n",
                run, String.join("; ", steps), new TreeMap<>(traffic.readStatuses), traffic.readFailures.size(),
                lines(traffic.readFailures), traffic.acknowledged.size(), traffic.failedPosts.size(),
                new TreeMap<>(traffic.postFailures), failedButStored, stored.size(), lost.size(), storedTwice.size(),
                new TreeMap<>(traffic.deskStatuses), traffic.approved.size(), traffic.deskFailures.size(),
                lines(traffic.deskFailures));

        assertThat(traffic.readFailures).as("reads through the proxy answered other than 200 or 304").isEmpty();
        assertThat(traffic.readStatuses.get("200")).as("reads answered 200").isNotNull();
        assertThat(traffic.acknowledged).as("comments acknowledged").isNotEmpty();
        assertThat(lost).as("acknowledged comments missing from the database").isEmpty();
        traffic.acknowledged.forEach((id, text) -> assertThat(stored.get(id).body()).as("comment %d", id)
            .isEqualTo(text));
        assertThat(storedTwice).as("comment texts stored more than once").isEmpty();
        assertThat(traffic.postFailures.keySet()).as("posts that failed other than in flight on the killed node")
            .allMatch((kind) -> kind.endsWith(" after " + KILL));
        assertThat(traffic.deskFailures).as("the editor's desk pages and actions that failed, other than an action"
                + " cut off by the kill").allMatch((failure) -> failure.startsWith("action cut off"));
        assertThat(traffic.approved).as("comments the editor approved").isNotEmpty();
        assertThat(approvedNotApproved).as("comments whose approval was acknowledged but are not approved").isEmpty();
        assertThat(deskAfter.status()).as("the editor's desk after both nodes went down (still signed in)")
            .isEqualTo(200);
    }

    @Test
    void proxyCachesAnonymousPagesOnlyAndPassesTheAddressItSaw() throws Exception {
        HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
        String page = CommentClient.ARTICLE + "?page=1";
        send(http, page, List.of());
        HttpResponse<String> cached = send(http, page, List.of());
        // Kept for a second (s-maxage=1), then revalidated with its ETag: either way from the cache.
        assertThat(cached.headers().firstValue("X-Cache-Status")).as("an anonymous page, asked again")
            .isIn(Optional.of("HIT"), Optional.of("REVALIDATED"));
        assertThat(send(http, page, List.of("Cookie", "JSESSIONID=someone")).headers().firstValue("X-Cache-Status"))
            .as("the same page with a session cookie")
            .hasValue("BYPASS");
        String etag = cached.headers().firstValue("ETag").orElseThrow();
        assertThat(send(http, page, List.of("If-None-Match", etag)).statusCode()).as("a conditional GET")
            .isEqualTo(304);

        String text = "Posted through the proxy with a forged address " + UUID.randomUUID();
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(this.cluster.uri(CommentClient.ARTICLE
                + "/comments"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", "203.0.113.9")
            .POST(HttpRequest.BodyPublishers.ofString("comment=" + encode(text) + "&author=Forger&email="
                    + encode("forger@example.com")))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(303);
        String held = posted.headers().firstValue("Location").orElseThrow().replaceFirst("#.*", "");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> own = send(http, held, List.of());
            assertThat(own.body()).contains("awaiting moderation");
            assertThat(own.headers().firstValue("X-Cache-Status")).as("the held comment's own page, asked again")
                .isNotEqualTo(Optional.of("HIT"));
        }
        try (Connection database = this.cluster.database();
                PreparedStatement query = database
                    .prepareStatement("SELECT client_address FROM comment WHERE body = ?")) {
            query.setString(1, text);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).as("the client address stored").isEqualTo("127.0.0.1");
            }
        }
    }

    private HttpResponse<String> send(HttpClient http, String path, List<String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(this.cluster.uri(path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<Long, Stored> storedComments(String run) throws SQLException {
        Map<Long, Stored> comments = new HashMap<>();
        try (Connection database = this.cluster.database();
                PreparedStatement query = database
                    .prepareStatement("SELECT id, body, status FROM comment WHERE body LIKE ?")) {
            query.setString(1, "%" + Traffic.marker(run) + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    comments.put(rows.getLong(1), new Stored(rows.getString(2), rows.getString(3)));
                }
            }
        }
        return comments;
    }

    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    private static String lines(List<String> items) {
        return items.isEmpty() ? "" : items.stream().limit(20).collect(Collectors.joining("\n    ", "\n    ", ""));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private interface Step {

        void run() throws Exception;

    }

    private record Stored(String body, String status) {

    }

    /**
     * What goes on while the nodes stop and start: two readers of the article and the front
     * page (one served by the proxy's cache where it can, one whose session cookie sends
     * every request to a node), each asking with the last ETag every other time; one
     * commenter posting numbered comments one after another; one editor working the queue.
     */
    private static final class Traffic {

        private final LocalCluster cluster;

        private final String run;

        private final AtomicBoolean stopping = new AtomicBoolean();

        private final ExecutorService threads = Executors.newFixedThreadPool(4);

        private final List<Future<?>> running = new ArrayList<>();

        final Map<String, AtomicInteger> readStatuses = new ConcurrentHashMap<>();

        final List<String> readFailures = new CopyOnWriteArrayList<>();

        final Map<Long, String> acknowledged = new ConcurrentHashMap<>();

        final List<String> failedPosts = new CopyOnWriteArrayList<>();

        final Map<String, AtomicInteger> postFailures = new ConcurrentHashMap<>();

        final Map<String, AtomicInteger> deskStatuses = new ConcurrentHashMap<>();

        final List<String> deskFailures = new CopyOnWriteArrayList<>();

        final Set<Long> approved = new ConcurrentSkipListSet<>();

        private final AtomicReference<String> phase = new AtomicReference<>("the start");

        EditorSession editor;

        Traffic(LocalCluster cluster, String run) {
            this.cluster = cluster;
            this.run = run;
        }

        /** Runs one step of the scenario; what fails from its start on is counted under it. */
        String step(String what, Step step) throws Exception {
            this.phase.set(what);
            long started = System.nanoTime();
            step.run();
            return what + " in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms";
        }

        static String marker(String run) {
            return "failover run " + run;
        }

        void start() throws IOException {
            this.editor = EditorSession.signIn(new RawHttp(this.cluster.proxyPort()), "editor", EDITOR_PASSWORD);
            this.running.add(this.threads.submit(() -> read(Optional.empty())));
            this.running.add(this.threads.submit(() -> read(Optional.of("JSESSIONID=reader-without-a-session"))));
            this.running.add(this.threads.submit(this::comment));
            this.running.add(this.threads.submit(this::moderate));
        }

        void stop() throws Exception {
            this.stopping.set(true);
            for (Future<?> thread : this.running) {
                thread.get(2, TimeUnit.MINUTES);
            }
            this.threads.shutdown();
        }

        private void read(Optional<String> cookie) {
            HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
            Map<String, String> etags = new HashMap<>();
            for (long n = 0; !this.stopping.get(); n++) {
                String path = (n % 2 == 0) ? CommentClient.ARTICLE : "/";
                HttpRequest.Builder request = HttpRequest.newBuilder(this.cluster.uri(path))
                    .timeout(Duration.ofSeconds(30));
                cookie.ifPresent((value) -> request.header("Cookie", value));
                String etag = etags.get(path);
                if (etag != null && n % 4 < 2) {
                    request.header("If-None-Match", etag);
                }
                try {
                    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    count(this.readStatuses, Integer.toString(response.statusCode()));
                    response.headers().firstValue("ETag").ifPresent((tag) -> etags.put(path, tag));
                    if (response.statusCode() != 200 && response.statusCode() != 304) {
                        this.readFailures.add(now() + " after " + this.phase.get() + ": GET " + path + " answered "
                                + response.statusCode());
                    }
                }
                catch (IOException ex) {
                    count(this.readStatuses, "connection failed");
                    this.readFailures.add(now() + " after " + this.phase.get() + ": GET " + path + ": " + ex);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        /**
         * Posts on a connection of its own each time. Taking a node out reloads nginx, whose
         * old workers then close their idle keep-alive connections; a POST sent on one as it
         * closes fails before anything reaches a node. Browsers send such a request again on
         * a new connection, and the JDK's client does so only for GET and HEAD.
         */
        private void comment() {
            RawHttp http = new RawHttp(this.cluster.proxyPort());
            for (int n = 1; !this.stopping.get(); n++) {
                String text = "Comment " + n + " of the " + marker(this.run) + ", posted while nodes come and go.";
                try {
                    RawHttp.Response response = http.send("POST", CommentClient.ARTICLE + "/comments",
                            List.of("Content-Type: application/x-www-form-urlencoded"), "comment=" + encode(text)
                                    + "&author=" + encode("Failover Reader") + "&email=" + encode("failover@example.com"));
                    Matcher id = ACKNOWLEDGED_ID.matcher(response.header("Location").orElse(""));
                    if (response.status() == 303 && id.find()) {
                        this.acknowledged.put(Long.parseLong(id.group(1)), text);
                    }
                    else {
                        failed(text, "status " + response.status());
                    }
                    Thread.sleep(20);
                }
                catch (IOException ex) {
                    failed(text, ex.getClass().getSimpleName());
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void failed(String text, String kind) {
            this.failedPosts.add(text);
            count(this.postFailures, kind + " after " + this.phase.get());
        }

        private void moderate() {
            while (!this.stopping.get()) {
                RawHttp.Response desk;
                try {
                    desk = this.editor.get("/moderation?status=pending");
                }
                catch (IOException ex) {
                    this.deskFailures.add(now() + " after " + this.phase.get() + ": desk page: " + ex);
                    continue;
                }
                count(this.deskStatuses, "desk " + desk.status());
                if (desk.status() != 200) {
                    this.deskFailures.add(now() + " after " + this.phase.get() + ": desk page answered "
                            + desk.status() + " " + desk.header("Location").orElse(""));
                    continue;
                }
                List<Long> ids = new ArrayList<>();
                StringBuilder form = new StringBuilder("action=approve&status=pending&_csrf=")
                    .append(encode(EditorSession.csrfToken(desk.body())));
                Matcher selectable = SELECTABLE.matcher(desk.body());
                while (selectable.find() && ids.size() < 20) {
                    ids.add(Long.parseLong(selectable.group(1)));
                    form.append("&selected=").append(selectable.group(1)).append("%3A").append(selectable.group(2));
                }
                if (!ids.isEmpty()) {
                    approve(ids, form.toString());
                }
                try {
                    Thread.sleep(100);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void approve(List<Long> ids, String form) {
            try {
                RawHttp.Response answer = this.editor.send("POST", "/moderation/comments/bulk",
                        List.of("Content-Type: application/x-www-form-urlencoded"), form);
                count(this.deskStatuses, "approve " + answer.status());
                if (answer.status() == 303) {
                    this.approved.addAll(ids);
                }
                else if (answer.status() == 502 && KILL.equals(this.phase.get())) {
                    this.deskFailures.add("action cut off: " + now() + " approve answered 502");
                }
                else {
                    this.deskFailures.add(now() + " after " + this.phase.get() + ": approve answered "
                            + answer.status() + " " + answer.header("Location").orElse(""));
                }
            }
            catch (IOException ex) {
                this.deskFailures.add(now() + " after " + this.phase.get() + ": approve: " + ex);
            }
        }

        private static void count(Map<String, AtomicInteger> counts, String key) {
            counts.computeIfAbsent(key, (k) -> new AtomicInteger()).incrementAndGet();
        }

        private static String now() {
            return java.time.LocalTime.now().toString();
        }

    }

}
