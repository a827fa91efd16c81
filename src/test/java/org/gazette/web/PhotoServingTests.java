package org.gazette.web;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import org.gazette.article.Article;
import org.gazette.article.ArticleRepository;
import org.gazette.article.PhotoCaption;
import org.gazette.article.PhotoLibrary;
import org.gazette.article.StoredPhoto;
import org.gazette.article.TestPhotos;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored photo reaches readers over HTTP as clean bytes under its content-hashed name,
 * cached for a year, revalidated by its hash, and placed in the article page with its
 * size; a name that is not a stored photo is an ordinary 404 page.
 */
@ReaderSideTest
class PhotoServingTests {

    private static final String SEED = "/articles/as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    private PhotoLibrary photos;

    @Autowired
    private ArticleRepository articles;

    @Autowired
    private Clock clock;

    @LocalServerPort
    private int port;

    @Test
    void servesAJpegWithoutItsCameraOrPosition() throws Exception {
        byte[] upload = TestPhotos.jpegWithCameraAndGps(160, 90);
        StoredPhoto stored = this.photos.store("harbour.jpg", upload);

        HttpResponse<byte[]> response = get(stored.url(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        byte[] served = response.body();
        assertThat(TestPhotos.contains(served, "Exif")).isFalse();
        assertThat(TestPhotos.contains(served, TestPhotos.CAMERA_MAKE)).isFalse();
        assertThat(TestPhotos.contains(served, "GPS")).isFalse();
        assertThat(TestPhotos.contains(served, "xmpmeta")).isFalse();
        BufferedImage image = TestPhotos.read(served);
        assertThat(image.getWidth()).isEqualTo(160);
        assertThat(image.getHeight()).isEqualTo(90);
        assertThat(stored.url()).isEqualTo("/media/" + sha256(served) + ".jpg");
    }

    @Test
    void servesAPngWithoutItsTextChunks() throws Exception {
        StoredPhoto stored = this.photos.store("map.png",
                TestPhotos.pngWithText(70, 50, "Comment", "Taken at 45.5N 75.7W"));

        HttpResponse<byte[]> response = get(stored.url(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(TestPhotos.contains(response.body(), "tEXt")).isFalse();
        assertThat(TestPhotos.contains(response.body(), "45.5N")).isFalse();
        assertThat(TestPhotos.read(response.body()).getWidth()).isEqualTo(70);
    }

    @Test
    void answersNotModifiedToTheEntityTagItGave() throws Exception {
        StoredPhoto stored = this.photos.store("square.png", TestPhotos.png(33, 33));
        String etag = get(stored.url(), null).headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = get(stored.url(), etag);

        assertThat(etag).isEqualTo("\"" + stored.url().substring(7, 7 + 64) + "\"");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(get(stored.url(), "\"" + "0".repeat(64) + "\"").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0000000000000000000000000000000000000000000000000000000000000000.jpg",
            "0000000000000000000000000000000000000000000000000000000000000000.png", "unknown.jpg", "x",
            "0000000000000000000000000000000000000000000000000000000000000000.webp",
            "0000000000000000000000000000000000000000000000000000000000000000.jpg.html" })
    void anUnknownOrMalformedNameIsAnOrdinaryNotFoundPage(String name) throws Exception {
        HttpResponse<byte[]> response = get("/media/" + name, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("text/html"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                (value) -> assertThat(value).doesNotContain("immutable"));
    }

    @Test
    void aStoredPhotoUnderTheOtherTypesExtensionIsNotFound() throws Exception {
        StoredPhoto stored = this.photos.store("other.png", TestPhotos.png(12, 12));

        assertThat(get(stored.url().replace(".png", ".jpg"), null).statusCode()).isEqualTo(404);
    }

    @Test
    void theArticlePageShowsThePhotoWithItsSizeCaptionAndCredit() throws Exception {
        StoredPhoto stored = this.photos.store("harbour.jpg", TestPhotos.jpegWithCameraAndGps(300, 200));
        Article article = new Article("photo-serving-" + System.nanoTime(), "A harbour at dawn",
                this.clock.instant(), this.clock.instant());
        article.addParagraph("Boats come in.");
        article.addPhoto(new PhotoCaption("Boats at the quay.", "Staff Photographer", stored.url(),
                "Fishing boats moored at a stone quay", stored.width(), stored.height()));
        article.addPhoto(new PhotoCaption("A scene nobody photographed.", "Archive"));
        this.articles.saveAndFlush(article);

        HttpResponse<String> page = this.client.send(request("/articles/" + article.getSlug(), null).build(),
                HttpResponse.BodyHandlers.ofString());
        Document document = Jsoup.parse(page.body());

        assertThat(page.statusCode()).isEqualTo(200);
        Element figure = document.select("figure.photo").get(0);
        Element img = figure.selectFirst("img");
        assertThat(img).isNotNull();
        assertThat(img.attr("src")).isEqualTo(stored.url());
        assertThat(img.attr("alt")).isEqualTo("Fishing boats moored at a stone quay");
        assertThat(img.attr("width")).isEqualTo("300");
        assertThat(img.attr("height")).isEqualTo("200");
        assertThat(img.attr("loading")).isEqualTo("lazy");
        assertThat(img.attr("decoding")).isEqualTo("async");
        assertThat(figure.select("figcaption .caption").text()).isEqualTo("Boats at the quay.");
        assertThat(figure.select("figcaption .credit").text()).isEqualTo("Staff Photographer");
        Element frameOnly = document.select("figure.photo").get(1);
        assertThat(frameOnly.select("img")).isEmpty();
        assertThat(frameOnly.select(".photo-placeholder")).hasSize(1);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                (policy) -> assertThat(policy).contains("img-src 'self'"));
        assertThat(get(img.attr("src"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void theSeedArticleKeepsItsCaptionsInTheNeutralFrame() throws Exception {
        Document document = Jsoup.parse(this.client
            .send(request(SEED, null).build(), HttpResponse.BodyHandlers.ofString())
            .body());

        assertThat(document.select("figure.photo")).hasSize(2).allSatisfy((figure) -> {
            assertThat(figure.select("img")).isEmpty();
            assertThat(figure.select(".photo-placeholder")).hasSize(1);
            assertThat(figure.select("figcaption .credit").text()).isNotBlank();
        });
    }

    private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws IOException, InterruptedException {
        return this.client.send(request(path, ifNoneMatch).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String path, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

}
