package org.gazette;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.gazette.article.Article;
import org.gazette.article.ArticleImporter;
import org.gazette.comment.CommentSettingsService;
import org.gazette.comment.ModerationMode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Two nodes of one site, each with its own server on its own port, over one PostgreSQL
 * database, read and written over real HTTP as a proxy without sticky sessions would send
 * readers and editors to either: a change made on one node shows on the other within a
 * second; both give the same validators for the same page, as does a node started later;
 * a settings form filled in over stale settings is refused; a rolled-back write tells
 * nobody; and a node whose listening connection is cut reads everything again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedStateAcrossNodesPostgresTests {

    private static final String PASSWORD = "test-editor-password";

    /** How soon a change made on one node must show on the other. */
    private static final Duration WITHIN = Duration.ofSeconds(1);

    private static final Duration POLL = Duration.ofMillis(50);

    private TestNodes nodes;

    private ConfigurableApplicationContext nodeA;

    private ConfigurableApplicationContext nodeB;

    @BeforeAll
    void startTwoNodesOnOneDatabase() {
        this.nodes = new TestNodes(TestDatabases.postgresDatabase());
        this.nodeA = this.nodes.start();
        this.nodeB = this.nodes.start();
    }

    @AfterAll
    void stopNodes() {
        this.nodes.close();
    }

    @Test
    void commentPostedOnOneNodeShowsOnTheOthersArticleAndFrontPage() throws Exception {
        mode(ModerationMode.NONE);
        String headline = "A comment crosses the room " + shortId();
        String path = "/articles/" + article(headline);
        Browser onA = new Browser(this.nodeA);
        Browser onB = new Browser(this.nodeB);
        HttpResponse<String> pageOnB = onB.get(path);
        HttpResponse<String> frontOnB = onB.get("/");
        String etag = etag(onA.get(path));
        assertThat(etag(pageOnB)).as("ETag from B and from A").isEqualTo(etag);
        assertThat(onB.get(path, etag).statusCode()).as("B asked with A's ETag").isEqualTo(304);
        assertThat(commentCount(frontOnB.body(), headline)).isEqualTo("No comments yet");

        HttpResponse<String> posted = onA.postComment(path, "Ann Lee", "Posted on the first node");
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).doesNotContain("held=");

        within("the comment on B's article page", () -> onB.get(path).body().contains("Posted on the first node"));
        within("the count on B's front page", () -> "1 comment".equals(commentCount(onB.get("/").body(), headline)));
        assertThat(onB.get(path, etag).statusCode()).as("B asked with the ETag from before").isEqualTo(200);
        assertThat(onB.get("/", etag(frontOnB)).statusCode()).isEqualTo(200);
    }

    @Test
    void everyNodeGivesTheSameValidatorsForTheSamePageEvenOneStartedLater() throws Exception {
        String path = "/articles/" + article("The same page everywhere " + shortId());
        Browser onA = new Browser(this.nodeA);
        Browser onB = new Browser(this.nodeB);
        HttpResponse<String> fromA = onA.get(path);
        HttpResponse<String> fromB = onB.get(path);
        HttpResponse<String> frontFromA = onA.get("/");

        assertThat(etag(fromB)).isEqualTo(etag(fromA));
        assertThat(fromB.headers().firstValue("Last-Modified")).isEqualTo(fromA.headers().firstValue("Last-Modified"));
        assertThat(etag(onB.get("/"))).isEqualTo(etag(frontFromA));
        ConfigurableApplicationContext later = this.nodes.start();
        try {
            Browser onC = new Browser(later);
            HttpResponse<String> fromC = onC.get(path);
            assertThat(etag(fromC)).as("a node started later").isEqualTo(etag(fromA));
            assertThat(fromC.headers().firstValue("Last-Modified"))
                .isEqualTo(fromA.headers().firstValue("Last-Modified"));
            assertThat(onC.get(path, etag(fromA)).statusCode()).isEqualTo(304);
            assertThat(etag(onC.get("/"))).isEqualTo(etag(frontFromA));
        }
        finally {
            later.close();
        }
    }

    @Test
    void commentApprovedOnOneNodeShowsOnTheOtherWithItsQueueTabsRight() throws Exception {
        mode(ModerationMode.FIRST_TIME);
        String path = "/articles/" + article("Approved elsewhere " + shortId());
        Browser reader = new Browser(this.nodeA);
        HttpResponse<String> posted = reader.postComment(path, "Bo Chen", "Held until an editor looks");
        assertThat(posted.headers().firstValue("Location").orElseThrow()).contains("held=");
        long id = commentId(posted);
        Browser editorOnA = new Browser(this.nodeA).signIn();
        Browser editorOnB = editorOnA.on(this.nodeB);
        assertThat(reader.get(path).body()).doesNotContain("Held until an editor looks");
        HttpResponse<String> queueOnA = editorOnA.get("/moderation");
        Map<String, Integer> tabsBefore = tabs(queueOnA.body());

        HttpResponse<String> queueOnB = editorOnB.get("/moderation");
        long version = jdbc().queryForObject("select version from comment where id = ?", Long.class, id);
        HttpResponse<String> approved = editorOnB.post("/moderation/comments/" + id + "/approve",
                Map.of("version", Long.toString(version), "_csrf", csrf(queueOnB.body())));
        assertThat(approved.statusCode()).isEqualTo(303);

        within("the comment on A's article page", () -> reader.get(path).body().contains("Held until an editor looks"));
        within("A's queue tabs", () -> {
            Map<String, Integer> tabs = tabs(editorOnA.get("/moderation").body());
            return tabs.get("Pending") == tabsBefore.get("Pending") - 1
                    && tabs.get("Approved") == tabsBefore.get("Approved") + 1;
        });
    }

    @Test
    void moderationModeChangedOnOneNodeGovernsTheNextPostOnTheOther() throws Exception {
        mode(ModerationMode.FIRST_TIME);
        String path = "/articles/" + article("Rules change " + shortId());
        Browser reader = new Browser(this.nodeB);
        assertThat(reader.postComment(path, "First Reader", "Held on B").headers().firstValue("Location").orElseThrow())
            .contains("held=");
        Browser editorOnA = new Browser(this.nodeA).signIn();

        HttpResponse<String> saved = editorOnA.saveSettings(Map.of("mode", "NONE"));
        assertThat(saved.statusCode()).isEqualTo(303);

        within("a new reader's post on B approved", () -> {
            String name = "Reader " + shortId();
            return !reader.postComment(path, name, "Posted on B by " + name)
                .headers()
                .firstValue("Location")
                .orElseThrow()
                .contains("held=");
        });
        Document formOnB = Jsoup.parse(editorOnA.on(this.nodeB).get("/moderation/settings").body());
        assertThat(formOnB.select("input[name=mode][checked]").attr("value")).isEqualTo("NONE");
    }

    @Test
    void settingsFormFromBeforeAChangeOnTheOtherNodeIsRefusedAndTheChangeStays() throws Exception {
        mode(ModerationMode.FIRST_TIME);
        Browser editorOnA = new Browser(this.nodeA).signIn();
        Browser editorOnB = editorOnA.on(this.nodeB);
        HttpResponse<String> staleForm = editorOnB.get("/moderation/settings");

        assertThat(editorOnA.saveSettings(Map.of("mode", "ALL")).statusCode()).isEqualTo(303);
        HttpResponse<String> refused = editorOnB.submit(staleForm.body(), Map.of("maxLinks", "5"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(storedSettings()).isEqualTo("all/2");
    }

    @Test
    void settingsSavedOnOneNodeRightAfterAChangeOnTheOtherKeepThatChange() throws Exception {
        mode(ModerationMode.FIRST_TIME);
        Browser editorOnA = new Browser(this.nodeA).signIn();
        Browser editorOnB = editorOnA.on(this.nodeB);
        // B screens a post, so it has the rules in memory
        new Browser(this.nodeB).postComment("/articles/" + article("Settings " + shortId()), "Cy Dee", "Rules read");

        assertThat(editorOnA.saveSettings(Map.of("mode", "ALL")).statusCode()).isEqualTo(303);
        HttpResponse<String> saved = editorOnB.saveSettings(Map.of("maxLinks", "5"));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(storedSettings()).isEqualTo("all/5");
        assertThat(jdbc().queryForObject(
                "select detail from moderation_event where action = 'SETTINGS_CHANGE' order by id desc limit 1",
                String.class))
            .isEqualTo("Link limit: 2 → 5");
    }

    @Test
    void newThreadsOnOneNodeAreSentToPagesThatExistAfterModerationOnTheOther() throws Exception {
        mode(ModerationMode.NONE);
        String slug = article("A long discussion " + shortId());
        String path = "/articles/" + slug;
        List<Long> threads = storeApprovedThreads(slug, 520, true);
        Browser reader = new Browser(this.nodeA);
        HttpResponse<String> first = reader.postComment(path, "Anchor Setter", "Comment 521");
        assertThat(first.headers().firstValue("Location").orElseThrow()).contains("?page=11");

        Browser editorOnB = new Browser(this.nodeB).signIn();
        HttpResponse<String> queue = editorOnB.get("/moderation?status=approved");
        Map<String, String> trash = new LinkedHashMap<>();
        trash.put("action", "trash");
        trash.put("_csrf", csrf(queue.body()));
        String selected = threads.subList(0, 60).stream().map((id) -> id + ":0").collect(Collectors.joining(","));
        HttpResponse<String> trashed = editorOnB.postMulti("/moderation/comments/bulk?status=approved", trash,
                "selected", List.of(selected.split(",")));
        assertThat(trashed.statusCode()).isEqualTo(303);
        assertThat(jdbc().queryForObject("select count(*) from comment where status = 'TRASH' and article_id = "
                + "(select id from article where slug = ?)", Long.class, slug)).isEqualTo(60);

        within("a new comment's page on A", () -> {
            String name = "Reader " + shortId();
            String location = reader.postComment(path, name, "After the trash " + name)
                .headers()
                .firstValue("Location")
                .orElseThrow();
            HttpResponse<String> page = reader.get(URI.create(location).getRawPath() + "?"
                    + URI.create(location).getRawQuery());
            return page.statusCode() == 200 && page.body().contains("After the trash " + name);
        });
    }

    @Test
    void staffNameAddedOnOneNodeIsAStaffNameOnTheOther() throws Exception {
        mode(ModerationMode.NONE);
        String path = "/articles/" + article("Staff names " + shortId());
        String name = "Nell Staffer " + shortId();
        Browser reader = new Browser(this.nodeB);
        assertThat(reader.postComment(path, "Someone Else", "B reads the staff names").headers()
            .firstValue("Location")
            .orElseThrow()).doesNotContain("held=");

        Browser admin = new Browser(this.nodeA).signIn();
        HttpResponse<String> accounts = admin.get("/moderation/accounts");
        HttpResponse<String> created = admin.post("/moderation/accounts",
                Map.of("username", "nell-" + shortId(), "displayName", name, "role", "EDITOR", "password",
                        "a long enough password", "_csrf", csrf(accounts.body())));
        assertThat(created.statusCode()).isEqualTo(303);

        within("a post on B signed with the new staff name held", () -> {
            return reader.postComment(path, name, "Pretending to be staff, " + shortId())
                .headers()
                .firstValue("Location")
                .orElseThrow()
                .contains("held=");
        });
    }

    @Test
    void writeRolledBackOnOneNodeTellsNoNode() throws Exception {
        List<Change> heardOnA = listen(this.nodeA);
        List<Change> heardOnB = listen(this.nodeB);
        SharedChanges changesOnA = this.nodeA.getBean(SharedChanges.class);
        settle();
        heardOnA.clear();
        heardOnB.clear();
        String before = storedSettings();

        new TransactionTemplate(this.nodeA.getBean(PlatformTransactionManager.class)).executeWithoutResult((status) -> {
            this.nodeA.getBean(CommentSettingsService.class).update(ModerationMode.ALL, 9, 0, "", "");
            status.setRollbackOnly();
        });
        changesOnA.publish(Change.staff());

        // notifications arrive in the order of the commits: one sent for the rolled-back
        // write would have come before this one
        within("the next change heard on B", () -> heardOnB.contains(Change.staff()));
        assertThat(heardOnA).containsExactly(Change.staff());
        assertThat(heardOnB).containsExactly(Change.staff());
        assertThat(storedSettings()).isEqualTo(before);
    }

    @Test
    void nodeWhoseListeningConnectionIsCutReadsEverythingAgain() throws Exception {
        mode(ModerationMode.NONE);
        String slug = article("Missed news " + shortId());
        String path = "/articles/" + slug;
        Browser onB = new Browser(this.nodeB);
        settle();
        assertThat(onB.get(path).statusCode()).isEqualTo(200);
        // a change B never hears of: made behind both nodes' backs
        storeApprovedThreads(slug, 1, false);
        jdbc().update("update article set page_version = nextval('page_version_seq') where slug = ?", slug);
        Thread.sleep(WITHIN.toMillis());
        assertThat(onB.get(path).body()).as("B before it reconnects").doesNotContain("Thread 1 of the discussion");

        List<Boolean> cut = jdbc().queryForList("select pg_terminate_backend(pid) from pg_stat_activity "
                + "where application_name = ? and datname = current_database()", Boolean.class,
                ChangeListener.APPLICATION_NAME);

        assertThat(cut).hasSize(2).containsOnly(true);
        within("the change on B", () -> onB.get(path).body().contains("Thread 1 of the discussion"));
        within("both nodes listening again", () -> jdbc().queryForObject("select count(*) from pg_stat_activity "
                + "where application_name = ? and datname = current_database()", Long.class,
                ChangeListener.APPLICATION_NAME) == 2);
    }

    /**
     * Measures, over 50 comments posted on A, how long after the commit (when A's own
     * subscribers hear of it) B's subscribers hear of it, and how long until B answers
     * A's earlier ETag with the new page (which B renders then).
     */
    @Test
    void changesShowOnTheOtherNodeWellWithinASecond() throws Exception {
        mode(ModerationMode.NONE);
        String slug = article("Measured " + shortId());
        String path = "/articles/" + slug;
        long articleId = jdbc().queryForObject("select id from article where slug = ?", Long.class, slug);
        Browser onA = new Browser(this.nodeA);
        Browser onB = new Browser(this.nodeB);
        List<Long> committedAt = heardAt(this.nodeA, articleId);
        List<Long> heardAt = heardAt(this.nodeB, articleId);
        List<Long> heard = new ArrayList<>();
        List<Long> shown = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String etag = etag(onB.get(path));
            committedAt.clear();
            heardAt.clear();
            assertThat(onA.postComment(path, "Timed Reader", "Change number " + i).statusCode()).isEqualTo(303);
            long committed = committedAt.get(0);
            while (onB.get(path, etag).statusCode() == 304) {
                if (System.nanoTime() - committed > WITHIN.toNanos()) {
                    fail("Change %d not visible on B after %s", i, WITHIN);
                }
                Thread.sleep(1);
            }
            shown.add(System.nanoTime() - committed);
            heard.add(heardAt.get(0) - committed);
        }
        System.out.printf("Commit on A to B, %d comments: B's subscribers heard of it after median %.1f ms (max %.1f);"
                + " B answered with the new page after median %.1f ms (max %.1f)%n", shown.size(), median(heard) / 1e6,
                Collections.max(heard) / 1e6, median(shown) / 1e6, Collections.max(shown) / 1e6);
        assertThat(Collections.max(shown)).isLessThan(WITHIN.toNanos());
    }

    /** When the node's subscribers hear of each change to the article from now on ({@link System#nanoTime()}). */
    private static List<Long> heardAt(ConfigurableApplicationContext node, long articleId) {
        List<Long> heard = new CopyOnWriteArrayList<>();
        node.addApplicationListener((ApplicationListener<ApplicationEvent>) (event) -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof Change change
                    && change.topic() == Change.Topic.COMMENTS && change.articleId() == articleId) {
                heard.add(System.nanoTime());
            }
        });
        return heard;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    // ---------------------------------------------------------------------------------

    private JdbcTemplate jdbc() {
        return this.nodeA.getBean(JdbcTemplate.class);
    }

    /** A new article, imported on node A; its slug. */
    private String article(String headline) {
        Article article = this.nodeA.getBean(ArticleImporter.class)
            .importCapture("test-" + UUID.randomUUID(), headline + "\n\nWhat happened, in a sentence or two.\n")
            .orElseThrow();
        return article.getSlug();
    }

    /**
     * Sets the moderation mode through node A's service (the link limit back to 2) and
     * waits until node B screens with it too: the set-up of a test, not what it checks.
     */
    private void mode(ModerationMode mode) throws Exception {
        this.nodeA.getBean(CommentSettingsService.class).update(mode, 2, 0, "", "");
        within("B using the mode set up", () -> {
            return this.nodeB.getBean(CommentSettingsService.class).rules().mode() == mode;
        });
    }

    /** Waits until B has heard every change A published so far (they arrive in order). */
    private void settle() throws Exception {
        List<Change> heardOnB = listen(this.nodeB);
        this.nodeA.getBean(SharedChanges.class).publish(Change.staff());
        within("B hearing what A sent before", () -> heardOnB.contains(Change.staff()));
    }

    /** "mode/link limit" as stored. */
    private String storedSettings() {
        return jdbc().queryForObject("select moderation_mode || '/' || max_links from comment_settings",
                String.class);
    }

    /**
     * Stores approved top-level comments on the article, oldest first and an hour old, in
     * one transaction on node A, published as an import would publish them, or not at all;
     * their ids.
     */
    private List<Long> storeApprovedThreads(String slug, int count, boolean published) {
        long articleId = jdbc().queryForObject("select id from article where slug = ?", Long.class, slug);
        Instant start = Instant.now().minus(Duration.ofHours(1));
        return new TransactionTemplate(this.nodeA.getBean(PlatformTransactionManager.class)).execute((status) -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                Timestamp at = Timestamp.from(start.plusSeconds(i));
                ids.add(jdbc().queryForObject("""
                        insert into comment (article_id, depth, author_name, author_email, body, body_hash, status,
                                             status_reason, created_at, updated_at)
                        values (?, 1, ?, ?, ?, ?, 'APPROVED', 'MODERATION_OFF', ?, ?) returning id""", Long.class,
                        articleId, "Reader " + i, "reader" + i + "@mail.example", "Thread " + i + " of the discussion",
                        "hash-" + i, at, at));
            }
            if (published) {
                this.nodeA.getBean(SharedChanges.class).publish(Change.comments(articleId, null));
            }
            return ids;
        });
    }

    private void within(String what, Check condition) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                fail("Not seen within %s: %s", WITHIN, what);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Records the changes the node's own subscribers get from now on. */
    private static List<Change> listen(ConfigurableApplicationContext node) {
        List<Change> heard = new CopyOnWriteArrayList<>();
        node.addApplicationListener((ApplicationListener<ApplicationEvent>) (event) -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof Change change) {
                heard.add(change);
            }
        });
        return heard;
    }

    private static String etag(HttpResponse<?> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static long commentId(HttpResponse<?> posted) {
        String location = posted.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.indexOf("#comment-") + "#comment-".length()));
    }

    /** The front page's comment count of the article with this headline. */
    private static String commentCount(String frontPage, String headline) {
        for (Element teaser : Jsoup.parse(frontPage).select("li.article-teaser")) {
            if (teaser.select(".teaser-headline").text().equals(headline)) {
                return teaser.select(".teaser-meta a").text();
            }
        }
        return null;
    }

    /** The queue's tabs and their counts: "Pending" → 3. */
    private static Map<String, Integer> tabs(String queuePage) {
        Map<String, Integer> tabs = new LinkedHashMap<>();
        for (Element tab : Jsoup.parse(queuePage).select("nav.tabs a")) {
            tabs.put(tab.select("span").first().text(), Integer.valueOf(tab.select(".count-badge").text()));
        }
        return tabs;
    }

    private static String csrf(String page) {
        return Jsoup.parse(page).select("input[name=_csrf]").attr("value");
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** What a test waits for. */
    private interface Check {

        boolean holds() throws Exception;

    }

    /** A browser over real HTTP that keeps cookies (on either node) and does not follow redirects. */
    private static final class Browser {

        private final int port;

        private final CookieManager cookies;

        private final HttpClient http;

        Browser(ConfigurableApplicationContext node) {
            this(TestNodes.port(node), new CookieManager());
        }

        private Browser(int port, CookieManager cookies) {
            this.port = port;
            this.cookies = cookies;
            this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        }

        /** The same browser, with the same cookies, sent to the other node. */
        Browser on(ConfigurableApplicationContext node) {
            return new Browser(TestNodes.port(node), this.cookies);
        }

        Browser signIn() throws IOException, InterruptedException {
            HttpResponse<String> page = get("/login");
            HttpResponse<String> signedIn = post("/login",
                    Map.of("username", "editor", "password", PASSWORD, "_csrf", csrf(page.body())));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            return this;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return get(path, null);
        }

        HttpResponse<String> get(String path, String ifNoneMatch) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
            if (ifNoneMatch != null) {
                request.header("If-None-Match", ifNoneMatch);
            }
            return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postComment(String articlePath, String name, String text)
                throws IOException, InterruptedException {
            return post(articlePath + "/comments", Map.of("comment", text, "author", name, "email",
                    name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@mail.example"));
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            return postMulti(path, form, null, List.of());
        }

        HttpResponse<String> postMulti(String path, Map<String, String> form, String repeated, List<String> values)
                throws IOException, InterruptedException {
            List<String> pairs = new ArrayList<>();
            form.forEach((key, value) -> pairs.add(encode(key) + "=" + encode(value)));
            values.forEach((value) -> pairs.add(encode(repeated) + "=" + encode(value)));
            return this.http.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)))
                .build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Opens the settings page, changes the given fields and saves it, as an editor does. */
        HttpResponse<String> saveSettings(Map<String, String> changes) throws IOException, InterruptedException {
            return submit(get("/moderation/settings").body(), changes);
        }

        /** Sends the settings form of the given page with the given fields changed. */
        HttpResponse<String> submit(String settingsPage, Map<String, String> changes)
                throws IOException, InterruptedException {
            Element form = Jsoup.parse(settingsPage).selectFirst("form.settings-form");
            List<String> pairs = new ArrayList<>();
            for (Element field : form.select("input[name], textarea[name]")) {
                String name = field.attr("name");
                String type = field.attr("type");
                String value = "textarea".equals(field.tagName()) ? field.wholeText() : field.attr("value");
                boolean chosen = switch (type) {
                    case "radio" -> changes.containsKey(name) ? value.equals(changes.get(name))
                            : field.hasAttr("checked");
                    case "checkbox" -> field.hasAttr("checked");
                    default -> true;
                };
                if (chosen) {
                    String sent = ("radio".equals(type) || "checkbox".equals(type)) ? value
                            : changes.getOrDefault(name, value);
                    pairs.add(encode(name) + "=" + encode(sent));
                }
            }
            return this.http.send(HttpRequest.newBuilder(uri("/moderation/settings"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)))
                .build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + this.port + path);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }

    }

}
