package org.gazette.browser;

import java.util.List;

import org.gazette.Change;
import org.gazette.comment.CommentService;
import org.gazette.comment.ReplyForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor at the desk in a real browser: signs in through the sign-in page, approves
 * a held comment and finds it on the article page, spams several at once, restores one
 * from Trash, and deletes permanently after confirming (with the script's dialog, and
 * without JavaScript through the confirmation page). Every action works from the
 * keyboard, and no desk page breaks the Content-Security-Policy.
 */
// An application of its own: sign-in failures that other test classes provoke on a shared one
// (same username, same address) would otherwise throttle this class's sign-ins.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gazette.editor.sign-in.max-failures=5")
class ModerationBrowserTests {

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension();

    @LocalServerPort
    int port;

    @Autowired
    private CommentService comments;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void cleanSlate(@Autowired ApplicationEventPublisher events) {
        this.jdbc.update("update comment set parent_id = null");
        this.jdbc.update("delete from comment");
        // the clean-up bypassed the application: the desk's tab counts must be read again
        events.publishEvent(Change.everything());
    }

    @Test
    void anEditorSignsInApprovesAHeldCommentAndSeesItOnTheArticlePage() {
        String text = CommentFixtures.unique("The alliance should say so plainly.");
        long id = held("Marta Kowalska", text);
        Browser browser = browsers.shared();

        browser.open(origin() + "/moderation");
        assertThat(browser.currentUrl()).isEqualTo(origin() + "/login");
        signIn(browser);

        assertThat(browser.currentUrl()).startsWith(origin() + "/moderation");
        assertThat(tabCount(browser, "Pending")).isEqualTo(1);
        WebElement row = browser.find(By.id("c" + id));
        assertThat(Browser.text(row.findElement(By.cssSelector(".queue-text")))).isEqualTo(text);
        assertThat(Browser.text(row.findElement(By.cssSelector(".queue-why")))).contains("first-time commenter");

        browser.clickAndWaitForNextPage(button(row, "Approve"));

        assertThat(notice(browser)).isEqualTo("Comment approved");
        assertThat(tabCount(browser, "Pending")).isZero();
        assertThat(tabCount(browser, "Approved")).isEqualTo(1);
        assertDeskIsClean(browser);

        ArticlePage article = ArticlePage.openSeed(browser, origin());
        assertThat(article.commentText(id)).isEqualTo(text);
        assertThat(article.commentCount()).isEqualTo(1);
    }

