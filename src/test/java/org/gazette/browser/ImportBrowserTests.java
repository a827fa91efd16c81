package org.gazette.browser;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator uploads a WordPress export on the desk's import page: the page comes
 * back at once with the import under way, its script follows it, and the page ends up
 * showing its summary; a malformed file ends as failed with its line and reason. With
 * {@code -Dgazette.test.screenshots=DIR} it saves the page at 1280 and 390 pixels wide.
 */
// a context (and database) of its own: other tests' refused sign-ins as "editor" from this
// machine would otherwise leave the account throttled when this one signs in
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gazette.import.max-upload-bytes=64MB")
class ImportBrowserTests {

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension();

    @LocalServerPort
    int port;

    @TempDir
    Path directory;

    @Test
    void anAdministratorUploadsAnExportAndSeesItsProgressAndResult() throws Exception {
        Browser editor = browsers.fresh();
        editor.open(origin() + "/moderation/articles/import");
        labelled(editor, "Username").sendKeys("editor");
        labelled(editor, "Password").sendKeys("test-editor-password");
        editor.clickAndWaitForNextPage(editor.find(By.cssSelector(".login-form button[type=submit]")));
        assertThat(editor.currentUrl()).isEqualTo(origin() + "/moderation/articles/import");
        assertThat(Browser.text(editor.find(By.tagName("h1")))).isEqualTo("Import articles and comments");

        Path export = this.directory.resolve("wordpress-1.2.xml");
        try (InputStream in = new ClassPathResource("exchange/wordpress-1.2.xml").getInputStream()) {
            Files.copy(in, export);
        }
        labelled(editor, "File").sendKeys(export.toString());
        editor.clickAndWaitForNextPage(editor.find(By.cssSelector(".import-form button[type=submit]")));

        WebElement job = editor.find(By.cssSelector(".import-job"));
        assertThat(Browser.text(job.findElement(By.cssSelector(".import-job-file")))).isEqualTo("wordpress-1.2.xml");
        new WebDriverWait(editor.driver(), Duration.ofSeconds(90))
            .until((driver) -> !driver.findElements(By.cssSelector(".import-job-done .import-job-summary")).isEmpty());
        WebElement done = editor.find(By.cssSelector(".import-job"));
        assertThat(Browser.text(done.findElement(By.cssSelector(".import-job-state")))).isEqualTo("Done");
        assertThat(Browser.text(done.findElement(By.cssSelector(".import-job-summary"))))
            .startsWith("wordpress-1.2.xml (WordPress export): ")
            .contains("comments created: ");

        Path bad = this.directory.resolve("broken.xml");
        Files.writeString(bad, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n<item><title>Half");
        labelled(editor, "File").sendKeys(bad.toString());
        editor.clickAndWaitForNextPage(editor.find(By.cssSelector(".import-form button[type=submit]")));
        new WebDriverWait(editor.driver(), Duration.ofSeconds(60))
            .until((driver) -> !driver.findElements(By.cssSelector(".import-job-failed")).isEmpty());
        assertThat(Browser.text(editor.find(By.cssSelector(".import-job-failed .import-job-message"))))
            .startsWith("broken.xml: line ");
        assertThat(editor.cspViolations()).isEmpty();
        assertThat(editor.consoleErrors()).isEmpty();

        screenshots(editor);
    }

    private void screenshots(Browser browser) throws Exception {
        String directory = System.getProperty("gazette.test.screenshots");
        if (directory == null) {
            return;
        }
        for (int width : new int[] { 1280, 390 }) {
            browser.driver().manage().window().setSize(new Dimension(width, 900));
            long height = (Long) browser.driver().executeScript("return document.documentElement.scrollHeight");
            browser.driver().manage().window().setSize(new Dimension(width, (int) Math.min(height + 100, 3000)));
            byte[] png = browser.driver().getScreenshotAs(OutputType.BYTES);
            Files.write(Path.of(directory, "transfer-cli-import-" + width + ".png"), png);
        }
    }

    private static WebElement labelled(Browser browser, String label) {
        WebElement element = browser.find(By.xpath("//label[normalize-space(.)='" + label + "']"));
        return browser.find(By.id(element.getDomAttribute("for")));
    }

    private String origin() {
        return "http://localhost:" + this.port;
    }

}
