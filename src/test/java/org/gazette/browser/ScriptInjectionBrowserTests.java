package org.gazette.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markup typed into the form is shown as the text it is and never runs: neither in a
 * published comment, nor in the form a refusal sends back, nor when the script fills
 * in remembered details.
 * <p>
 * The Content-Security-Policy alone would stop an inline script from running, so these
 * tests also look for the elements an injection would create and for policy violations,
 * which an injection would cause even where the policy blocked it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gazette.moderation.mode=none")
class ScriptInjectionBrowserTests {

    private static final String SCRIPT = "<script>alert(1)</script>";

    private static final String IMAGE = "<img src=x onerror=\"window.__xss=1;alert(1)\">";

    /** Tries to close the attribute it is put in first. */
    private static final String BREAKOUT = "\"><img src=x onerror=alert(1)><script>window.__xss=1</script>";

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension();

    @LocalServerPort
    int port;

    @Test
    void publishedCommentAndNameShowTheMarkupAsTextAndRunNothing() {
        Browser browser = browsers.shared();
        ArticlePage page = ArticlePage.openSeed(browser, origin());
        browser.consoleErrors();
        String text = CommentFixtures.unique(SCRIPT + " and " + IMAGE + " and " + BREAKOUT);
        String name = SCRIPT + IMAGE;

        ArticlePage posted = page.type("Comment", text)
            .type("Name", name)
            .type("Email", "mallory@example.org")
            .remember(true)
            .post();

        assertNothingRan(browser);
        long id = posted.postedCommentId();
        assertThat(posted.commentText(id)).isEqualTo(text);
        assertThat(posted.commentAuthor(id)).isEqualTo(name);
        assertThat(browser.findAll(By.cssSelector("#comment-" + id + " .comment-content *")))
            .as("no element made from the text")
            .allSatisfy((element) -> assertThat(element.getTagName()).isEqualTo("p"));
        assertThat(posted.replyLink(id).getDomAttribute("aria-label")).isEqualTo("Reply to " + name);

        // The next visit: the script fills the name in from the remembered details.
        ArticlePage again = ArticlePage.openSeed(browser, origin());
        assertThat(again.value("author")).isEqualTo(name);
        assertNothingRan(browser);

        // The reply link's heading is set by the script, as text.
        again.replyLink(id).click();
        browser.waitUntil((driver) -> !browser.findAll(By.cssSelector("li#comment-" + id + " #respond")).isEmpty());
        assertThat(again.formHeading()).isEqualTo("Reply to " + name);
        assertNothingRan(browser);
    }

    @Test
    void refusedEmailAndWebsiteComeBackInTheFormAsTextAndRunNothing() {
        Browser browser = browsers.shared();
        ArticlePage page = ArticlePage.openSeed(browser, origin());
        browser.consoleErrors();
        String text = CommentFixtures.unique(BREAKOUT + " " + IMAGE);

        ArticlePage refused = page.type("Comment", text)
            .type("Name", BREAKOUT)
            .type("Email", SCRIPT)
            .type("Website", IMAGE)
            .post();

        // Chromium logs the refusal's own status as an error; nothing else may be logged.
        assertThat(browser.consoleErrors()).singleElement()
            .asString()
            .contains("/comments - ")
            .contains("status of 422");
        assertNothingRan(browser);
        assertThat(Browser.text(browser.find(By.id("email-error"))))
            .isEqualTo("Enter an email address in the correct format, like name@example.com.");
        assertThat(Browser.text(browser.find(By.id("url-error"))))
            .isEqualTo("Enter a website address that starts with http:// or https://, like https://example.com.");
        assertThat(refused.value("comment")).isEqualTo(text);
        assertThat(refused.value("author")).isEqualTo(BREAKOUT);
        assertThat(refused.value("email")).isEqualTo(SCRIPT);
        assertThat(refused.value("url")).isEqualTo(IMAGE);
        assertThat(browser.find(By.id("comments")).getText()).as("nothing published").doesNotContain(text);
    }

    private static void assertNothingRan(Browser browser) {
        assertThat(browser.dialogOpen()).as("an alert opened").isFalse();
        Object flag = browser.script("return window.__xss;");
        assertThat(flag).as("window.__xss set by an injected handler").isNull();
        assertThat(browser.findAll(By.cssSelector("img[src='x'], main script, main iframe")))
            .as("elements made from what a reader typed")
            .isEmpty();
        List<String> scripts = browser.script("""
                return Array.from(document.scripts).map(function (script) {
                  return script.src ? new URL(script.src).pathname : script.type;
                });""");
        assertThat(scripts).allSatisfy((script) -> assertThat(script).matches("/js/gazette.*\\.js|application/ld\\+json"));
        assertThat(browser.cspViolations()).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private String origin() {
        return "http://localhost:" + this.port;
    }

}
