package org.gazette.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManagerFactory;
import org.gazette.Change;
import org.gazette.article.Article;
import org.gazette.comment.CommentFixtures;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers who ask for a page at the moment it changed (a news site just after a comment)
 * share one rendering of it over real HTTP: sixteen at once cost the database what one
 * reader does, and every one of them gets the same bytes and entity tag.
 */
@ReaderSideTest
class SharedRenderingTests {

    private static final int READERS = 16;

    private final HttpClient http = HttpClient.newHttpClient();

    private final ExecutorService threads = Executors.newFixedThreadPool(READERS);

    @Autowired
    private TestArticles articles;

    @Autowired
    private CommentFixtures comments;

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    @Autowired
    private ApplicationEventPublisher events;

    @LocalServerPort
    private int port;

    private Statistics statistics;

    private String path;

    @BeforeEach
    void articleWithComments() {
        Article article = this.articles.create("Rendered once for everyone");
        Instant at = Instant.now().minusSeconds(600);
        for (int i = 0; i < 3; i++) {
            this.comments.approved(article, null, "Reader " + i, "Comment number " + i + " on the story.",
                    at.plusSeconds(i));
        }
        this.path = "/articles/" + article.getSlug();
        this.statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        this.statistics.setStatisticsEnabled(true);
    }

    @AfterEach
    void stop() {
        this.threads.shutdownNow();
        this.statistics.setStatisticsEnabled(false);
        this.statistics.clear();
    }

    @Test
    void readersAskingForAChangedPageAtOnceShareOneRendering() throws Exception {
        long oneReader = statementsOfAFreshRendering(1).statements();

        Rendering crowd = statementsOfAFreshRendering(READERS);

        assertThat(oneReader).isPositive();
        assertThat(crowd.statements()).as("statements for %d readers at once", READERS).isEqualTo(oneReader);
        assertThat(crowd.answers()).hasSize(READERS).allSatisfy((answer) -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(crowd.answers().get(0).body()).contains("Comment number 2");
            assertThat(answer.headers().firstValue("ETag"))
                .isEqualTo(crowd.answers().get(0).headers().firstValue("ETag"));
        });
    }

    /**
     * Drops every kept page (as after a missed change), reads the page's validators with a
     * HEAD, then has this many readers ask for it at the same moment.
     */
    private Rendering statementsOfAFreshRendering(int readers) throws Exception {
        this.events.publishEvent(Change.everything());
        assertThat(send("HEAD").statusCode()).isEqualTo(200);
        this.statistics.clear();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> asked = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            asked.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return send("GET");
                }
                catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }, this.threads));
        }
        start.countDown();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : asked) {
            answers.add(answer.get(30, TimeUnit.SECONDS));
        }
        return new Rendering(this.statistics.getPrepareStatementCount(), answers);
    }

    private HttpResponse<String> send(String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + this.path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private record Rendering(long statements, List<HttpResponse<String>> answers) {

    }

}
