package org.gazette.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With moderation off, a comment a reader posts is published at once: everyone sees it
 * and it is counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gazette.moderation.mode=none")
class PostingUnmoderatedBrowserTests {

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension();

    @LocalServerPort
    int port;

    @Test
    void postedCommentAppearsAtOnceAndIsCounted() {
        Browser author = browsers.shared();
        ArticlePage page = ArticlePage.openSeed(author, origin());
        int before = page.commentCount();
        String text = CommentFixtures.unique("Diplomacy first, then sanctions.\nThat is the order.");

        ArticlePage afterPost = page.postComment(text, "Olek Nowak", "olek@example.org");

        long id = afterPost.postedCommentId();
        assertThat(author.currentUrl()).doesNotContain("held=");
        assertThat(afterPost.commentCount()).isEqualTo(before + 1);
        assertThat(afterPost.commentText(id)).isEqualTo(text);
        assertThat(afterPost.commentAuthor(id)).isEqualTo("Olek Nowak");
        assertThat(afterPost.comment(id).findElements(By.cssSelector(".comment-awaiting-note"))).isEmpty();
        assertThat(afterPost.value("comment")).as("the form is ready for the next comment").isEmpty();

        Browser someoneElse = browsers.fresh();
        ArticlePage theirs = ArticlePage.openSeed(someoneElse, origin());
        assertThat(theirs.commentText(id)).isEqualTo(text);
        assertThat(theirs.commentCount()).isEqualTo(before + 1);
    }

    private String origin() {
        return "http://localhost:" + this.port;
    }

}
