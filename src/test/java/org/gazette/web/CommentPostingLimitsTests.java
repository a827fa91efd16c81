package org.gazette.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gazette.article.Article;
import org.gazette.comment.CommentFixtures;
import org.gazette.comment.CommentSettingsService;
import org.gazette.comment.ModerationMode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits on posting, switched on: flood control (one comment per 15 seconds from a
 * client address) and the abuse rate limit (3 posts per client, refilled over
 * 10 minutes). Each test posts from addresses of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "gazette.comments.flood-interval=15s", "gazette.comments.rate-limit.enabled=true",
                "gazette.comments.rate-limit.capacity=3", "gazette.comments.rate-limit.period=10m" })
@AutoConfigureMockMvc
@Import(ReaderSideTestConfiguration.class)
class CommentPostingLimitsTests {

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private TestArticles articles;

    @Autowired
    private CommentFixtures fixtures;

    @Autowired
    private CommentSettingsService settings;

    @Autowired
    private MutableClock clock;

    @LocalServerPort
    private int port;

    private Article article;

    @BeforeEach
    void publishArticle() {
        this.settings.update(ModerationMode.NONE, 2, 0, "", "");
        this.article = this.articles.create("Wildfire season starts early");
    }

    @AfterEach
    void restoreClock() {
        this.clock.reset();
    }

    @Test
    void secondCommentWithinTheFloodIntervalIsRefusedWithRetryAfterAndTheTextKept() throws Exception {
        CommentForm ann = CommentForm.by("Ann Lee");
        assertThat(post(ann, "198.51.100.1")).hasStatus(HttpStatus.SEE_OTHER);
        CommentForm second = ann.with("comment", "One more thing:\r\nI forgot this.");

        MvcTestResult tooSoon = post(second, "198.51.100.1");

        assertThat(tooSoon).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        long retryAfter = Long.parseLong(tooSoon.getResponse().getHeader(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 15L);
        Document page = Jsoup.parse(tooSoon.getResponse().getContentAsString());
        assertThat(page.select(".error-summary").text()).contains("You are posting comments too quickly. Please wait "
                + retryAfter + " seconds and post again; your comment is kept below.");
        assertThat(page.getElementById("comment").wholeText()).isEqualTo("One more thing:\nI forgot this.");
        assertThat(page.getElementById("author").val()).isEqualTo("Ann Lee");
        assertThat(page.getElementById("email").val()).isEqualTo(ann.get("email"));
        assertThat(this.fixtures.storedOn(this.article)).hasSize(1);

        this.clock.advance(Duration.ofSeconds(15));
        assertThat(post(second, "198.51.100.1")).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(this.fixtures.storedOn(this.article)).hasSize(2);
    }

    @Test
    void postsSentAtTheSameInstantFromOneClientPassFloodControlOnce() throws Exception {
        int posts = 3;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(posts);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 1; i <= posts; i++) {
                CommentForm form = CommentForm.by("Reader " + i);
                statuses.add(threads.submit(() -> {
                    start.await();
                    return post(form, "198.51.100.30").getResponse().getStatus();
                }));
            }
            start.countDown();

            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get(1, TimeUnit.MINUTES));
            }
            assertThat(answers).containsExactlyInAnyOrder(HttpStatus.SEE_OTHER.value(),
                    HttpStatus.TOO_MANY_REQUESTS.value(), HttpStatus.TOO_MANY_REQUESTS.value());
            assertThat(this.fixtures.storedOn(this.article)).hasSize(1);
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Test
    void floodControlFollowsTheAddressAcrossNames() throws Exception {
        post(CommentForm.by("Ann Lee"), "198.51.100.4");

        MvcTestResult sameClient = post(CommentForm.by("Bo Chen"), "198.51.100.4");
        MvcTestResult otherClient = post(CommentForm.by("Cy Diaz"), "198.51.100.5");

        assertThat(sameClient).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(otherClient).hasStatus(HttpStatus.SEE_OTHER);
    }

    @Test
    void clientOverTheRateLimitGetsAShortPageWithRetryAfter() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> accepted = http.send(postRequest(CommentForm.by("Reader " + i).encoded()),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).isEqualTo(HttpStatus.SEE_OTHER.value());
            this.clock.advance(Duration.ofSeconds(16));
        }

        HttpResponse<String> limited = http.send(postRequest(CommentForm.by("Reader 4").encoded()),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> limitedInvalid = http.send(postRequest("comment=&author=&email="),
                HttpResponse.BodyHandlers.ofString());

        assertThat(limited.statusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS.value());
        assertThat(Long.parseLong(limited.headers().firstValue(HttpHeaders.RETRY_AFTER).orElseThrow())).isPositive();
        Document page = Jsoup.parse(limited.body());
        assertThat(page.select("h1").text()).isEqualTo("Too many requests");
        assertThat(page.getElementById("commentform")).isNull();
        assertThat(limitedInvalid.statusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS.value());
        assertThat(this.fixtures.storedOn(this.article)).hasSize(3);
        assertThat(post(CommentForm.by("Someone Else"), "198.51.100.6")).hasStatus(HttpStatus.SEE_OTHER);
    }

    @Test
    void floodControlTakesAnIpv6Slash64ForOneClient() throws Exception {
        assertThat(post(CommentForm.by("Ann Lee"), "2001:db8:1:2::1")).hasStatus(HttpStatus.SEE_OTHER);

        MvcTestResult sameNetwork = post(CommentForm.by("Bo Chen"), "2001:db8:1:2::2");
        MvcTestResult longForm = post(CommentForm.by("Bo Chen"), "2001:DB8:1:2:0:0:0:3");
        MvcTestResult otherNetwork = post(CommentForm.by("Cy Diaz"), "2001:db8:1:3::1");

        assertThat(sameNetwork).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(longForm).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(otherNetwork).hasStatus(HttpStatus.SEE_OTHER);
    }

    @Test
    void rateLimitTakesAnIpv6Slash64ForOneClient() throws Exception {
        for (int i = 1; i <= 3; i++) {
            assertThat(post(CommentForm.by("Reader " + i), "2001:db8:5:6::" + i)).hasStatus(HttpStatus.SEE_OTHER);
            this.clock.advance(Duration.ofSeconds(16));
        }

        MvcTestResult sameNetwork = post(CommentForm.by("Reader 4"), "2001:db8:5:6:ffff:ffff:ffff:ffff");
        MvcTestResult otherNetwork = post(CommentForm.by("Reader 5"), "2001:db8:5:7::1");

        assertThat(sameNetwork).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(sameNetwork.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(sameNetwork.getResponse().getContentAsString()).doesNotContain("commentform");
        assertThat(otherNetwork).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(this.fixtures.storedOn(this.article)).hasSize(4);
    }

    private MvcTestResult post(CommentForm form, String clientAddress) {
        return form.postTo(this.mvc, this.article).with((request) -> {
            request.setRemoteAddr(clientAddress);
            return request;
        }).exchange();
    }

    private HttpRequest postRequest(String body) {
        String path = "/articles/" + this.article.getSlug() + "/comments";
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .header(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    }

}
