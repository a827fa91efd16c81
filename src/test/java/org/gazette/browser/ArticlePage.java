package org.gazette.browser;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The article page as a reader's browser shows it: the comments and the "Leave a Reply"
 * form, found by the ids and labels of the page contract.
 */
final class ArticlePage {

    static final String SEED_SLUG = "as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    static final String SEED_HEADLINE = "As talks with Russia halt, NATO chief warns of new war in Europe";

    private static final Pattern COMMENT_FRAGMENT = Pattern.compile("#comment-(\\d+)$");

    private static final Pattern COUNT = Pattern.compile("^(\\d+) comments?$");

    private final Browser browser;

    private ArticlePage(Browser browser) {
        this.browser = browser;
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("comments")));
    }

    /** Opens the seed article on the server at {@code origin}. */
    static ArticlePage openSeed(Browser browser, String origin) {
        return open(browser, origin + "/articles/" + SEED_SLUG);
    }

    static ArticlePage open(Browser browser, String url) {
        browser.open(url);
        return new ArticlePage(browser);
    }

    /** The page the browser shows now, which must be an article page. */
    static ArticlePage current(Browser browser) {
        return new ArticlePage(browser);
    }

    /** The number of approved comments, as the comment section's heading says. */
    int commentCount() {
        String heading = Browser.text(this.browser.find(By.id("comments-title")));
        Matcher count = COUNT.matcher(heading);
        if (!count.matches()) {
            throw new AssertionError("The comment heading does not give a count: " + heading);
        }
        return Integer.parseInt(count.group(1));
    }

    /** The comment element {@code li#comment-{id}}, if the page shows it. */
    List<WebElement> comments(long id) {
        return this.browser.findAll(By.id("comment-" + id));
    }

    WebElement comment(long id) {
        return this.browser.find(By.id("comment-" + id));
    }

    /** The text of the comment itself (not its replies). */
    String commentText(long id) {
        return this.browser.find(By.cssSelector("#comment-" + id + " > .comment-body .comment-content")).getText();
    }

    String commentAuthor(long id) {
        return this.browser.find(By.cssSelector("#comment-" + id + " > .comment-body .comment-author")).getText();
    }

    /** The id of the comment the page was redirected to after posting ({@code #comment-{id}}). */
    long postedCommentId() {
        Matcher fragment = COMMENT_FRAGMENT.matcher(this.browser.currentUrl());
        if (!fragment.find()) {
            throw new AssertionError("Not redirected to a comment: " + this.browser.currentUrl());
        }
        return Long.parseLong(fragment.group(1));
    }

    WebElement respond() {
        return this.browser.find(By.id("respond"));
    }

    /** The form's heading: "Leave a Reply" or "Reply to {name}". */
    String formHeading() {
        return Browser.text(this.browser.find(By.cssSelector("#reply-title .reply-title-text")));
    }

    WebElement cancelReply() {
        return this.browser.find(By.id("cancel-reply"));
    }

    /** The "Reply" link under a comment. */
    WebElement replyLink(long id) {
        return this.browser.find(By.cssSelector("#comment-" + id + " > .comment-body .comment-reply-link"));
    }

    WebElement field(String id) {
        return this.browser.find(By.id(id));
    }

    String value(String id) {
        return field(id).getDomProperty("value");
    }

    /** Types into the field labelled {@code label}, replacing what was there. */
    ArticlePage type(String label, String text) {
        WebElement field = labelled(label);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** The field a {@code <label>} with this text is tied to. */
    WebElement labelled(String label) {
        WebElement element = this.browser.find(By.xpath("//form[@id='commentform']//label[normalize-space(.)='"
                + label + "' or normalize-space(.)='" + label + " *']"));
        return this.browser.find(By.id(element.getDomAttribute("for")));
    }

    WebElement rememberBox() {
        return labelled("Save my name, email, and website in this browser for the next time I comment.");
    }

    ArticlePage remember(boolean remember) {
        WebElement box = rememberBox();
        if (box.isSelected() != remember) {
            box.click();
        }
        return this;
    }

    WebElement postButton() {
        return this.browser.find(By.cssSelector("#commentform button[type=submit]"));
    }

    /** Presses "Post Comment" and returns the page the server answers with. */
    ArticlePage post() {
        this.browser.clickAndWaitForNextPage(postButton());
        return new ArticlePage(this.browser);
    }

    /** Fills in a comment, a name and an email address and posts them. */
    ArticlePage postComment(String text, String name, String email) {
        return type("Comment", text).type("Name", name).type("Email", email).post();
    }

}
