package org.gazette.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gazette.TestDatabases;
import org.gazette.TestNodes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of one site on one database, each with its own server, and readers whose
 * posts a proxy sends to either (their address in {@code X-Forwarded-For}): a client that
 * alternates between the nodes gets one node's posting allowance, not one per node, and
 * flood control lets through one of two posts sent at the same instant, one to each
 * node. Runs on the test run's database (H2 or PostgreSQL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostingLimitsAcrossNodesTests {

    private static final String ARTICLE = "/articles/as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    private final HttpClient http = HttpClient.newHttpClient();

    private TestNodes nodes;

    private ConfigurableApplicationContext nodeA;

    private ConfigurableApplicationContext nodeB;

    @BeforeAll
    void startTwoNodesOnOneDatabase() {
        this.nodes = new TestNodes(TestDatabases.freshDatabase(), "--gazette.security.trusted-proxies=127.0.0.1",
                "--gazette.comments.flood-interval=15s", "--gazette.comments.rate-limit.enabled=true",
                "--gazette.comments.rate-limit.capacity=3", "--gazette.comments.rate-limit.period=10m");
        this.nodeA = this.nodes.start();
        this.nodeB = this.nodes.start();
    }

    @AfterAll
    void stopNodes() {
        this.nodes.close();
    }

    @Test
    void aClientAlternatingBetweenNodesGetsOneNodesAllowance() throws Exception {
        String client = "198.51.100.71";
        List<HttpResponse<String>> allowed = List.of(post(this.nodeA, client, "Reader 1"),
                post(this.nodeB, client, "Reader 2"), post(this.nodeA, client, "Reader 3"));
        assertThat(allowed.get(0).statusCode()).isEqualTo(303);
        for (HttpResponse<String> tooSoon : allowed.subList(1, 3)) {
            assertThat(tooSoon.statusCode()).as("flood control, past the rate limit").isEqualTo(429);
            assertThat(Jsoup.parse(tooSoon.body()).getElementById("commentform")).isNotNull();
        }

        for (ConfigurableApplicationContext node : List.of(this.nodeB, this.nodeA, this.nodeB)) {
            HttpResponse<String> limited = post(node, client, "Reader over the limit");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(limited.headers().firstValue(HttpHeaders.RETRY_AFTER).orElseThrow()))
                .isPositive();
            Document page = Jsoup.parse(limited.body());
            assertThat(page.select("h1").text()).isEqualTo("Too many requests");
            assertThat(page.getElementById("commentform")).isNull();
        }
        assertThat(post(this.nodeB, "198.51.100.72", "Someone Else").statusCode()).isEqualTo(303);
    }

    @Test
    void floodControlLetsOneOfTwoPostsSentAtOnceToBothNodesThrough() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= 5; round++) {
                String client = "198.51.100." + (80 + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (ConfigurableApplicationContext node : List.of(this.nodeA, this.nodeB)) {
                    String name = "Reader " + round + ((node == this.nodeA) ? " on A" : " on B");
                    answers.add(threads.submit(() -> {
                        start.await();
                        return post(node, client, name).statusCode();
                    }));
                }
                start.countDown();

                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get(1, TimeUnit.MINUTES));
                }
                assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(303, 429);
                assertThat(this.nodeA.getBean(JdbcTemplate.class)
                    .queryForObject("select count(*) from comment where client_address = ?", Integer.class, client))
                    .as("round %d", round)
                    .isOne();
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

    /** A comment posted to the node as a proxy forwards it from the client. */
    private HttpResponse<String> post(ConfigurableApplicationContext node, String client, String name)
            throws IOException, InterruptedException {
        int port = TestNodes.port(node);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ARTICLE + "/comments"))
            .header(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", client)
            .POST(HttpRequest.BodyPublishers.ofString(CommentForm.by(name).encoded()))
            .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
