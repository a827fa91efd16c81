package org.gazette.browser;

import java.util.List;

import org.gazette.comment.CommentService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replying to a comment, with the page's script (the form moves under the comment) and
 * without it (the "Reply" link opens the form as a reply on a new page).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gazette.moderation.mode=none")
class ReplyBrowserTests {

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension();

    @LocalServerPort
    int port;

    @Autowired
    CommentService comments;

    @Test
    void replyLinkMovesTheFormUnderTheCommentAndPostingNestsTheReply() {
        long parent = CommentFixtures
            .post(this.comments, "Ingrid Solberg", CommentFixtures.unique("Talks should go on."), null)
            .id();
        Browser browser = browsers.shared();
        ArticlePage page = ArticlePage.openSeed(browser, origin());
        String url = browser.currentUrl();

        page.replyLink(parent).click();

        browser.waitUntil((driver) -> formIsUnder(browser, parent));
        assertThat(browser.currentUrl()).as("no page load").isEqualTo(url);
        assertThat(page.formHeading()).isEqualTo("Reply to Ingrid Solberg");
        assertThat(page.cancelReply().isDisplayed()).isTrue();
        assertThat(Browser.text(page.cancelReply())).isEqualTo("Cancel reply");
        Boolean commentFocused = browser
            .script("return document.activeElement === document.getElementById('comment');");
        assertThat(commentFocused).as("the comment field has the focus").isTrue();

        String reply = CommentFixtures.unique("They should, and in good faith.");
        ArticlePage answered = page.postComment(reply, "Pieter de Vries", "pieter@example.org");

        long id = answered.postedCommentId();
        assertThat(nestedReplies(browser, parent)).extracting((li) -> li.getDomAttribute("id"))
            .contains("comment-" + id);
        assertThat(answered.commentText(id)).isEqualTo(reply);
        assertThat(answered.formHeading()).isEqualTo("Leave a Reply");
        assertThat(answered.value("replyTo")).isEmpty();
    }

    @Test
    void cancelReplyMovesTheFormBackAndPostsATopLevelComment() {
        long parent = CommentFixtures
            .post(this.comments, "Tomasz Zieliński", CommentFixtures.unique("Sanctions work slowly."), null)
            .id();
        Browser browser = browsers.shared();
        ArticlePage page = ArticlePage.openSeed(browser, origin());
        page.replyLink(parent).click();
        browser.waitUntil((driver) -> formIsUnder(browser, parent));

        page.cancelReply().click();

        browser.waitUntil((driver) -> !formIsUnder(browser, parent));
        Boolean backHome = browser
            .script("return document.getElementById('respond-home').nextElementSibling.id === 'respond';");
        assertThat(backHome).as("the form is back below the comments").isTrue();
        assertThat(page.formHeading()).isEqualTo("Leave a Reply");
        assertThat(page.cancelReply().isDisplayed()).isFalse();
        assertThat(page.value("replyTo")).isEmpty();

        String text = CommentFixtures.unique("A comment of its own.");
        ArticlePage posted = page.postComment(text, "Ana Popescu", "ana@example.org");
        long id = posted.postedCommentId();
        assertThat(browser.findAll(By.cssSelector("#comments > ol.comment-list > li#comment-" + id))).hasSize(1);
        assertThat(nestedReplies(browser, parent)).isEmpty();
    }

    @Test
    void withoutJavaScriptTheReplyLinkOpensTheFormAsAReplyAndPostingNestsIt() {
        long parent = CommentFixtures
            .post(this.comments, "Hélène Tremblay", CommentFixtures.unique("Ottawa must do more."), null)
            .id();
        Browser browser = browsers.freshWithoutJavaScript();
        ArticlePage page = ArticlePage.openSeed(browser, origin());

        browser.clickAndWaitForNextPage(page.replyLink(parent));

        assertThat(browser.currentUrl()).isEqualTo(
                origin() + "/articles/" + ArticlePage.SEED_SLUG + "?replyto=" + parent + "#respond");
        ArticlePage replying = ArticlePage.current(browser);
        assertThat(replying.formHeading()).isEqualTo("Reply to Hélène Tremblay");
        assertThat(replying.cancelReply().isDisplayed()).isTrue();
        assertThat(replying.value("replyTo")).isEqualTo(Long.toString(parent));

        String reply = CommentFixtures.unique("Agreed; and quickly.");
        ArticlePage answered = replying.postComment(reply, "Jonas Berg", "jonas@example.org");

        long id = answered.postedCommentId();
        assertThat(nestedReplies(browser, parent)).extracting((li) -> li.getDomAttribute("id"))
            .contains("comment-" + id);
        assertThat(answered.commentText(id)).isEqualTo(reply);
        assertThat(answered.formHeading()).isEqualTo("Leave a Reply");
    }

    @Test
    void withoutJavaScriptCancelReplyGoesBackToAPlainComment() {
        long parent = CommentFixtures
            .post(this.comments, "Ruth Okafor", CommentFixtures.unique("What about the Baltic states?"), null)
            .id();
        Browser browser = browsers.freshWithoutJavaScript();
        browser.open(origin() + "/articles/" + ArticlePage.SEED_SLUG + "?replyto=" + parent + "#respond");
        ArticlePage replying = ArticlePage.current(browser);
        assertThat(replying.formHeading()).isEqualTo("Reply to Ruth Okafor");

        browser.clickAndWaitForNextPage(replying.cancelReply());

        ArticlePage plain = ArticlePage.current(browser);
        assertThat(browser.currentUrl()).doesNotContain("replyto");
        assertThat(plain.formHeading()).isEqualTo("Leave a Reply");
        assertThat(plain.cancelReply().isDisplayed()).isFalse();
        assertThat(plain.value("replyTo")).isEmpty();
    }

    private static boolean formIsUnder(Browser browser, long commentId) {
        return !browser.findAll(By.cssSelector("li#comment-" + commentId + " #respond")).isEmpty();
    }

    private static List<WebElement> nestedReplies(Browser browser, long parent) {
        return browser.findAll(By.cssSelector("li#comment-" + parent + " > ol.children > li"));
    }

    private String origin() {
        return "http://localhost:" + this.port;
    }

}
