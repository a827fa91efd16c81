package org.gazette.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Comparator;

import org.gazette.comment.Comment;
import org.gazette.comment.CommentRepository;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A client's address comes from X-Forwarded-For only when a trusted proxy sent it. */
class ForwardedHeadersTests {

    private static final String POST_PATH = "/articles/as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe/comments";

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
            HttpResponse<String> response = post(this.port, "203.0.113.7", "https", "Via the proxy");
            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(latest(this.comments).getClientAddress()).isEqualTo("203.0.113.7");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
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
            HttpResponse<String> response = post(this.port, "203.0.113.7", "https", "Spoofed address");
            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(latest(this.comments).getClientAddress()).isEqualTo("127.0.0.1");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }

    }

    static HttpResponse<String> post(int port, String forwardedFor, String proto, String text) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + POST_PATH))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", forwardedFor)
            .header("X-Forwarded-Proto", proto)
            .POST(HttpRequest.BodyPublishers.ofString("comment=" + text.replace(' ', '+')
                    + "&author=Proxy+Reader&email=proxy@example.com"))
            .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    static Comment latest(CommentRepository comments) {
        return comments.findAll().stream().max(Comparator.comparing(Comment::getId)).orElseThrow();
    }

}
