package org.gazette.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Save my name, email, and website in this browser for the next time I comment.": the
 * details live in the reader's own cookie and the page's script fills the form from it;
 * the server never writes them into the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gazette.moderation.mode=first-time")
class RememberedDetailsBrowserTests {

    private static final String NAME = "Zoë Ångström";

    private static final String EMAIL = "zoe.angstrom@example.org";

    private static final String WEBSITE = "https://angstrom.example.org/zoë";

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension();

    @LocalServerPort
    int port;

    @Test
    void tickedBoxRemembersTheDetailsWhichTheScriptFillsInOnTheNextVisit() throws Exception {
        Browser browser = browsers.shared();
        postRemembering(browser);

        Cookie cookie = browser.driver().manage().getCookieNamed("gazette_commenter");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).as("cookie value is encoded").matches("[A-Za-z0-9_-]+");
        ArticlePage again = ArticlePage.openSeed(browser, origin());

        assertThat(again.value("author")).isEqualTo(NAME);
        assertThat(again.value("email")).isEqualTo(EMAIL);
        assertThat(again.value("url")).isEqualTo(WEBSITE);
        assertThat(again.rememberBox().isSelected()).isTrue();
        assertThat(again.value("comment")).isEmpty();

        String withoutCookie = fetchArticle(null);
        String withCookie = fetchArticle("gazette_commenter=" + cookie.getValue());
        assertThat(withoutCookie).doesNotContain("Zoë").doesNotContain("Ångström")
            .doesNotContain(EMAIL)
            .doesNotContain("angstrom.example.org");
        Document page = Jsoup.parse(withoutCookie);
        assertThat(page.select("#author").val()).isEmpty();
        assertThat(page.select("#email").val()).isEmpty();
        assertThat(page.select("#url").val()).isEmpty();
        assertThat(page.select("#remember").hasAttr("checked")).isFalse();
        assertThat(withCookie).as("the server ignores the cookie").isEqualTo(withoutCookie);
    }

    @Test
    void postingWithTheBoxUntickedForgetsTheDetails() {
        Browser browser = browsers.shared();
        postRemembering(browser);
        ArticlePage again = ArticlePage.openSeed(browser, origin());
        assertThat(again.value("author")).isEqualTo(NAME);

        again.type("Comment", CommentFixtures.unique("Second thoughts, not to be remembered."))
            .remember(false)
            .post();

        assertThat(browser.driver().manage().getCookieNamed("gazette_commenter")).isNull();
        ArticlePage next = ArticlePage.openSeed(browser, origin());
        assertThat(next.value("author")).isEmpty();
        assertThat(next.value("email")).isEmpty();
        assertThat(next.value("url")).isEmpty();
        assertThat(next.rememberBox().isSelected()).isFalse();
    }

    @Test
    void whatTheReaderTypedWinsOverRememberedDetailsWhenTheFormComesBack() {
        Browser browser = browsers.shared();
        postRemembering(browser);
        ArticlePage again = ArticlePage.openSeed(browser, origin());

        ArticlePage refused = again.type("Name", "Zoë Ångström-Berg").type("Email", "").post();

        assertThat(refused.value("email")).as("the refused form keeps the emptied field").isEmpty();
        assertThat(refused.value("author")).isEqualTo("Zoë Ångström-Berg");
        assertThat(refused.value("url")).isEqualTo(WEBSITE);
    }

    private void postRemembering(Browser browser) {
        ArticlePage page = ArticlePage.openSeed(browser, origin());
        assertThat(page.value("author")).isEmpty();
        ArticlePage posted = page.type("Comment", CommentFixtures.unique("Remember me, please."))
            .type("Name", NAME)
            .type("Email", EMAIL)
            .type("Website", WEBSITE)
            .remember(true)
            .post();
        posted.postedCommentId();
    }

    private String fetchArticle(String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest
            .newBuilder(URI.create(origin() + "/articles/" + ArticlePage.SEED_SLUG));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private String origin() {
        return "http://localhost:" + this.port;
    }

}
