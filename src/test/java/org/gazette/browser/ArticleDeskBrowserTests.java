package org.gazette.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.gazette.article.TestPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor signs in, writes an article with a photo uploaded from a file, previews
 * it, publishes it; a reader opens it, sees the photo with its caption and credit, and
 * comments on it. With {@code -Dgazette.screenshots=DIR} the pages are also saved as
 * screenshots, at 1280 and 390 pixels wide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gazette.moderation.mode=none")
class ArticleDeskBrowserTests {

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension();

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    @Test
    void anEditorPublishesAnArticleWithAPhotoAndAReaderCommentsOnIt() throws IOException {
        String headline = "Harbour reopens after the storm " + UUID.randomUUID().toString().substring(0, 6);
        Path photo = this.files.resolve("harbour.jpg");
        Files.write(photo, TestPhotos.jpeg(640, 400));

        Browser editor = browsers.shared();
        editor.open(origin() + "/moderation/articles");
        assertThat(editor.currentUrl()).isEqualTo(origin() + "/login");
        labelled(editor, "Username").sendKeys("editor");
        labelled(editor, "Password").sendKeys("test-editor-password");
        editor.clickAndWaitForNextPage(editor.find(By.cssSelector(".login-form button[type=submit]")));
        assertThat(editor.currentUrl()).isEqualTo(origin() + "/moderation/articles");
        assertThat(Browser.text(editor.find(By.tagName("h1")))).isEqualTo("Articles");

        editor.clickAndWaitForNextPage(editor.find(By.linkText("New article")));
        labelled(editor, "Headline").sendKeys(headline);
        editor.script("arguments[0].value = '2022-03-04'", labelled(editor, "Dateline"));
        labelled(editor, "Byline (optional)").sendKeys("By Ann Writer");
        labelled(editor, "Standfirst (optional)").sendKeys("The ferries run again from Monday.");
        labelled(editor, "Body").sendKeys("The harbour reopened on Friday morning.\n\n## What changes\n\n"
                + "Boats leave from the north quay while the south quay is repaired.");
        labelled(editor, "Image file").sendKeys(photo.toAbsolutePath().toString());
        labelled(editor, "Alt text").sendKeys("Fishing boats leaving the harbour at dawn");
        labelled(editor, "Caption").sendKeys("The first boats leave the harbour on Friday.");
        labelled(editor, "Credit (optional)").sendKeys("Ann Photographer");
        editor.clickAndWaitForNextPage(editor.find(By.xpath("//button[normalize-space(.)='Add the photo']")));

        WebElement preview = editor.find(By.cssSelector(".article-preview"));
        assertThat(Browser.text(preview.findElement(By.tagName("h1")))).isEqualTo(headline);
        WebElement previewImage = preview.findElement(By.cssSelector("figure img"));
        assertThat(previewImage.getDomAttribute("alt")).isEqualTo("Fishing boats leaving the harbour at dawn");
        assertThat(loaded(editor, previewImage)).as("the uploaded photo is served").isTrue();
        assertThat(labelled(editor, "Body").getDomProperty("value"))
            .contains("Boats leave from the north quay", "![Fishing boats leaving the harbour at dawn](/media/",
                    "The first boats leave the harbour on Friday. (Ann Photographer)");
        assertThat(labelled(editor, "Headline").getDomProperty("value")).isEqualTo(headline);
        screenshots(editor, "form-preview");

        editor.clickAndWaitForNextPage(editor.find(By.xpath("//button[normalize-space(.)='Publish']")));
        assertThat(Browser.text(editor.find(By.cssSelector(".notice-success")))).isEqualTo("“" + headline + "” published.");
        String publicUrl = editor.find(By.linkText("View on the site")).getDomProperty("href");
        editor.clickAndWaitForNextPage(editor.find(By.linkText("All articles")));
        assertThat(Browser.text(editor.find(By.cssSelector(".desk-articles-table tbody tr")))).startsWith(headline)
            .contains("Published", "March 4, 2022", "no approved comments, open");
        screenshots(editor, "list");

        Browser reader = browsers.fresh();
        ArticlePage page = ArticlePage.open(reader, publicUrl);
        assertThat(Browser.text(reader.find(By.tagName("h1")))).isEqualTo(headline);
        WebElement image = reader.find(By.cssSelector(".article-body figure img"));
        assertThat(image.getDomAttribute("alt")).isEqualTo("Fishing boats leaving the harbour at dawn");
        assertThat(image.getDomAttribute("width")).isEqualTo("640");
        assertThat(image.getDomAttribute("height")).isEqualTo("400");
        reader.script("arguments[0].scrollIntoView()", image);
        assertThat(loaded(reader, image)).as("readers get the photo").isTrue();
        assertThat(Browser.text(reader.find(By.cssSelector(".article-body figure .credit"))))
            .isEqualTo("Ann Photographer");
        assertThat(Browser.text(reader.find(By.cssSelector(".article-body h2")))).isEqualTo("What changes");
        screenshots(reader, "article-with-photo");

        String comment = CommentFixtures.unique("Good to have the ferries back.");
        ArticlePage commented = page.postComment(comment, "Ines Reader", "ines@example.org");
        assertThat(commented.commentText(commented.postedCommentId())).isEqualTo(comment);
        assertThat(reader.cspViolations()).isEmpty();
        assertThat(editor.cspViolations()).isEmpty();
    }

    /** Whether the image has loaded and decoded (lazy images load once scrolled to). */
    private static boolean loaded(Browser browser, WebElement image) {
        return browser.waitUntil((driver) -> Boolean.TRUE
            .equals(browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0", image)));
    }

    /** Saves the whole page at 1280 and 390 pixels wide when {@code gazette.screenshots} names a folder. */
    private static void screenshots(Browser browser, String name) {
        String folder = System.getProperty("gazette.screenshots");
        if (folder == null) {
            return;
        }
        Dimension before = browser.driver().manage().window().getSize();
        try {
            for (int width : new int[] { 1280, 390 }) {
                browser.driver().manage().window().setSize(new Dimension(width, 900));
                long height = browser.script("return document.documentElement.scrollHeight");
                browser.driver().manage().window().setSize(new Dimension(width, (int) Math.min(height + 140, 8000)));
                byte[] png = browser.driver().getScreenshotAs(OutputType.BYTES);
                Files.write(Path.of(folder, "desk-articles-" + name + "-" + width + ".png"), png);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            browser.driver().manage().window().setSize(before);
        }
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
