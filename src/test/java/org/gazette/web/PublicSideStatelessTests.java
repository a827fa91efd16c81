package org.gazette.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.gazette.Change;
import org.gazette.SharedChanges;
import org.gazette.article.Article;
import org.gazette.comment.Comment;
import org.gazette.comment.CommentFixtures;
import org.gazette.comment.CommentSettingsService;
import org.gazette.comment.CommentStatus;
import org.gazette.comment.ModerationMode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public side over real HTTP, as a browser, a proxy or a CDN sees it: reading makes
 * no session and every anonymous reader gets the same bytes; only a page carrying
 * something personal is private; a forged cross-site post is refused and stores nothing.
 */
@ReaderSideTest
class PublicSideStatelessTests {

    private static final String SEED = "/articles/as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    private int port;

    @Autowired
    private TestArticles articles;

    @Autowired
    private CommentFixtures fixtures;

    @Autowired
    private CommentSettingsService settings;

    @Autowired
    private SharedChanges changes;

    private Article article;

    @BeforeEach
    void publishArticle() {
        this.article = this.articles.create("Port strike enters second week");
    }

    @AfterEach
    void restoreRules() {
        this.settings.update(ModerationMode.FIRST_TIME, 2, 0, "", "");
    }

    @Test
    void readingSetsNoCookieAndIsPubliclyCacheable() throws Exception {
        Comment comment = this.fixtures.approved(this.article, null, "Ann Lee", "A comment",
                Instant.parse("2022-01-12T20:04:00Z"));
        for (String path : List.of(SEED, "/", path(), path() + "?replyto=" + comment.getId(), path() + "?page=1",
                "/articles/no-such-article", SEED + "?page=99")) {
            HttpResponse<String> response = get(path);
            assertThat(response.headers().allValues(HttpHeaders.SET_COOKIE)).as(path).isEmpty();
            assertThat(response.body()).as(path).doesNotContain("JSESSIONID").doesNotContain("_csrf");
        }
        assertThat(get(SEED).headers().firstValue(HttpHeaders.CACHE_CONTROL).orElseThrow()).startsWith("public");
        assertThat(get("/").headers().firstValue(HttpHeaders.CACHE_CONTROL).orElseThrow()).startsWith("public");
    }

    @Test
    void everyAnonymousReaderGetsTheSameBytes() throws Exception {
        HttpResponse<byte[]> first = getBytes(SEED, "identity");
        this.changes.publish(Change.everything());
        HttpResponse<byte[]> second = getBytes(SEED, "identity");
        this.changes.publish(Change.everything());
        HttpResponse<byte[]> gzipped = getBytes(SEED, "gzip");
        this.changes.publish(Change.everything());
        HttpResponse<byte[]> gzippedAgain = getBytes(SEED, "gzip");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(gzipped.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).hasValue("gzip");
        assertThat(gzippedAgain.body()).isEqualTo(gzipped.body());
    }

