package org.gazette.moderation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.catalina.connector.Connector;
import org.gazette.comment.CommentService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page cache and the ETags never serve a stale page: after every editor action
 * the very next anonymous request, plain or conditional, shows the change; a page only
 * one reader may see is never stored or served to another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageCacheTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private ModerationService moderation;

    @Autowired
    private ServletWebServerApplicationContext context;

    private DeskFixtures fixtures;

    @BeforeEach
    void cleanSlate(@Autowired CommentService comments, @Autowired JdbcTemplate jdbc,
            @Autowired ApplicationEventPublisher events) {
        this.fixtures = new DeskFixtures(comments, this.moderation, jdbc, events);
        this.fixtures.clean();
    }

    @Test
    void everyModerationMoveShowsOnTheVeryNextRequest() throws Exception {
        long id = this.fixtures.held("Ann", "ann@example.com", "Cache me if you can");
        HttpResponse<String> before = get(DeskFixtures.ARTICLE, null);
        assertThat(before.body()).doesNotContain("Cache me if you can");
        String etag = before.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("W/\"");
        assertThat(get(DeskFixtures.ARTICLE, etag).statusCode()).isEqualTo(304);

        this.fixtures.act(DeskAction.APPROVE, id);
        HttpResponse<String> approved = get(DeskFixtures.ARTICLE, etag);
        assertThat(approved.statusCode()).as("conditional request after a change").isEqualTo(200);
        assertThat(approved.body()).contains("Cache me if you can").contains("1 comment");

        this.fixtures.act(DeskAction.UNAPPROVE, id);
        assertThat(get(DeskFixtures.ARTICLE, null).body()).doesNotContain("Cache me if you can");

        this.fixtures.act(DeskAction.APPROVE, id);
        assertThat(get(DeskFixtures.ARTICLE, null).body()).contains("Cache me if you can");

        this.moderation.edit("editor", this.fixtures.ref(id), "Edited by the desk");
        assertThat(get(DeskFixtures.ARTICLE, null).body()).contains("Edited by the desk")
            .doesNotContain("Cache me if you can");

        this.fixtures.act(DeskAction.TRASH, id);
        HttpResponse<String> trashed = get(DeskFixtures.ARTICLE, null);
        assertThat(trashed.body()).doesNotContain("Edited by the desk").contains("0 comments");

        this.fixtures.act(DeskAction.RESTORE, id);
        assertThat(get(DeskFixtures.ARTICLE, null).body()).contains("Edited by the desk");
    }

    @Test
    void whatReadersCannotSeeLeavesTheCachedPageAndItsEtagAlone() throws Exception {
        HttpResponse<String> before = get(DeskFixtures.ARTICLE, null);
        String etag = before.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> posted = post("Held for a look", "Di", "di@example.com");
        assertThat(posted.headers().firstValue("Location").orElseThrow()).contains("held=");
        assertThat(get(DeskFixtures.ARTICLE, etag).statusCode()).as("after a held comment").isEqualTo(304);
        long id = this.fixtures.held("Ed", "ed@example.com", "Buy cheap watches");
        this.fixtures.act(DeskAction.SPAM, id);
        assertThat(get(DeskFixtures.ARTICLE, etag).statusCode()).as("after a held comment went to spam")
            .isEqualTo(304);

        this.fixtures.act(DeskAction.NOT_SPAM, id);
        this.fixtures.act(DeskAction.APPROVE, id);
        HttpResponse<String> approved = get(DeskFixtures.ARTICLE, etag);
        assertThat(approved.statusCode()).as("after an approval").isEqualTo(200);
        assertThat(approved.body()).contains("Buy cheap watches").doesNotContain("Held for a look");
    }

    @Test
    void frontPageCountFollowsApprovals() throws Exception {
        long id = this.fixtures.held("Bo", "bo@example.com", "Counted");
        HttpResponse<String> before = get("/", null);
        assertThat(before.body()).contains("No comments yet");
        this.fixtures.act(DeskAction.APPROVE, id);
        HttpResponse<String> after = get("/", before.headers().firstValue("ETag").orElseThrow());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("1 comment");
    }

    @Test
    void aHeldCommentShownToItsAuthorIsNeverStoredForOthers() throws Exception {
        HttpResponse<String> posted = post("Only for me to see", "Cy", "cy@example.com");
        assertThat(posted.statusCode()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        String path = URI.create(location).getRawPath() + "?" + URI.create(location).getRawQuery();

        HttpResponse<String> mine = get(path, null);
        assertThat(mine.body()).contains("Only for me to see").contains("Your comment is awaiting moderation.");
        assertThat(mine.headers().firstValue("Cache-Control")).contains("private, no-store");
        assertThat(mine.headers().firstValue("ETag")).isEmpty();

        HttpResponse<String> someoneElse = get(DeskFixtures.ARTICLE, null);
        assertThat(someoneElse.body()).doesNotContain("Only for me to see");
        assertThat(someoneElse.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
    }

    @Test
    void aPageOfManyWritesToTheSocketArrivesWholeRenderedAndFromMemory() throws Exception {
        String paragraph = "The ferry crossing was cancelled again, and the island's only doctor "
                + "had to be flown in by the coastguard. ";
        for (int i = 0; i < 50; i++) {
            this.fixtures.approved("Reader " + i, "reader" + i + "@example.com",
                    "Letter " + i + ": " + paragraph.repeat(30));
        }
        HttpResponse<byte[]> rendered = getBytes(DeskFixtures.ARTICLE);
        HttpResponse<byte[]> fromMemory = getBytes(DeskFixtures.ARTICLE);

        assertThat(rendered.body().length).as("page bytes").isGreaterThan(3 * 64 * 1024);
        assertThat(fromMemory.body()).isEqualTo(rendered.body());
        assertThat(fromMemory.headers().firstValueAsLong("Content-Length")).hasValue(rendered.body().length);
        String page = new String(fromMemory.body(), StandardCharsets.UTF_8);
        assertThat(page).contains("Letter 0: ", "Letter 49: ").endsWith("</html>\n");
        Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();
        assertThat(String.valueOf(connector.getProperty("socket.appWriteBufSize"))).as("bytes written at a time")
            .isEqualTo("65536");
        assertThat(String.valueOf(connector.getProperty("maxConnections"))).isEqualTo("1024");
        assertThat(String.valueOf(connector.getProperty("maxThreads"))).as("request threads")
            .isEqualTo(String.valueOf(4 * Math.max(2, Runtime.getRuntime().availableProcessors())));
    }

    private HttpResponse<byte[]> getBytes(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
        Optional.ofNullable(ifNoneMatch).ifPresent((etag) -> request.header("If-None-Match", etag));
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String text, String name, String email) throws Exception {
        HttpRequest request = HttpRequest
            .newBuilder(URI.create("http://localhost:" + this.port + DeskFixtures.ARTICLE + "/comments"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("comment=" + text.replace(' ', '+') + "&author=" + name
                    + "&email=" + email))
            .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
