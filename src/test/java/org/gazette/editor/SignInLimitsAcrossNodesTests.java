package org.gazette.editor;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.gazette.TestDatabases;
import org.gazette.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of one site on one database, and guessers whose sign-ins a proxy sends to
 * either (their address in {@code X-Forwarded-For}): the sign-in limits count the
 * failures of both nodes, so a guesser alternating between them is throttled after as
 * many guesses as on one node, and an account's budget for strangers is spent by
 * failures on any node. Runs on the test run's database (H2 or PostgreSQL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInLimitsAcrossNodesTests {

    private static final String PASSWORD = "a long password for two nodes";

    private TestNodes nodes;

    private ConfigurableApplicationContext nodeA;

    private ConfigurableApplicationContext nodeB;

    @BeforeAll
    void startTwoNodesOnOneDatabase() {
        this.nodes = new TestNodes(TestDatabases.freshDatabase(), "--gazette.security.trusted-proxies=127.0.0.1");
        this.nodeA = this.nodes.start();
        this.nodeB = this.nodes.start();
    }

    @AfterAll
    void stopNodes() {
        this.nodes.close();
    }

    @Test
    void aGuesserAlternatingBetweenNodesIsThrottledAfterOneNodesAllowance() throws Exception {
        // gazette.editor.sign-in.max-failures is 5
        String username = newEditor("alternated");
        CookieBrowser onA = new CookieBrowser(TestNodes.port(this.nodeA)).forwardedFor("198.51.100.91");
        CookieBrowser onB = onA.onPort(TestNodes.port(this.nodeB));
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> guess = ((i % 2 == 0) ? onA : onB).signIn(username, "wrong guess " + i);
            assertThat(guess.statusCode()).as("guess %d", i).isEqualTo(302);
            assertThat(guess.headers().firstValue(HttpHeaders.LOCATION)).hasValueSatisfying(
                    (location) -> assertThat(location).endsWith("/login?error"));
        }

        for (CookieBrowser node : List.of(onB, onA)) {
            HttpResponse<String> throttled = node.signIn(username, PASSWORD);
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(throttled.headers().firstValue(HttpHeaders.RETRY_AFTER).orElseThrow()))
                .isPositive();
        }
    }

    @Test
    void anAccountsBudgetForStrangersCountsTheFailuresOfEveryNode() throws Exception {
        // gazette.editor.sign-in.max-failures-per-account is 10
        String username = newEditor("targeted");
        CookieBrowser own = new CookieBrowser(TestNodes.port(this.nodeA)).forwardedFor("192.0.2.10");
        assertThat(own.signIn(username, PASSWORD).headers().firstValue(HttpHeaders.LOCATION)).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/moderation"));
        assertThat(own.signOut(own.get("/moderation").body()).statusCode()).isEqualTo(302);

        for (int i = 0; i < 10; i++) {
            ConfigurableApplicationContext node = (i % 2 == 0) ? this.nodeA : this.nodeB;
            CookieBrowser stranger = new CookieBrowser(TestNodes.port(node)).forwardedFor("203.0.113." + (10 + i));
            assertThat(stranger.signIn(username, "wrong guess " + i).statusCode()).as("guess %d", i).isEqualTo(302);
        }

        HttpResponse<String> stranger = new CookieBrowser(TestNodes.port(this.nodeB)).forwardedFor("203.0.113.99")
            .signIn(username, PASSWORD);
        assertThat(stranger.headers().firstValue(HttpHeaders.LOCATION)).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/login?error"));
        HttpResponse<String> ownAgain = own.onPort(TestNodes.port(this.nodeB)).signIn(username, PASSWORD);
        assertThat(ownAgain.headers().firstValue(HttpHeaders.LOCATION)).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/moderation"));
    }

    private String newEditor(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.nodeA.getBean(EditorAccountService.class).create(username, "Editor " + username, EditorRole.EDITOR, PASSWORD);
        return username;
    }

}
