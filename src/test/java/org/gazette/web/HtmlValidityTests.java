package org.gazette.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of public page passes the Nu Html Checker (the W3C validator) with no
 * errors: the front page, the article with threaded comments, a reply form, a refused
 * form, an error page and the sign-in page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gazette.moderation.mode=none")
class HtmlValidityTests {

    private static final String ARTICLE = "/articles/as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void publicPagesHaveNoHtmlErrors() throws Exception {
        post(ARTICLE + "/comments", Map.of("comment", "First <b>bold</b> https://example.com", "author", "Ann",
                "email", "ann@example.com", "url", "https://ann.example"));
        post(ARTICLE + "/comments",
                Map.of("comment", "A reply\n\nwith two paragraphs", "author", "Bo", "email", "bo@example.com",
                        "replyTo", "1"));
        assertValid("/", get("/"));
        assertValid(ARTICLE, get(ARTICLE));
        assertValid("reply form", get(ARTICLE + "?replyto=1"));
        HttpResponse<String> refused = post(ARTICLE + "/comments", Map.of("comment", "", "email", "nope"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertValid("refused form", refused.body());
        assertValid("404 page", get("/articles/no-such-article"));
        assertValid("/login", get("/login"));
    }

    @Test
    void checkerReportsErrorsInBrokenMarkup() throws Exception {
        String broken = "<!DOCTYPE html><html lang=en><head><title>x</title></head><body><p><div></p></span></body></html>";
        assertThat(report(broken)).contains("Error:");
    }

    private String get(String path) throws Exception {
        return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet()
            .stream()
            .map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }

    private static void assertValid(String page, String html) throws Exception {
        assertThat(report(html)).as("Nu Html Checker report for %s", page).doesNotContain("Error:");
    }

    private static String report(String html) throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.TEXT);
        return validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

}
