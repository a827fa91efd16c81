package org.gazette.browser;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.gazette.article.Article;
import org.gazette.article.ArticleRepository;
import org.gazette.article.PhotoCaption;
import org.gazette.article.PhotoLibrary;
import org.gazette.article.StoredPhoto;
import org.gazette.article.TestPhotos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader sees an uploaded photo in an article, on a desktop screen and on a phone: the
 * image loads under the page's Content-Security-Policy, keeps its proportions and its
 * space is reserved before it arrives. Set {@code gazette.test.screenshots} to a folder
 * to keep a screenshot of each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PhotoBrowserTests {

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension();

    @LocalServerPort
    int port;

    @Autowired
    PhotoLibrary photos;

    @Autowired
    ArticleRepository articles;

    @Autowired
    Clock clock;

    private Browser browser;

    private String path;

    private StoredPhoto stored;

    @BeforeEach
    void articleWithAPhoto() {
        this.stored = this.photos.store("harbour.jpg", TestPhotos.write(picture(1200, 800), "jpeg"));
        Article article = new Article("harbour-at-dawn-" + System.nanoTime(), "Fishing fleet returns to a harbour at dawn",
                this.clock.instant(), this.clock.instant());
        article.addParagraph("The boats came in before six, low in the water after a week at sea.");
        article.addPhoto(new PhotoCaption("Trawlers tie up at the east quay on Friday morning.",
                "Staff Photographer / Gazette", this.stored.url(), "Three trawlers moored side by side at a stone quay",
                this.stored.width(), this.stored.height()));
        article.addParagraph("Prices at the fish market fell by a third by noon.");
        this.articles.saveAndFlush(article);
        this.path = "/articles/" + article.getSlug();
        this.browser = browsers.shared();
    }

    @AfterEach
    void noErrors() {
        assertThat(this.browser.cspViolations()).isEmpty();
        assertThat(this.browser.consoleErrors()).isEmpty();
    }

    @Test
    void showsThePhotoAtItsProportionsOnADesktopScreen() throws IOException {
        this.browser.open("http://localhost:" + this.port + this.path);

        WebElement image = loadedImage();

        assertThat(image.getSize().getWidth()).isGreaterThan(300);
        assertThat((double) image.getSize().getHeight() / image.getSize().getWidth()).isCloseTo(800.0 / 1200,
                org.assertj.core.data.Offset.offset(0.01));
        screenshot("photos-article-1280");
    }

    @Test
    void reservesThePhotosSpaceBeforeItLoadsAndFitsAPhone() throws IOException {
        this.browser.driver()
            .executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        try {
            this.browser.open("http://localhost:" + this.port + this.path);
            WebElement image = this.browser.find(By.cssSelector("figure.photo img"));
            Long reserved = this.browser.script(
                    "var img = document.querySelector('figure.photo img'); var probe = img.cloneNode();"
                            + " probe.removeAttribute('src'); img.parentNode.insertBefore(probe, img);"
                            + " var h = Math.round(probe.getBoundingClientRect().height); probe.remove(); return h;");
            WebElement loaded = loadedImage();

            assertThat(reserved).as("height held for an image that has not loaded")
                .isEqualTo((long) loaded.getSize().getHeight());
            assertThat(image.getSize().getWidth()).isLessThanOrEqualTo(390);
            Long content = this.browser.script("return document.documentElement.scrollWidth;");
            assertThat(content).isLessThanOrEqualTo(390L);
            screenshot("photos-article-390");
        }
        finally {
            this.browser.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private WebElement loadedImage() {
        WebElement image = this.browser.find(By.cssSelector("figure.photo img"));
        this.browser.script("arguments[0].scrollIntoView({block: 'center'});", image);
        this.browser.waitUntil((driver) -> Boolean.TRUE
            .equals(this.browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0;", image)));
        Long natural = this.browser.script("return arguments[0].naturalWidth;", image);
        assertThat(natural).isEqualTo(1200L);
        return image;
    }

    private void screenshot(String name) throws IOException {
        String folder = System.getProperty("gazette.test.screenshots");
        if (folder != null) {
            Path file = Path.of(folder, name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, this.browser.driver().getScreenshotAs(OutputType.BYTES));
        }
    }

    /** A dawn sky over water, so the screenshot shows a photo rather than a test card. */
    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, new Color(250, 190, 140), 0, height * 0.55f, new Color(120, 150, 190)));
        graphics.fillRect(0, 0, width, (int) (height * 0.55));
        graphics.setPaint(new GradientPaint(0, height * 0.55f, new Color(40, 70, 100), 0, height, new Color(15, 30, 50)));
        graphics.fillRect(0, (int) (height * 0.55), width, height);
        graphics.setColor(new Color(255, 225, 170));
        graphics.fillOval(width / 2 - 60, (int) (height * 0.55) - 60, 120, 120);
        graphics.setColor(new Color(30, 30, 35));
        for (int boat = 0; boat < 3; boat++) {
            int x = 180 + boat * 300;
            graphics.fillRect(x, (int) (height * 0.6), 220, 50);
            graphics.fillRect(x + 90, (int) (height * 0.6) - 140, 8, 140);
        }
        graphics.dispose();
        return image;
    }

}
