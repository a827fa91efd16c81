package org.gazette.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator scrapes from the management port: each comment post counted by
 * what became of it and the rule that decided, the moderation queue's size by status,
 * the shared pages served from memory, from their version alone (304) or rendered,
 * besides Boot's request and connection pool metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "gazette.security.trusted-proxies=127.0.0.1", "gazette.comments.flood-interval=15s",
                "gazette.comments.rate-limit.enabled=true", "gazette.comments.rate-limit.capacity=2",
                "gazette.comments.rate-limit.period=1h" })
class MetricsTests {

    static final String ARTICLE = "/articles/as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Test
    void postsAreCountedByOutcomeAndRule() throws Exception {
        double pendingBefore = metric("gazette_moderation_queue{status=\"pending\"}");

        assertThat(post("198.51.100.1", "Ann Held", "A first comment from Ann.", List.of()).statusCode())
            .isEqualTo(303);
        assertThat(post("198.51.100.1", "Ann Held", "Too soon after the first.", List.of()).statusCode())
            .isEqualTo(429);
        assertThat(post("198.51.100.1", "Ann Held", "Over the rate limit.", List.of()).statusCode())
            .isEqualTo(429);
        assertThat(post("198.51.100.2", "Ann Held", "A first comment from Ann.", List.of()).statusCode())
            .isEqualTo(409);
        assertThat(post("198.51.100.3", "Robot", "Buy now.", List.of("subject", "filled")).statusCode())
            .isEqualTo(303);
        assertThat(post("198.51.100.4", "Eve", "From elsewhere.", List.of("Origin", "https://evil.example"))
            .statusCode()).isEqualTo(403);
        assertThat(post("198.51.100.5", "", "No name.", List.of()).statusCode()).isEqualTo(422);
        postTooLarge("198.51.100.6");

        assertThat(metric("gazette_comments_posts_total{outcome=\"held\",reason=\"first-time\"}")).isEqualTo(1);
        assertThat(metric("gazette_comments_posts_total{outcome=\"spam\",reason=\"honeypot\"}")).isEqualTo(1);
        for (String refusal : List.of("flood", "rate-limited", "duplicate", "cross-site", "invalid", "too-large")) {
            assertThat(metric("gazette_comments_posts_total{outcome=\"" + refusal + "\",reason=\"none\"}"))
                .as(refusal)
                .isEqualTo(1);
        }
        assertThat(metric("gazette_moderation_queue{status=\"pending\"}")).isEqualTo(pendingBefore + 1);
    }

    @Test
    void sharedPagesAreCountedAsHitsMissesAndNotModified() throws Exception {
        HttpResponse<String> first = get(this.port, ARTICLE + "?page=1", List.of());
        get(this.port, ARTICLE + "?page=1", List.of());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(get(this.port, ARTICLE + "?page=1", List.of("If-None-Match", etag)).statusCode()).isEqualTo(304);

        assertThat(metric("cache_gets_total{cache=\"pages\",cache_manager=\"\",result=\"hit\"}",
                "cache_gets_total{cache=\"pages\",result=\"hit\"}")).isGreaterThanOrEqualTo(1);
        assertThat(metric("cache_gets_total{cache=\"pages\",cache_manager=\"\",result=\"miss\"}",
                "cache_gets_total{cache=\"pages\",result=\"miss\"}")).isGreaterThanOrEqualTo(1);
        assertThat(metric("gazette_pages_not_modified_total")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void requestsAndTheConnectionPoolAreMeasured() throws Exception {
        get(this.port, "/", List.of());

        String scraped = get(this.managementPort, "/actuator/prometheus", List.of()).body();

        assertThat(scraped).contains("http_server_requests_seconds_count{", "hikaricp_connections_max{");
    }

    private HttpResponse<String> post(String client, String author, String comment, List<String> extra)
            throws IOException, InterruptedException {
        List<String> headers = new ArrayList<>(List.of("X-Forwarded-For", client));
        String body = "comment=" + encode(comment) + "&author=" + encode(author) + "&email="
                + encode(author.toLowerCase().replace(' ', '.') + "@example.com");
        if (extra.size() == 2 && extra.get(0).equals("subject")) {
            body += "&subject=" + encode(extra.get(1));
        }
        else {
            headers.addAll(extra);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base(this.port) + ARTICLE + "/comments"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .headers(headers.toArray(String[]::new))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void postTooLarge(String client) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base(this.port) + ARTICLE + "/comments"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", client)
            .POST(HttpRequest.BodyPublishers.ofString("comment=" + "x".repeat(300 * 1024)))
            .build();
        try {
            assertThat(this.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
        }
        catch (IOException ex) {
            // the server may close the connection before the whole body is sent
        }
    }

    /** The value of the first of the given series the management port shows, 0 when none is shown. */
    private double metric(String... series) throws IOException, InterruptedException {
        String scraped = get(this.managementPort, "/actuator/prometheus", List.of()).body();
        for (String name : series) {
            Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(scraped);
            if (line.find()) {
                return Double.parseDouble(line.group(1));
            }
        }
        return 0;
    }

    private HttpResponse<String> get(int port, String path, List<String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(port) + path))
            .timeout(Duration.ofSeconds(10));
        if (!headers.isEmpty()) {
            request.headers(headers.toArray(String[]::new));
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
