package org.gazette.editor;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gazette.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of one site, each with its own server on its own port, over one database, and
 * a browser that goes to either as a proxy without sticky sessions sends it: signed in
 * on one node is signed in on the other, disabling an editor or resetting their password
 * on one node ends their sessions on the other, and the limit on sessions counts those of
 * both nodes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorSessionsAcrossNodesTests {

    private static final String ADMIN_PASSWORD = "test-editor-password";

    private static final String PASSWORD = "a long shared-sessions password";

    private TestNodes nodes;

    private ConfigurableApplicationContext nodeA;

    private ConfigurableApplicationContext nodeB;

    @BeforeAll
    void startTwoNodesOnOneDatabase() throws IOException {
        this.nodes = new TestNodes(database(), "--gazette.editor.max-sessions=2");
        this.nodeA = this.nodes.start();
        this.nodeB = this.nodes.start();
    }

    @AfterAll
    void stopNodes() throws IOException {
        if (this.nodes != null) {
            this.nodes.close();
        }
        stopDatabase();
    }

    /** The settings that point both nodes at the same database: an in-memory H2 kept open. */
    Map<String, String> database() throws IOException {
        return Map.of("spring.datasource.url", "jdbc:h2:mem:nodes-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    /** Stops the database, once both nodes have stopped. */
    void stopDatabase() throws IOException {
    }

    @Test
    void signedInOnOneNodeIsSignedInOnTheOther() throws Exception {
        CookieBrowser onA = browser(this.nodeA);
        CookieBrowser onB = onA.onPort(TestNodes.port(this.nodeB));

        assertThat(onA.signIn("editor", ADMIN_PASSWORD).statusCode()).isEqualTo(302);

        HttpResponse<String> settings = onB.get("/moderation/settings");
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(onB.signOut(settings.body()).statusCode()).isEqualTo(302);
        assertThat(onA.get("/moderation/settings").statusCode()).isEqualTo(302);
    }

    @Test
    void disablingAnEditorOnOneNodeEndsTheirSessionOnTheOther() throws Exception {
        String username = newEditor("disabled");
        CookieBrowser editorOnB = browser(this.nodeB);
        assertThat(editorOnB.signIn(username, PASSWORD).statusCode()).isEqualTo(302);
        assertThat(editorOnB.get("/moderation/settings").statusCode()).isEqualTo(200);

        assertThat(adminAction(username, "disable").statusCode()).isEqualTo(303);

        assertSentToSignIn(editorOnB.get("/moderation/settings"));
        assertSentToSignIn(editorOnB.onPort(TestNodes.port(this.nodeA)).get("/moderation/settings"));
    }

    @Test
    void resettingAPasswordOnOneNodeEndsTheEditorsSessionOnTheOther() throws Exception {
        String username = newEditor("reset");
        CookieBrowser editorOnB = browser(this.nodeB);
        assertThat(editorOnB.signIn(username, PASSWORD).statusCode()).isEqualTo(302);
        assertThat(editorOnB.get("/moderation/settings").statusCode()).isEqualTo(200);

        assertThat(adminAction(username, "reset-password").statusCode()).isEqualTo(303);

        assertSentToSignIn(editorOnB.get("/moderation/settings"));
    }

    @Test
    void theLimitOnSessionsCountsTheSessionsOfEveryNode() throws Exception {
        // gazette.editor.max-sessions is 2 on both nodes
        String username = newEditor("many");
        CookieBrowser first = browser(this.nodeA);
        CookieBrowser second = browser(this.nodeB);
        CookieBrowser third = browser(this.nodeA);
        assertThat(first.signIn(username, PASSWORD).statusCode()).isEqualTo(302);
        assertThat(second.signIn(username, PASSWORD).statusCode()).isEqualTo(302);
        assertThat(first.onPort(TestNodes.port(this.nodeB)).get("/moderation/settings").statusCode()).isEqualTo(200);
        assertThat(third.signIn(username, PASSWORD).statusCode()).isEqualTo(302);

        HttpResponse<String> ended = second.onPort(TestNodes.port(this.nodeA)).get("/moderation/settings");
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/login?expired"));
        assertThat(first.get("/moderation/settings").statusCode()).isEqualTo(200);
        assertThat(third.onPort(TestNodes.port(this.nodeB)).get("/moderation/settings").statusCode()).isEqualTo(200);
    }

    @Test
    void desksActionsSentAtOnceThroughBothNodesInOneSessionAllSucceed() throws Exception {
        ExecutorService clicks = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                CookieBrowser onA = browser(this.nodeA);
                CookieBrowser onB = onA.onPort(TestNodes.port(this.nodeB));
                assertThat(onA.signIn("editor", ADMIN_PASSWORD).statusCode()).isEqualTo(302);
                HttpResponse<String> desk = onA.get("/moderation");
                assertThat(desk.statusCode()).isEqualTo(200);
                Map<String, String> form = Map.of("action", "spam", "status", "pending", "_csrf",
                        CookieBrowser.csrfToken(desk.body()));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    CookieBrowser node = (i % 2 == 0) ? onA : onB;
                    answers.add(clicks.submit(() -> {
                        start.await();
                        return node.post("/moderation/comments/bulk", form).statusCode();
                    }));
                }
                start.countDown();
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(303);
                }
            }
        }
        finally {
            clicks.shutdownNow();
        }
    }

    @Test
    void anonymousVisitsOfEitherNodeStoreNoSession() throws Exception {
        int before = storedSessions();
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { this.nodeA, this.nodeB }) {
            CookieBrowser anonymous = browser(node);
            assertThat(anonymous.get("/").statusCode()).isEqualTo(200);
            assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
            assertThat(anonymous.get("/moderation").statusCode()).isEqualTo(302);
            assertThat(anonymous.signIn("editor", "not-the-password").statusCode()).isEqualTo(302);
            assertThat(anonymous.sessionId()).isNull();
        }

        assertThat(storedSessions()).isEqualTo(before);
    }

    /** The built-in admin, signed in on node A, disables or resets the account through its page. */
    private HttpResponse<String> adminAction(String username, String action) throws Exception {
        long id = this.nodeA.getBean(EditorAccountRepository.class).findByUsername(username).orElseThrow().getId();
        CookieBrowser admin = browser(this.nodeA);
        assertThat(admin.signIn("editor", ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> accounts = admin.get("/moderation/accounts");
        assertThat(accounts.statusCode()).isEqualTo(200);
        return admin.post("/moderation/accounts/" + id + "/" + action,
                Map.of("_csrf", CookieBrowser.csrfToken(accounts.body())));
    }

    private static void assertSentToSignIn(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                (location) -> assertThat(location).contains("/login"));
    }

    private String newEditor(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.nodeA.getBean(EditorAccountService.class).create(username, "Editor " + username, EditorRole.EDITOR, PASSWORD);
        return username;
    }

    private int storedSessions() {
        Integer count = this.nodeA.getBean(JdbcTemplate.class).queryForObject("select count(*) from spring_session",
                Integer.class);
        return (count != null) ? count : 0;
    }

    private static CookieBrowser browser(ConfigurableApplicationContext node) {
        return new CookieBrowser(TestNodes.port(node));
    }

}
