package org.gazette.browser;

import org.gazette.Change;
import org.gazette.SharedChanges;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor signs in, changes a setting on the settings page, and the very next
 * comment a reader posts through the article's form follows it: with moderation off a
 * comment appears at once; after the editor picks "Hold every comment", the next one
 * awaits moderation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gazette.moderation.mode=none")
class SettingsBrowserTests {

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SharedChanges changes;

    /** Back to the property defaults: the context is shared with other browser tests. */
    @AfterEach
    void restoreDefaults() {
        this.jdbc.update("update comment_settings set moderation_mode = null, max_links = null, "
                + "close_after_days = null, disallowed_words = '', moderation_words = ''");
        this.changes.publish(Change.everything());
    }

    @Test
    void anEditorHoldsEveryCommentAndTheNextCommentAwaitsModeration() {
        Browser reader = browsers.fresh();
        ArticlePage before = ArticlePage.openSeed(reader, origin())
            .postComment(CommentFixtures.unique("Published at once?"), "Ines Reader", "ines@example.org");
        assertThat(before.comment(before.postedCommentId()).findElements(By.cssSelector(".comment-awaiting-note")))
            .as("moderation is off before the editor changes it")
            .isEmpty();

        Browser editor = browsers.shared();
        editor.open(origin() + "/moderation/settings");
        assertThat(editor.currentUrl()).isEqualTo(origin() + "/login");
        labelled(editor, "Username").sendKeys("editor");
        labelled(editor, "Password").sendKeys("test-editor-password");
        editor.clickAndWaitForNextPage(editor.find(By.cssSelector(".login-form button[type=submit]")));
        assertThat(editor.currentUrl()).as("back to the page first asked for")
            .isEqualTo(origin() + "/moderation/settings");
        assertThat(Browser.text(editor.find(By.tagName("h1")))).isEqualTo("Comment settings");

        WebElement holdEverything = labelled(editor, "Hold every comment Nothing appears until an editor approves it.");
        holdEverything.click();
        assertThat(holdEverything.isSelected()).isTrue();
        editor.clickAndWaitForNextPage(editor.find(By.cssSelector(".settings-form button[type=submit]")));
        assertThat(Browser.text(editor.find(By.cssSelector(".notice-success"))))
            .isEqualTo("Settings saved: 1 change. They apply to the next comment posted.");
        assertThat(editor.find(By.cssSelector("input[name=mode][value=ALL]")).isSelected()).isTrue();

        String text = CommentFixtures.unique("Is this one held?");
        ArticlePage after = ArticlePage.openSeed(reader, origin()).postComment(text, "Ines Reader", "ines@example.org");
        long id = after.postedCommentId();
        assertThat(after.commentText(id)).isEqualTo(text);
        assertThat(Browser.text(after.comment(id).findElement(By.cssSelector(".comment-awaiting-note"))))
            .isEqualTo("Your comment is awaiting moderation.");
        assertThat(editor.cspViolations()).isEmpty();
    }

    /** The control a {@code <label>} with this text (whitespace collapsed) is tied to. */
    private static WebElement labelled(Browser browser, String label) {
        WebElement element = browser.find(By.xpath("//label[normalize-space(.)='" + label + "']"));
        return browser.find(By.id(element.getDomAttribute("for")));
    }

    private String origin() {
        return "http://localhost:" + this.port;
    }

}
