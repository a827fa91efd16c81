package org.gazette.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader types a comment into the form and posts it, with first-time commenters held
 * for moderation: they see their own comment awaiting moderation, nobody else does; and
 * a form posted with missing fields comes back with the errors and what they typed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gazette.moderation.mode=first-time")
class PostingBrowserTests {

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension();

    @LocalServerPort
    int port;

    @Test
    void heldCommentIsShownToItsAuthorAwaitingModerationButNotInASecondBrowser() {
        Browser author = browsers.shared();
        ArticlePage page = ArticlePage.openSeed(author, origin());
        int approvedBefore = page.commentCount();
        String text = CommentFixtures.unique("First time here. Stoltenberg sounds worried.");

        ArticlePage afterPost = page.postComment(text, "Margit Kovács", "margit@example.org");

        long id = afterPost.postedCommentId();
        assertThat(author.currentUrl()).startsWith(origin() + "/articles/" + ArticlePage.SEED_SLUG + "?held=");
        assertThat(afterPost.comment(id).isDisplayed()).isTrue();
        assertThat(afterPost.commentText(id)).isEqualTo(text);
        assertThat(afterPost.commentAuthor(id)).isEqualTo("Margit Kovács");
        assertThat(Browser.text(afterPost.comment(id).findElement(By.cssSelector(".comment-awaiting-note"))))
            .isEqualTo("Your comment is awaiting moderation.");
        assertThat(afterPost.commentCount()).as("held comments are not counted").isEqualTo(approvedBefore);

        Browser someoneElse = browsers.fresh();
        ArticlePage theirs = ArticlePage.openSeed(someoneElse, origin());
        assertThat(theirs.comments(id)).isEmpty();
        assertThat(someoneElse.find(By.id("comments")).getText()).doesNotContain(text).doesNotContain("Margit");
        assertThat(someoneElse.driver().getPageSource()).doesNotContain(text)
            .doesNotContain("awaiting moderation");
        assertThat(theirs.commentCount()).isEqualTo(approvedBefore);
    }

    @Test
    void emptyFieldsComeBackWithASummaryAndMessagesBesideTheFieldsKeepingWhatWasTyped() {
        Browser browser = browsers.shared();
        ArticlePage page = ArticlePage.openSeed(browser, origin());

        ArticlePage refused = page.type("Name", "Zoë Ångström")
            .type("Website", "https://zoe.example.org/")
            .post();

        WebElement summary = browser.find(By.cssSelector("#commentform .error-summary"));
        assertThat(summary.isDisplayed()).isTrue();
        assertThat(Browser.text(summary.findElement(By.tagName("h3")))).isEqualTo("There is a problem");
        List<WebElement> links = summary.findElements(By.cssSelector("a"));
        assertThat(links).extracting(Browser::text)
            .containsExactly("Enter your comment.", "Enter your email address.");
        assertThat(links).extracting((link) -> link.getDomAttribute("href")).containsExactly("#comment", "#email");
        assertThat(Browser.text(browser.find(By.id("comment-error")))).isEqualTo("Enter your comment.");
        assertThat(Browser.text(browser.find(By.id("email-error")))).isEqualTo("Enter your email address.");
        assertThat(refused.field("comment").getDomAttribute("aria-describedby")).contains("comment-error");
        assertThat(refused.field("email").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findAll(By.id("author-error"))).isEmpty();
        assertThat(refused.value("author")).isEqualTo("Zoë Ångström");
        assertThat(refused.value("url")).isEqualTo("https://zoe.example.org/");
        Boolean summaryFocused = browser.script(
                "return document.activeElement === document.querySelector('#commentform .error-summary');");
        assertThat(summaryFocused).as("the error summary has the focus").isTrue();

        // A link in the summary takes the reader to the field.
        links.get(1).click();
        assertThat(browser.currentUrl()).endsWith("#email");
        Boolean fieldInView = browser.script("""
                var box = document.getElementById('email').getBoundingClientRect();
                return box.top >= 0 && box.bottom <= window.innerHeight;""");
        assertThat(fieldInView).isTrue();
    }

    private String origin() {
        return "http://localhost:" + this.port;
    }

}
