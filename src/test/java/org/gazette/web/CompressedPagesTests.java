package org.gazette.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.gazette.article.Article;
import org.gazette.comment.CommentFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages and static files reach readers compressed as their browsers ask, over real HTTP
 * (Java's client decompresses nothing by itself): each Accept-Encoding gets the coding
 * it takes, a body that decompresses to the plain page's exact bytes, an entity tag of
 * its own that only it is revalidated with, and {@code Vary: Accept-Encoding}.
 */
@ReaderSideTest
class CompressedPagesTests {

    /** What readers send, and whether the answer is gzip. */
    private static final List<String> GZIP = List.of("gzip", "gzip, deflate, br, zstd", "*", "br;q=1.0, gzip;q=0.8");

    private static final List<String> PLAIN = List.of("gzip;q=0", "identity", "br, zstd", "gzip;q=0.5, identity");

    private static final Pattern STYLESHEET = Pattern.compile("href=\"(/css/gazette-[0-9a-f]{32}\\.css)\"");

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private TestArticles articles;

    @Autowired
    private CommentFixtures comments;

    @LocalServerPort
    private int port;

    private Article article;

    @BeforeEach
    void publishArticleWithComments() {
        this.article = this.articles.create("Compression");
        Instant at = Instant.now().minusSeconds(600);
        for (int i = 0; i < 5; i++) {
            this.comments.approved(this.article, null, "Reader " + i,
                    "A comment long enough to be worth compressing, number " + i + ". ".repeat(20), at.plusSeconds(i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "ARTICLE", "ARTICLE?page=2" })
    void everyAcceptEncodingGetsTheCodingItTakesOfTheSamePage(String page) throws Exception {
        String path = path(page);
        Answer plain = get(path, null, null);
        assertPlain(plain);
        String plainTag = plain.header("ETag");
        assertThat(plainTag).startsWith("W/\"");

        for (String acceptEncoding : GZIP) {
            Answer gzip = get(path, acceptEncoding, null);
            assertThat(gzip.status()).as(acceptEncoding).isEqualTo(200);
            assertThat(gzip.header("Content-Encoding")).as(acceptEncoding).isEqualTo("gzip");
            assertThat(gzip.header("Vary")).as(acceptEncoding).containsIgnoringCase("Accept-Encoding");
            assertThat(gzip.header("ETag")).as(acceptEncoding).isEqualTo(gzipTag(plainTag));
            assertThat(gzip.header("Content-Length")).as(acceptEncoding).isEqualTo(Integer.toString(gzip.body().length));
            assertThat(gunzip(gzip.body())).as(acceptEncoding).isEqualTo(plain.body());
        }
        for (String acceptEncoding : PLAIN) {
            Answer identity = get(path, acceptEncoding, null);
            assertPlain(identity);
            assertThat(identity.header("ETag")).as(acceptEncoding).isEqualTo(plainTag);
            assertThat(identity.body()).as(acceptEncoding).isEqualTo(plain.body());
        }
    }

    @Test
    void aPageRenderedForAGzipReaderIsStoredAndServedWithBothCodings() throws Exception {
        String path = path("ARTICLE");
        Answer first = get(path, "gzip", null);
        Answer again = get(path, "gzip", null);
        Answer plain = get(path, null, null);

        assertThat(first.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(again.body()).as("the same bytes from the cache").isEqualTo(first.body());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo(gzipTag(plain.header("ETag")));
        assertThat(gunzip(first.body())).isEqualTo(plain.body());
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).contains("Compression");
    }

    @Test
    void eachRepresentationIsRevalidatedWithItsOwnEntityTagOnly() throws Exception {
        String path = path("ARTICLE");
        String plainTag = get(path, null, null).header("ETag");
        String gzipTag = get(path, "gzip", null).header("ETag");
        String gzipStrongForm = gzipTag.substring(2);
        String plainStrongForm = plainTag.substring(2);

        for (String[] matching : new String[][] { { "gzip", gzipTag }, { "gzip", gzipStrongForm },
                { "gzip", plainTag + ", " + gzipTag }, { null, plainTag }, { null, plainStrongForm },
                { "identity", plainTag }, { "gzip;q=0", plainTag } }) {
            Answer notModified = get(path, matching[0], matching[1]);
            assertThat(notModified.status()).as("%s with %s", matching[0], matching[1]).isEqualTo(304);
            assertThat(notModified.header("ETag")).as("%s with %s", matching[0], matching[1])
                .isEqualTo("gzip".equals(matching[0]) ? gzipTag : plainTag);
            assertThat(notModified.header("Vary")).containsIgnoringCase("Accept-Encoding");
            assertThat(notModified.body()).isEmpty();
        }

        Answer plainAskedWithGzipTag = get(path, null, gzipTag);
        assertThat(plainAskedWithGzipTag.status()).isEqualTo(200);
        assertPlain(plainAskedWithGzipTag);
        Answer gzipAskedWithPlainTag = get(path, "gzip", plainTag);
        assertThat(gzipAskedWithPlainTag.status()).isEqualTo(200);
        assertThat(gzipAskedWithPlainTag.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipAskedWithPlainTag.header("ETag")).isEqualTo(gzipTag);
    }

    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void headAnswersTheHeadersOfGet(boolean alreadyStored) throws Exception {
        String path = path("ARTICLE");
        if (alreadyStored) {
            get(path, null, null);
        }
        for (String acceptEncoding : new String[] { "gzip", null }) {
            Answer head = send("HEAD", path, acceptEncoding, null);
            Answer get = get(path, acceptEncoding, null);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            for (String header : List.of("Content-Encoding", "Content-Length", "ETag", "Vary", "Content-Type",
                    "Cache-Control")) {
                assertThat(head.header(header)).as("%s, %s", acceptEncoding, header).isEqualTo(get.header(header));
            }
        }
    }

    @Test
    void pagesThatAreNotStoredAreCompressedAsTheReaderAsks() throws Exception {
        String path = path("ARTICLE") + "?page=1&utm_source=feed";
        Answer gzip = get(path, "gzip", null);
        assertThat(gzip.status()).isEqualTo(200);
        assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(new String(gunzip(gzip.body()), StandardCharsets.UTF_8)).contains("Compression");

        Answer refused = get(path, "gzip;q=0", null);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.header("Content-Encoding")).isNull();
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("Compression");
    }

    @Test
    void stylesheetsAreServedFromTheirBuildTimeGzipCopy() throws Exception {
        Matcher link = STYLESHEET.matcher(new String(get("/", null, null).body(), StandardCharsets.UTF_8));
        assertThat(link.find()).isTrue();
        String path = link.group(1);
        Answer plain = get(path, null, null);
        assertPlain(plain);
        assertThat(plain.header("Cache-Control")).contains("max-age=31536000");

        for (String acceptEncoding : GZIP) {
            Answer gzip = get(path, acceptEncoding, null);
            assertThat(gzip.status()).as(acceptEncoding).isEqualTo(200);
            assertThat(gzip.header("Content-Encoding")).as(acceptEncoding).isEqualTo("gzip");
            assertThat(gzip.header("Vary")).as(acceptEncoding).containsIgnoringCase("Accept-Encoding");
            assertThat(gzip.header("Cache-Control")).as(acceptEncoding).contains("max-age=31536000");
            assertThat(gzip.header("Content-Length")).as("the stored copy's length, not compressed on the fly")
                .isEqualTo(Integer.toString(gzip.body().length));
            assertThat(gunzip(gzip.body())).as(acceptEncoding).isEqualTo(plain.body());
        }
        for (String acceptEncoding : PLAIN) {
            Answer identity = get(path, acceptEncoding, null);
            assertPlain(identity);
            assertThat(identity.body()).as(acceptEncoding).isEqualTo(plain.body());
        }
        Answer gzip = get(path, "gzip", null);
        assertThat(gzip.header("ETag")).isEqualTo(gzipTag(plain.header("ETag")));
        for (Answer answer : List.of(plain, gzip)) {
            String coding = answer.header("Content-Encoding");
            Answer notModified = send("GET", path, coding, answer.header("ETag"));
            assertThat(notModified.status()).as(coding).isEqualTo(304);
            assertThat(notModified.header("ETag")).as(coding).isEqualTo(answer.header("ETag"));
            assertThat(notModified.header("Vary")).as(coding).containsIgnoringCase("Accept-Encoding");
            assertThat(send("GET", path, coding, null, "If-Modified-Since", answer.header("Last-Modified")).status())
                .as(coding)
                .isEqualTo(304);
        }
        assertThat(get(path, "gzip", plain.header("ETag")).status()).isEqualTo(200);
        assertThat(get(path, null, gzip.header("ETag")).status()).isEqualTo(200);
    }

    private void assertPlain(Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Encoding")).isNull();
        assertThat(answer.header("Vary")).containsIgnoringCase("Accept-Encoding");
        assertThat(answer.header("Content-Length")).isEqualTo(Integer.toString(answer.body().length));
    }

    private String path(String page) {
        return page.replace("ARTICLE", "/articles/" + this.article.getSlug());
    }

    private static String gzipTag(String plainTag) {
        return plainTag.substring(0, plainTag.length() - 1) + "-gzip\"";
    }

    private static byte[] gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Answer get(String path, String acceptEncoding, String ifNoneMatch) throws Exception {
        return send("GET", path, acceptEncoding, ifNoneMatch);
    }

    private Answer send(String method, String path, String acceptEncoding, String ifNoneMatch, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response, response.body());
    }

    private record Answer(int status, HttpResponse<byte[]> response, byte[] body) {

        String header(String name) {
            List<String> values = this.response.headers().allValues(name);
            return values.isEmpty() ? null : String.join(", ", values);
        }

    }

}
