package org.gazette.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.gazette.comment.Comment;
import org.gazette.comment.CommentRepository;
import org.gazette.hardening.EditorSession;
import org.gazette.hardening.RawHttp;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client's address and scheme come from {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} only when a trusted proxy (an address or a range, compared as
 * addresses) sent them; a hop that is no address is not believed, the address is kept
 * in one spelling, and {@code X-Forwarded-Host}/{@code -Port} are never believed.
 */
class ForwardedHeadersTests {

    private static final String ARTICLE = "/articles/as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    private static final String POST_PATH = ARTICLE + "/comments";

    private static final AtomicInteger POSTS = new AtomicInteger();

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "gazette.security.trusted-proxies=127.0.0.1")
    class BehindTrustedProxy {

        @Autowired
        CommentRepository comments;

        @LocalServerPort
        int port;

        @Test
        void takesClientAddressAndSchemeFromTheProxy() throws Exception {
            HttpResponse<String> response = post("localhost", this.port, "203.0.113.7", "https");
            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(latest(this.comments).getClientAddress()).isEqualTo("203.0.113.7");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
        }

        @Test
        void keepsTheForwardedAddressInItsCanonicalSpelling() throws Exception {
            assertThat(post("localhost", this.port, "2001:DB8:0:0:0:0:0:7", "http").statusCode()).isEqualTo(303);
            assertThat(latest(this.comments).getClientAddress()).isEqualTo("2001:db8::7");
        }

        @Test
        void believesNoHopThatIsNotAnAddress() throws Exception {
            for (String forwardedFor : List.of("not-an-address", "203.0.113.9, evil.example", "203.0.113.9:x",
                    "x".repeat(100), "203.0.113.9,,", "999.0.113.9")) {
                assertThat(post("localhost", this.port, forwardedFor, "http").statusCode()).as(forwardedFor)
                    .isEqualTo(303);
                assertThat(latest(this.comments).getClientAddress()).as(forwardedFor).isEqualTo("127.0.0.1");
            }
        }

        @Test
        void ignoresForwardedHostAndPort() throws Exception {
            RawHttp http = new RawHttp(this.port);
            List<String> forwarded = List.of("X-Forwarded-For: 203.0.113.21", "X-Forwarded-Host: evil.example",
                    "X-Forwarded-Port: 8443");
            Cookies cookies = new Cookies();

            RawHttp.Response desk = http.send("GET", "/moderation", cookies.with(forwarded), null);
            cookies.keep(desk);
            RawHttp.Response signInPage = http.send("GET", "/login", cookies.with(forwarded), null);
            cookies.keep(signInPage);
            List<String> form = new ArrayList<>(cookies.with(forwarded));
            form.add("Content-Type: application/x-www-form-urlencoded");
            RawHttp.Response signedIn = http.send("POST", "/login", form,
                    "username=editor&password=test-editor-password&_csrf="
                            + URLEncoder.encode(EditorSession.csrfToken(signInPage.body()), StandardCharsets.UTF_8));
            RawHttp.Response article = http.send("GET", ARTICLE, forwarded, null);

            assertThat(desk.status()).isEqualTo(302);
            assertThat(signedIn.status()).isEqualTo(302);
            assertThat(List.of(desk.header("Location").orElseThrow(), signedIn.header("Location").orElseThrow()))
                .allSatisfy((location) -> assertThat(location).doesNotContain("evil.example", "8443"));
            assertThat(Jsoup.parse(article.body()).select("link[rel=canonical]").attr("href"))
                .startsWith("http://localhost:8080/articles/");
        }

    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "gazette.security.trusted-proxies=10.0.0.0/8, 127.0.0.0/8")
    class BehindTrustedRange {

        @Autowired
        CommentRepository comments;

        @LocalServerPort
        int port;

        @Test
        void believesAProxyInATrustedRangeAndSkipsTrustedHops() throws Exception {
            assertThat(post("localhost", this.port, "203.0.113.8, 10.1.2.3", "http").statusCode()).isEqualTo(303);
            assertThat(latest(this.comments).getClientAddress()).isEqualTo("203.0.113.8");
        }

    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "gazette.security.trusted-proxies=::1")
    class BehindIpv6LoopbackProxy {

        @Autowired
        CommentRepository comments;

        @LocalServerPort
        int port;

        @Test
        void matchesTheProxyAsAnAddressWhateverItsSpelling() throws Exception {
            assertThat(post("[::1]", this.port, "203.0.113.10", "https").statusCode()).isEqualTo(303);
            assertThat(latest(this.comments).getClientAddress()).isEqualTo("203.0.113.10");
        }

        @Test
        void ignoresForwardedHeadersFromAnAddressOutsideTheTrustedOnes() throws Exception {
            HttpResponse<String> response = post("127.0.0.1", this.port, "203.0.113.11", "https");
            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(latest(this.comments).getClientAddress()).isEqualTo("127.0.0.1");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }

    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class WithoutTrustedProxy {

        @Autowired
        CommentRepository comments;

        @LocalServerPort
        int port;

        @Test
        void ignoresForwardedHeadersFromAnyone() throws Exception {
            HttpResponse<String> response = post("localhost", this.port, "203.0.113.7", "https");
            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(latest(this.comments).getClientAddress()).isEqualTo("127.0.0.1");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }

        @Test
        void keepsTheConnectionsAddressInItsCanonicalSpelling() throws Exception {
            assertThat(post("[::1]", this.port, "203.0.113.12", "http").statusCode()).isEqualTo(303);
            assertThat(latest(this.comments).getClientAddress()).isEqualTo("::1");
        }

    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "spring.main.cloud-platform=kubernetes")
    class OnACloudPlatform {

        @Autowired
        CommentRepository comments;

        @LocalServerPort
        int port;

        @Test
        void believesNoForwardedHeadersFromPrivateAddressesItWasNotTold() throws Exception {
            HttpResponse<String> response = post("localhost", this.port, "203.0.113.13", "https");
            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(latest(this.comments).getClientAddress()).isEqualTo("127.0.0.1");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }

    }

    @Nested
    class Misconfigured {

        @Test
        void trustedProxyThatIsNeitherAnAddressNorARangeStopsTheStartUp() {
            for (String value : List.of("proxy.example", "10.0.0.0/33", "10.0.0.0/x", "10.0.0.*")) {
                new ApplicationContextRunner().withUserConfiguration(ForwardedHeaders.class)
                    .withPropertyValues("gazette.security.trusted-proxies=127.0.0.1," + value)
                    .run((context) -> assertThat(context).getFailure()
                        .as(value)
                        .rootCause()
                        .hasMessageContaining("'" + value + "'"));
            }
        }

        @Configuration(proxyBeanMethods = false)
        @EnableConfigurationProperties(SecurityProperties.class)
        @Import(ForwardedHeadersConfiguration.class)
        static class ForwardedHeaders {

        }

    }

    static HttpResponse<String> post(String host, int port, String forwardedFor, String proto) throws Exception {
        String text = "Comment number " + POSTS.incrementAndGet() + " via the proxy";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + POST_PATH))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", forwardedFor)
            .header("X-Forwarded-Proto", proto)
            .POST(HttpRequest.BodyPublishers.ofString("comment=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                    + "&author=Proxy+Reader&email=proxy@example.com"))
            .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    static Comment latest(CommentRepository comments) {
        return comments.findAll().stream().max(Comparator.comparing(Comment::getId)).orElseThrow();
    }

    /** The cookies a browser would send back, as headers added to others. */
    static final class Cookies {

        private final Map<String, String> values = new LinkedHashMap<>();

        void keep(RawHttp.Response response) {
            response.headers("Set-Cookie").forEach((cookie) -> {
                String pair = cookie.split(";", 2)[0];
                int equals = pair.indexOf('=');
                this.values.put(pair.substring(0, equals), pair.substring(equals + 1));
            });
        }

        List<String> with(List<String> headers) {
            List<String> all = new ArrayList<>(headers);
            if (!this.values.isEmpty()) {
                all.add("Cookie: " + String.join("; ",
                        this.values.entrySet().stream().map((entry) -> entry.getKey() + "=" + entry.getValue()).toList()));
            }
            return all;
        }

    }

}
