package org.gazette.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.gazette.article.Article;
import org.gazette.comment.CommentFixtures;
import org.gazette.comment.CommentSettingsService;
import org.gazette.comment.ModerationMode;
import org.gazette.hardening.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * However a stranger spells the comment path (percent-encoding, a trailing slash,
 * {@code ;} parameters, another case, doubled slashes, dot segments), a post that reaches
 * the posting handler meets the rate limit, the body size cap and the cross-site check;
 * a spelling that does not reach it is refused outright. Nothing is stored either way.
 * The same holds for the editors' desk: no spelling of it is served to a stranger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "gazette.security.trusted-proxies=127.0.0.1", "gazette.comments.flood-interval=0s",
                "gazette.comments.rate-limit.enabled=true", "gazette.comments.rate-limit.capacity=1",
                "gazette.comments.rate-limit.period=1h" })
@Import(ReaderSideTestConfiguration.class)
class CommentPathSpellingTests {

    /** {@code SLUG} is the article's slug; {@code %SLUG} the same with its first letter percent-encoded. */
    static final List<String> SPELLINGS = List.of("/articles/SLUG/comments", "/articles/SLUG/%63omments",
            "/articles/SLUG/comment%73", "/articles/SLUG/%63%6F%6D%6D%65%6E%74%73", "/articles/SLUG/%63%6f%6d%6d%65%6e%74%73",
            "/%61rticles/SLUG/comments", "/articles/%SLUG/comments", "/articles/SLUG/comments/",
            "/articles/SLUG/%63omments/", "/articles/SLUG/comments;x", "/articles/SLUG;x/comments",
            "/articles;x/SLUG/comments", "/articles/SLUG/comments;", "/articles/SLUG/Comments",
            "/articles/SLUG/%43omments", "/Articles/SLUG/comments", "/ARTICLES/SLUG/COMMENTS",
            "//articles/SLUG/comments", "/articles//SLUG/comments", "/articles/SLUG//comments",
            "/articles/SLUG/./comments", "/./articles/SLUG/comments", "/articles/SLUG/%2e/comments",
            "/articles/x/../SLUG/comments", "/articles/x/%2e%2e/SLUG/comments", "/articles/SLUG/comments/.",
            "/articles/SLUG%2Fcomments", "/articles/SLUG/comments%3Bx", "/articles/SLUG/comments%20",
            "/articles/SLUG/comments?page=1");

    static final List<String> DESK_SPELLINGS = List.of("/moderation", "/Moderation", "/MODERATION", "/moderation/",
            "/%6Doderation", "/%6doderation", "/moderation;x", "/moderation;jsessionid=x", "//moderation",
            "/./moderation", "/x/../moderation", "/moderation/%61ccounts", "/moderation/accounts/",
            "/moderation/Accounts", "/moderation/log", "/%6Doderation/articles", "/moderation/./settings");

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Autowired
    private TestArticles articles;

    @Autowired
    private CommentFixtures fixtures;

    @Autowired
    private CommentSettingsService settings;

    @LocalServerPort
    private int port;

    private RawHttp http;

    private Article article;

    @BeforeEach
    void publishArticle() {
        this.settings.update(ModerationMode.NONE, 2, 0, "", "");
        this.article = this.articles.create("Spelled every way");
        this.http = new RawHttp(this.port);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SPELLINGS")
    void postOverTheRateLimitIsRefusedHoweverThePathIsSpelled(String spelling) throws Exception {
        String client = "198.51.100." + CLIENTS.incrementAndGet();
        assertThat(post("/articles/SLUG/comments", client, List.of(), "First comment").status()).isEqualTo(303);

        RawHttp.Response limited = post(spelling, client, List.of(), "Second comment");

        assertThat(limited.status()).isIn(429, 400, 404);
        if (limited.status() == 429) {
            assertThat(limited.header("Retry-After")).isPresent();
        }
        assertThat(this.fixtures.storedOn(this.article)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SPELLINGS")
    void bodyOverTheSizeCapIsRefusedUnreadHoweverThePathIsSpelled(String spelling) throws Exception {
        RawHttp.Response tooLarge = this.http.send("POST", target(spelling),
                List.of("Content-Type: text/plain", "Content-Length: 10000000",
                        "X-Forwarded-For: 198.51.100." + CLIENTS.incrementAndGet()),
                null);

        assertThat(tooLarge.status()).isIn(413, 400, 404);
        assertThat(this.fixtures.storedOn(this.article)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SPELLINGS")
    void crossSitePostIsRefusedHoweverThePathIsSpelled(String spelling) throws Exception {
        String client = "198.51.100." + CLIENTS.incrementAndGet();

        RawHttp.Response forged = post(spelling, client, List.of("Sec-Fetch-Site: cross-site"), "Forged comment");
        RawHttp.Response forgedOrigin = post(spelling, client, List.of("Origin: https://attacker.example"),
                "Forged comment");

        assertThat(forged.status()).isIn(403, 400, 404);
        assertThat(forgedOrigin.status()).isIn(403, 400, 404);
        assertThat(this.fixtures.storedOn(this.article)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DESK_SPELLINGS")
    void noSpellingOfTheDeskIsServedToAStranger(String spelling) throws Exception {
        RawHttp.Response response = this.http.get(spelling);

        assertThat(response.status()).isIn(302, 400, 401, 403, 404);
        if (response.status() == 302) {
            assertThat(response.header("Location")).hasValueSatisfying(
                    (location) -> assertThat(location).endsWith("/login"));
        }
        assertThat(response.body()).doesNotContain("Sign out");
    }

    private RawHttp.Response post(String spelling, String client, List<String> headers, String text)
            throws Exception {
        List<String> all = new ArrayList<>(headers);
        all.add("Content-Type: application/x-www-form-urlencoded");
        all.add("X-Forwarded-For: " + client);
        return this.http.send("POST", target(spelling), all,
                CommentForm.by("Reader " + client).with("comment", text + " from " + client).encoded());
    }

    private String target(String spelling) {
        String slug = this.article.getSlug();
        return spelling.replace("%SLUG", "%" + Integer.toHexString(slug.charAt(0)) + slug.substring(1))
            .replace("SLUG", slug);
    }

}