    @Test
    void anEditorSpamsSeveralCommentsAtOnce() {
        long one = held("Buyer One", CommentFixtures.unique("Cheap watches"));
        long two = held("Buyer Two", CommentFixtures.unique("Cheaper watches"));
        long three = held("Buyer Three", CommentFixtures.unique("Cheapest watches"));
        long keep = held("Real Reader", CommentFixtures.unique("A real point about the talks"));
        Browser browser = browsers.shared();
        browser.open(origin() + "/moderation");
        signIn(browser);

        WebElement selectAll = browser.find(By.id("select-all"));
        assertThat(selectAll.isDisplayed()).as("the script shows select-all").isTrue();
        selectAll.click();
        assertThat(checkbox(browser, one).isSelected()).isTrue();
        assertThat(checkbox(browser, keep).isSelected()).isTrue();
        checkbox(browser, keep).click();
        assertThat((Boolean) browser.script("return arguments[0].indeterminate;", selectAll)).isTrue();
        new Select(browser.find(By.id("bulk-action"))).selectByVisibleText("Spam");
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("[data-bulk-apply]")));

        assertThat(notice(browser)).isEqualTo("3 comments marked as spam");
        assertThat(tabCount(browser, "Spam")).isEqualTo(3);
        assertThat(rowIds(browser)).containsExactly(keep);

        browser.clickAndWaitForNextPage(browser.find(By.cssSelector(".tabs a[href*='status=spam']")));
        assertThat(rowIds(browser)).containsExactlyInAnyOrder(one, two, three);
        assertDeskIsClean(browser);
    }

    @Test
    void anEditorRestoresACommentFromTrashToWhereItWas() {
        String text = CommentFixtures.unique("Trashed by mistake");
        long id = held("Jonas Berg", text);
        Browser browser = browsers.shared();
        browser.open(origin() + "/moderation");
        signIn(browser);
        browser.clickAndWaitForNextPage(button(browser.find(By.id("c" + id)), "Approve"));
        browser.open(origin() + "/moderation?status=approved");
        browser.clickAndWaitForNextPage(button(browser.find(By.id("c" + id)), "Trash"));
        assertThat(ArticlePage.openSeed(browser, origin()).comments(id)).isEmpty();

        browser.open(origin() + "/moderation?status=trash");
        browser.clickAndWaitForNextPage(button(browser.find(By.id("c" + id)), "Restore"));

        assertThat(notice(browser)).isEqualTo("Comment restored");
        assertThat(tabCount(browser, "Trash")).isZero();
        assertThat(tabCount(browser, "Approved")).isEqualTo(1);
        assertThat(ArticlePage.openSeed(browser, origin()).commentText(id)).isEqualTo(text);
    }

    @Test
    void deletePermanentlyAsksFirstAndCancellingKeepsTheComment() {
        long id = held("Spammer", CommentFixtures.unique("Spam"));
        Browser browser = browsers.shared();
        browser.open(origin() + "/moderation");
        signIn(browser);
        browser.clickAndWaitForNextPage(button(browser.find(By.id("c" + id)), "Spam"));
        browser.open(origin() + "/moderation?status=spam");

        button(browser.find(By.id("c" + id)), "Delete permanently").click();
        browser.waitUntil(ExpectedConditions.alertIsPresent());
        assertThat(browser.driver().switchTo().alert().getText()).isEqualTo("Delete permanently? This cannot be undone.");
        browser.driver().switchTo().alert().dismiss();
        assertThat(rowIds(browser)).containsExactly(id);

        WebElement delete = button(browser.find(By.id("c" + id)), "Delete permanently");
        WebElement root = browser.find(By.tagName("html"));
        delete.click();
        browser.waitUntil(ExpectedConditions.alertIsPresent());
        browser.driver().switchTo().alert().accept();
        browser.waitUntil(Browser.gone(root));
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));

        assertThat(notice(browser)).isEqualTo("Comment deleted permanently");
        assertThat(count(id)).isZero();
    }

    @Test
    void withoutJavaScriptDeletePermanentlyGoesThroughAConfirmationPage() {
        long id = held("Spammer", CommentFixtures.unique("More spam"));
        Browser browser = browsers.freshWithoutJavaScript();
        browser.open(origin() + "/moderation");
        signIn(browser);
        assertThat(browser.find(By.cssSelector("[data-select-all-wrapper]")).isDisplayed()).isFalse();
        browser.clickAndWaitForNextPage(button(browser.find(By.id("c" + id)), "Trash"));
        browser.open(origin() + "/moderation?status=trash");

        browser.clickAndWaitForNextPage(button(browser.find(By.id("c" + id)), "Delete permanently"));

        assertThat(Browser.text(browser.find(By.tagName("h1")))).isEqualTo("Delete this comment permanently?");
        assertThat(count(id)).isEqualTo(1);
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("button.button-danger")));
        assertThat(notice(browser)).isEqualTo("Comment deleted permanently");
        assertThat(browser.currentUrl()).isEqualTo(origin() + "/moderation?status=trash");
        assertThat(count(id)).isZero();
    }

    @Test
    void everyActionWorksFromTheKeyboardWithAVisibleFocus() {
        long id = held("Keyboard User", CommentFixtures.unique("Approve me by keyboard"));
        Browser browser = browsers.shared();
        browser.open(origin() + "/moderation");
        signIn(browser);

        WebElement box = checkbox(browser, id);
        box.sendKeys(Keys.SPACE);
        assertThat(box.isSelected()).isTrue();
        WebElement approve = button(browser.find(By.id("c" + id)), "Approve");
        browser.script("arguments[0].focus();", box);
        List<String> tabbedThrough = new java.util.ArrayList<>();
        for (int i = 0; i < 12 && !approve.equals(browser.driver().switchTo().activeElement()); i++) {
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            tabbedThrough.add(browser.driver().switchTo().activeElement().getTagName());
        }
        assertThat(browser.driver().switchTo().activeElement()).as("reached by Tab through %s", tabbedThrough)
            .isEqualTo(approve);
        assertThat(approve.getCssValue("outline-style")).isEqualTo("solid");
        WebElement root = browser.find(By.tagName("html"));
        approve.sendKeys(Keys.ENTER);
        browser.waitUntil(Browser.gone(root));

        assertThat(notice(browser)).isEqualTo("Comment approved");
    }

    @Test
    void anUnknownTabAnswersWithTheStyledBadRequestPage() {
        Browser browser = browsers.shared();
        browser.open(origin() + "/moderation");
        signIn(browser);

        browser.open(origin() + "/moderation?status=published");

        assertThat(Browser.text(browser.find(By.tagName("h1")))).isEqualTo("Bad request");
        assertThat(Browser.text(browser.find(By.cssSelector(".error-code")))).isEqualTo("400");
        // Chromium logs the page's own status as an error; nothing else may be logged.
        assertThat(browser.consoleErrors()).singleElement().asString().contains("status of 400");
    }

    private void signIn(Browser browser) {
        browser.find(By.id("username")).sendKeys("editor");
        browser.find(By.id("password")).sendKeys("test-editor-password");
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector(".login-form button[type=submit]")));
    }

    private long held(String name, String text) {
        ReplyForm form = new ReplyForm();
        form.setAuthor(name);
        form.setEmail(name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.org");
        form.setComment(text);
        return this.comments.submit(ArticlePage.SEED_SLUG, form, "192.0.2.10").id();
    }

    private int count(long id) {
        return this.jdbc.queryForObject("select count(*) from comment where id = ?", Integer.class, id);
    }

    private static WebElement button(WebElement row, String label) {
        return row.findElements(By.cssSelector(".queue-actions button"))
            .stream()
            .filter((button) -> Browser.text(button.findElement(By.tagName("span"))).equals(label))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No " + label + " button in " + row.getDomAttribute("id")));
    }

    private static WebElement checkbox(Browser browser, long id) {
        return browser.find(By.id("c" + id + "-select"));
    }

    private static String notice(Browser browser) {
        return Browser.text(browser.find(By.cssSelector(".desk-notice")));
    }

    private static int tabCount(Browser browser, String tab) {
        return browser.findAll(By.cssSelector(".tabs a"))
            .stream()
            .filter((link) -> Browser.text(link).startsWith(tab + " "))
            .map((link) -> Integer.parseInt(Browser.text(link.findElement(By.cssSelector(".count-badge")))))
            .findFirst()
            .orElseThrow();
    }

    private static List<Long> rowIds(Browser browser) {
        return browser.findAll(By.cssSelector(".queue-item"))
            .stream()
            .map((item) -> Long.parseLong(item.getDomAttribute("id").substring(1)))
            .toList();
    }

    private static void assertDeskIsClean(Browser browser) {
        assertThat(browser.cspViolations()).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private String origin() {
        return "http://localhost:" + this.port;
    }

}