    @Test
    void readersWithRememberedDetailsOrOtherLanguagesGetTheSameBytes() throws Exception {
        String anonymous = get(SEED).body();
        this.changes.publish(Change.everything());
        HttpResponse<String> personalised = this.http.send(HttpRequest.newBuilder(uri(SEED))
            .header(HttpHeaders.COOKIE, "gazette_commenter=QW5uCmFubkBleGFtcGxlLmNvbQo")
            .header(HttpHeaders.ACCEPT_LANGUAGE, "fr-CA,fr;q=0.8")
            .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(personalised.body()).isEqualTo(anonymous);
        assertThat(personalised.body()).doesNotContain("ann@example.com");
    }

    @Test
    void authorsOwnHeldCommentIsPrivateAndOthersGetThePublicPage() throws Exception {
        HttpResponse<String> posted = post(CommentForm.by("Ann Lee").encoded(),
                HttpRequest.newBuilder().header(HttpHeaders.ORIGIN, "http://localhost:" + this.port));
        String location = posted.headers().firstValue(HttpHeaders.LOCATION).orElseThrow();

        assertThat(posted.statusCode()).isEqualTo(HttpStatus.SEE_OTHER.value());
        assertThat(location).startsWith(path() + "?held=");
        HttpResponse<String> asAuthor = get(location.substring(0, location.indexOf('#')));
        HttpResponse<String> asAnyone = get(path());

        assertThat(asAuthor.headers().firstValue(HttpHeaders.CACHE_CONTROL)).hasValue("private, no-store");
        assertThat(asAuthor.headers().firstValue(HttpHeaders.ETAG)).isEmpty();
        assertThat(Jsoup.parse(asAuthor.body()).select(".comment-awaiting-note").text())
            .isEqualTo("Your comment is awaiting moderation.");
        assertThat(asAnyone.headers().firstValue(HttpHeaders.CACHE_CONTROL).orElseThrow()).startsWith("public");
        assertThat(asAnyone.body()).doesNotContain("awaiting moderation").doesNotContain("A thoughtful comment");
        assertThat(asAuthor.headers().allValues(HttpHeaders.SET_COOKIE)).isEmpty();
    }

    @Test
    void forgedCrossSitePostIsForbiddenAndStoresNothing() throws Exception {
        HttpResponse<String> fromEvil = post(CommentForm.by("Ann Lee").encoded(),
                HttpRequest.newBuilder().header(HttpHeaders.ORIGIN, "https://evil.example"));
        HttpResponse<String> crossSite = post(CommentForm.by("Bo Chen").encoded(), HttpRequest.newBuilder()
            .header("Sec-Fetch-Site", "cross-site")
            .header(HttpHeaders.ORIGIN, "http://localhost:" + this.port));
        HttpResponse<String> sandboxed = post(CommentForm.by("Cy Diaz").encoded(),
                HttpRequest.newBuilder().header(HttpHeaders.ORIGIN, "null"));

        for (HttpResponse<String> refused : List.of(fromEvil, crossSite, sandboxed)) {
            assertThat(refused.statusCode()).isEqualTo(HttpStatus.FORBIDDEN.value());
            assertThat(Jsoup.parse(refused.body()).select("h1").text()).isEqualTo("Not allowed");
            assertThat(refused.headers().allValues(HttpHeaders.SET_COOKIE)).isEmpty();
        }
        assertThat(this.fixtures.storedOn(this.article)).isEmpty();
    }

    @Test
    void postingMakesNoSession() throws Exception {
        HttpResponse<String> unticked = post(CommentForm.by("Ann Lee").encoded(),
                HttpRequest.newBuilder().header(HttpHeaders.ORIGIN, "http://localhost:" + this.port));
        HttpResponse<String> ticked = post(CommentForm.by("Bo Chen").with("remember", "true").encoded(),
                HttpRequest.newBuilder().header("Sec-Fetch-Site", "same-origin"));
        HttpResponse<String> refused = post(CommentForm.by("Cy Diaz").with("email", "").encoded(),
                HttpRequest.newBuilder());

        assertThat(unticked.statusCode()).isEqualTo(HttpStatus.SEE_OTHER.value());
        assertThat(ticked.statusCode()).isEqualTo(HttpStatus.SEE_OTHER.value());
        assertThat(refused.statusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.value());
        assertThat(unticked.headers().allValues(HttpHeaders.SET_COOKIE)).singleElement()
            .satisfies((cookie) -> assertThat(cookie).startsWith("gazette_commenter=;"));
        assertThat(ticked.headers().allValues(HttpHeaders.SET_COOKIE)).singleElement()
            .satisfies((cookie) -> assertThat(cookie).startsWith("gazette_commenter=").contains("Max-Age=31536000"));
        assertThat(refused.headers().allValues(HttpHeaders.SET_COOKIE)).isEmpty();
        assertThat(refused.headers().firstValue(HttpHeaders.CACHE_CONTROL)).hasValue("private, no-store");
        assertThat(Jsoup.parse(refused.body()).select("input[name=_csrf]")).isEmpty();
        assertThat(this.fixtures.storedOn(this.article)).extracting(Comment::getStatus)
            .containsOnly(CommentStatus.PENDING)
            .hasSize(2);
    }

    @Test
    void tenThousandEmojiFitUnderTheSizeCap() throws Exception {
        this.settings.update(ModerationMode.NONE, 2, 0, "", "");
        String body = CommentForm.by("Ann Lee").with("comment", "\uD83D\uDE00".repeat(10_000)).encoded();

        HttpResponse<String> posted = post(body, HttpRequest.newBuilder());

        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(100_000);
        assertThat(posted.statusCode()).isEqualTo(HttpStatus.SEE_OTHER.value());
        assertThat(this.fixtures.storedOn(this.article)).singleElement()
            .satisfies((comment) -> assertThat(comment.getBody().codePointCount(0, comment.getBody().length()))
                .isEqualTo(10_000));
    }

    @Test
    void bodyOverTheSizeCapIsRefusedWithAStyledPage() throws Exception {
        String body = CommentForm.by("Ann Lee").with("comment", "x".repeat(300 * 1024)).encoded();

        HttpResponse<String> refused = post(body, HttpRequest.newBuilder());

        assertThat(refused.statusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE.value());
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("h1").text()).isEqualTo("Too large");
        assertThat(this.fixtures.storedOn(this.article)).isEmpty();
    }

    @Test
    void unknownArticleAnswersAStyledNotFoundPageToAPost() throws Exception {
        HttpResponse<String> refused = this.http.send(HttpRequest.newBuilder(uri("/articles/no-such-article/comments"))
            .header(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(CommentForm.by("Ann Lee").encoded()))
            .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(HttpStatus.NOT_FOUND.value());
        Element heading = Jsoup.parse(refused.body()).selectFirst("h1");
        assertThat(heading.text()).isEqualTo("Page not found");
    }

    private String path() {
        return "/articles/" + this.article.getSlug();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String path, String encoding) throws Exception {
        return this.http.send(HttpRequest.newBuilder(uri(path)).header(HttpHeaders.ACCEPT_ENCODING, encoding).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> post(String body, HttpRequest.Builder request) throws Exception {
        return this.http.send(request.uri(uri(path() + "/comments"))
            .header(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

}
