package org.gazette.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.gazette.article.Article;
import org.gazette.hardening.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An article that does not exist is 404 whatever is asked of it — every method, every
 * conditional header, every page — and asking for it leaves nothing behind in memory;
 * nor does a path that matches nothing fill the log.
 */
@ReaderSideTest
@ExtendWith(OutputCaptureExtension.class)
class UnknownArticleTests {

    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    /** Conditional headers a client may send; {@code GUESS} stands for a tag guessed from a real article's. */
    static final List<String> CONDITIONS = List.of("", "If-None-Match: *", "If-None-Match: GUESS",
            "If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT", "If-Match: *", "If-Match: GUESS",
            "If-Unmodified-Since: Fri, 01 Jan 2100 00:00:00 GMT");

    @Autowired
    private TestArticles articles;

    @Autowired
    private PageVersions versions;

    @LocalServerPort
    private int port;

    private RawHttp http;

    @BeforeEach
    void connect() {
        this.http = new RawHttp(this.port);
    }

    static Stream<Arguments> requests() {
        List<Arguments> requests = new ArrayList<>();
        for (String method : METHODS) {
            for (String condition : CONDITIONS) {
                for (String query : List.of("", "?page=1", "?page=2")) {
                    requests.add(Arguments.of(method, condition, query));
                }
            }
        }
        return requests.stream();
    }

    @ParameterizedTest(name = "{0} {2} [{1}]")
    @MethodSource("requests")
    void unknownArticleIsNotFound(String method, String condition, String query) throws Exception {
        Article known = this.articles.create("A real article");
        String knownTag = this.http.get("/articles/" + known.getSlug()).header("ETag").orElseThrow();
        String slug = "no-such-article-" + UUID.randomUUID();
        String page = query.isEmpty() ? "1" : query.substring("?page=".length());
        String guess = knownTag.replace(known.getSlug(), slug).replace(".p1\"", ".p" + page + "\"");
        List<String> headers = condition.isEmpty() ? List.of() : List.of(condition.replace("GUESS", guess));

        RawHttp.Response response = this.http.send(method, "/articles/" + slug + query, headers, null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("ETag")).isEmpty();
    }

    @Test
    void unknownArticlesLeaveNoVersionBehind() throws Exception {
        this.http.get("/articles/" + this.articles.create("Known before").getSlug());
        long before = this.versions.knownArticles();

        for (int i = 0; i < 300; i++) {
            String target = "/articles/no-such-article-" + i + "-" + UUID.randomUUID() + ((i % 2 == 0) ? "" : "?page=3");
            assertThat(this.http.send((i % 3 == 0) ? "HEAD" : "GET", target, List.of("If-None-Match: *"), null)
                .status()).isEqualTo(404);
        }

        assertThat(this.versions.knownArticles()).isLessThanOrEqualTo(before);
    }

    @Test
    void pathsThatMatchNothingWriteNothingToTheLog(CapturedOutput output) throws Exception {
        int before = output.getAll().length();

        for (String path : List.of("/wp-login.php", "/articles/x/Comments", "/Moderation", "/articles/x/comments/",
                "/.env")) {
            assertThat(this.http.send("POST", path, List.of(), "").status()).isEqualTo(404);
            assertThat(this.http.get(path).status()).isEqualTo(404);
        }

        assertThat(output.getAll().substring(before)).doesNotContain("No mapping", "No endpoint");
    }

    @Test
    void randomQueryStringsLeaveNoVersionBehind() throws Exception {
        String article = "/articles/" + this.articles.create("Known article").getSlug();
        this.http.get(article);
        long before = this.versions.knownArticles();

        for (int i = 0; i < 100; i++) {
            String query = "?" + UUID.randomUUID() + "=" + i;
            assertThat(this.http.get("/" + query).status()).isEqualTo(200);
            assertThat(this.http.get(article + query).status()).isEqualTo(200);
        }

        assertThat(this.versions.knownArticles()).isEqualTo(before);
    }

}
