package org.gazette.hardening;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gazette.comment.Comment;
import org.gazette.comment.CommentRepository;
import org.gazette.comment.CommentStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commenters' email addresses and client addresses never reach a public page: after
 * comments with unique emails from distinct client addresses (behind a trusted proxy)
 * are approved, held and marked spam, a crawl of everything a reader can reach — the
 * front page, every article page and comment page, reply forms, error pages, the held
 * comment's page shown to its own author — finds none of them, in any encoding, nor a
 * hash of an email (the kind an avatar service would use).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "gazette.security.trusted-proxies=127.0.0.1", "gazette.moderation.mode=none",
                "gazette.comments.page-size=2" })
class PrivacyTests {

    private static final String ARTICLE = "/articles/as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    private static final Pattern LINK = Pattern.compile("(?:href|src|action)=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    @Autowired
    private CommentRepository comments;

    @LocalServerPort
    private int port;

    @Test
    void noEmailOrClientAddressAppearsOnAnyPageAReaderCanReach() throws Exception {
        List<Commenter> commenters = List.of(
                new Commenter("Ada Approved", "ada.zq81k@example.org", "198.51.100.171", "A plain approved comment."),
                new Commenter("Ben Approved", "Ben.Upper.ZQ82K@Example.org", "2001:db8::a11:5ec",
                        "Another one, from an IPv6 client."),
                new Commenter("Cy Held", "cy.zq83k@example.net", "198.51.100.173",
                        "Held for its links: https://a.example https://b.example https://c.example"),
                new Commenter("Di Spam", "di.zq84k@example.com", "198.51.100.174", "Spam by the honeypot."),
                new Commenter("Ed Reply", "ed.zq85k@example.org", "198.51.100.175", "A reply to the first."),
                new Commenter("Fay Approved", "fay.zq86k@example.org", "198.51.100.176",
                        "A third thread, so the comments run to a second page."));

        Map<String, String> held = new LinkedHashMap<>();
        for (Commenter commenter : commenters) {
            String extra = switch (commenter.name()) {
                case "Di Spam" -> "&subject=Buy+now";
                case "Ed Reply" -> "&replyTo=" + firstCommentId();
                default -> "";
            };
            HttpResponse<String> posted = post(commenter, extra);
            assertThat(posted.statusCode()).as("post by %s", commenter.name()).isEqualTo(303);
            String location = posted.headers().firstValue("Location").orElseThrow();
            if (location.contains("held=")) {
                held.put(commenter.name(), location.substring(0, location.indexOf('#')));
            }
            assertThat(posted.headers().map().toString()).as("headers of the answer to %s", commenter.name())
                .doesNotContain(commenter.clientAddress());
        }
        assertThat(this.comments.findAll()).extracting(Comment::getStatus)
            .contains(CommentStatus.APPROVED, CommentStatus.PENDING, CommentStatus.SPAM);
        assertThat(this.comments.findAll()).extracting(Comment::getClientAddress)
            .as("the addresses did reach the database")
            .contains("198.51.100.171", "2001:db8::a11:5ec", "198.51.100.173");
        assertThat(held).as("held comments shown to their authors").containsKeys("Cy Held", "Di Spam");

        Map<String, String> pages = crawl("/");
        for (String target : held.values()) {
            pages.put(target, get(target).body());
        }
        assertThat(pages.get(held.get("Cy Held"))).contains("Your comment is awaiting moderation.");
        for (String target : List.of("/articles/no-such-article", ARTICLE + "?page=999", "/nothing-here",
                ARTICLE + "?replyto=abc", "/error", "/actuator/health", "/login")) {
            pages.put(target, get(target).body());
        }
        pages.put("405", send("DELETE", ARTICLE).body());
        pages.put("403", crossSitePost().body());

        assertThat(pages.keySet()).as("pages crawled")
            .contains("/", ARTICLE, ARTICLE + "?page=2")
            .anyMatch((page) -> page.contains("replyto="));
        List<String> secrets = secrets(commenters);
        pages.forEach((page, body) -> assertThat(body.toLowerCase(Locale.ROOT)).as("page %s", page)
            .doesNotContain(secrets));
        assertThat(pages.get(ARTICLE)).contains("Ada Approved", "A plain approved comment.");
    }

    /** The email addresses, their local parts, their hashes and the client addresses, lower case. */
    private static List<String> secrets(List<Commenter> commenters) throws NoSuchAlgorithmException {
        List<String> secrets = new ArrayList<>();
        for (Commenter commenter : commenters) {
            String email = commenter.email().toLowerCase(Locale.ROOT);
            secrets.add(email);
            secrets.add(email.substring(0, email.indexOf('@')));
            secrets.add(URLEncoder.encode(email, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
            for (String algorithm : List.of("MD5", "SHA-256")) {
                byte[] hash = MessageDigest.getInstance(algorithm).digest(email.getBytes(StandardCharsets.UTF_8));
                secrets.add(HexFormat.of().formatHex(hash));
            }
            secrets.add(commenter.clientAddress().toLowerCase(Locale.ROOT));
        }
        return secrets;
    }

    /** Every same-site page reachable by links from the start, as an anonymous reader sees it. */
    private Map<String, String> crawl(String start) throws IOException, InterruptedException {
        Map<String, String> pages = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        Set<String> seen = new LinkedHashSet<>(queue);
        while (!queue.isEmpty() && pages.size() < 500) {
            String target = queue.removeFirst();
            HttpResponse<String> response = get(target);
            pages.put(target, response.body());
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("text/html")) {
                continue;
            }
            Matcher link = LINK.matcher(response.body());
            while (link.find()) {
                String next = sameSiteTarget(link.group(1).replace("&amp;", "&"));
                if (next != null && seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return pages;
    }

    /** The path and query of a link to this site that a reader may follow, or null. */
    private String sameSiteTarget(String link) {
        URI uri = URI.create("http://localhost:" + this.port + "/").resolve(link.strip());
        boolean sameSite = "localhost".equals(uri.getHost()) && uri.getPort() == this.port
                || "localhost".equals(uri.getHost()) && link.startsWith("http://localhost:8080");
        if (!sameSite || uri.getRawPath() == null || uri.getRawPath().startsWith("/moderation")
                || uri.getRawPath().startsWith("/logout") || uri.getRawPath().endsWith("/comments")) {
            return null;
        }
        return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
    }

    private long firstCommentId() {
        return this.comments.findAll().stream().mapToLong(Comment::getId).min().orElseThrow();
    }

    private HttpResponse<String> post(Commenter commenter, String extra) throws IOException, InterruptedException {
        String form = "comment=" + encode(commenter.text()) + "&author=" + encode(commenter.name()) + "&email="
                + encode(commenter.email()) + "&remember=true" + extra;
        HttpRequest request = HttpRequest.newBuilder(uri(ARTICLE + "/comments"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", commenter.clientAddress())
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> crossSitePost() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(ARTICLE + "/comments"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Sec-Fetch-Site", "cross-site")
            .POST(HttpRequest.BodyPublishers.ofString("comment=x&author=y&email=ada.zq81k%40example.org"))
            .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String target) throws IOException, InterruptedException {
        return this.http.send(HttpRequest.newBuilder(uri(target)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String target) throws IOException, InterruptedException {
        return this.http.send(HttpRequest.newBuilder(uri(target)).method(method, HttpRequest.BodyPublishers.noBody())
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String target) {
        return URI.create("http://localhost:" + this.port + target);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Commenter(String name, String email, String clientAddress, String text) {
    }

}
