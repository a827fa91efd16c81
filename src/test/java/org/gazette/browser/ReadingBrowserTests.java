package org.gazette.browser;

import java.util.List;
import java.util.Map;

import org.gazette.comment.CommentService;
import org.gazette.comment.PostedComment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader opens the seed article in a real browser: what they see, on a desktop screen
 * and on a phone, and that the page's own stylesheet and script run under its
 * Content-Security-Policy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gazette.moderation.mode=none")
class ReadingBrowserTests {

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension();

    @LocalServerPort
    int port;

    @Autowired
    CommentService comments;

    private Browser browser;

    @AfterEach
    void noDialogOpened() {
        if (this.browser != null) {
            assertThat(this.browser.dialogOpen()).as("a dialog opened").isFalse();
        }
    }

    @Test
    void showsHeadlineDatelineAndSubheadingsOfTheSeedArticle() {
        ArticlePage.openSeed(browser(), origin());

        List<WebElement> headlines = this.browser.findAll(By.tagName("h1"));
        assertThat(headlines).singleElement().satisfies((h1) -> {
            assertThat(h1.isDisplayed()).isTrue();
            assertThat(h1.getText()).isEqualTo(ArticlePage.SEED_HEADLINE);
        });
        WebElement dateline = this.browser.find(By.cssSelector(".article-header time"));
        assertThat(Browser.text(dateline)).isEqualTo("January 12, 2022");
        assertThat(dateline.getDomAttribute("datetime")).startsWith("2022-01-12");
        assertThat(this.browser.findAll(By.cssSelector(".article-body h2"))).extracting(Browser::text)
            .containsExactly("“Important consequences” for Russia", "Allies halt supplies of equipment to Ukraine");
        assertThat(this.browser.find(By.cssSelector(".article-body")).getText())
            .contains("The threat of another war in Europe is very real")
            .doesNotContain("Leave a Reply");
        assertThat(this.browser.driver().getTitle()).startsWith(ArticlePage.SEED_HEADLINE);
    }

    @Test
    void showsBothPhotosAsCaptionedFramesWithCreditsAndNoBrokenImage() {
        ArticlePage.openSeed(browser(), origin());

        List<WebElement> figures = this.browser.findAll(By.cssSelector(".article-body figure"));
        assertThat(figures).hasSize(2);
        assertThat(figures).extracting((figure) -> Browser.text(figure.findElement(By.cssSelector("figcaption .caption"))))
            .satisfiesExactly(
                    (caption) -> assertThat(caption).startsWith("NATO Secretary General Jens Stoltenberg, center")
                        .endsWith("on Wednesday, January 12, 2022.")
                        .doesNotContain("Associated Press"),
                    (caption) -> assertThat(caption).startsWith("Prime Minister Justin Trudeau shakes hands")
                        .doesNotContain("Canadian Press"));
        assertThat(figures).extracting((figure) -> Browser.text(figure.findElement(By.cssSelector("figcaption .credit"))))
            .containsExactly("Olivier Hoslet / Associated Press", "Sean Kilpatrick / The Canadian Press");
        for (WebElement figure : figures) {
            List<WebElement> frames = figure.findElements(By.cssSelector(".photo-placeholder"));
            List<WebElement> images = figure.findElements(By.tagName("img"));
            assertThat(frames.size() + images.size()).as("a photo or its frame").isEqualTo(1);
            for (WebElement frame : frames) {
                // The frame takes the column's width and some height: only the stylesheet gives it that.
                assertThat(frame.isDisplayed()).isTrue();
                assertThat(frame.getSize().getHeight()).isGreaterThan(50);
                assertThat(frame.getSize().getWidth()).isGreaterThan(300);
                assertThat(frame.getDomAttribute("aria-label")).isEqualTo("Photo not available");
            }
        }
        Long brokenImages = this.browser.script("""
                return Array.from(document.images).filter(function (img) {
                  img.scrollIntoView();
                  return img.complete && img.naturalWidth === 0;
                }).length;""");
        assertThat(brokenImages).isZero();
    }

    @Test
    void showsTheCommentSectionAndTheLeaveAReplyFormWithLabelledFields() {
        ArticlePage page = ArticlePage.openSeed(browser(), origin());

        assertThat(Browser.text(this.browser.find(By.cssSelector("section#comments h2")))).matches("\\d+ comments?");
        assertThat(page.formHeading()).isEqualTo("Leave a Reply");
        assertThat(page.cancelReply().isDisplayed()).isFalse();
        assertThat(Browser.text(page.respond()))
            .contains("Your email address will not be published. Required fields are marked *");
        for (String label : List.of("Comment", "Name", "Email", "Website")) {
            WebElement field = page.labelled(label);
            assertThat(field.isDisplayed()).as(label).isTrue();
            assertThat(field.isEnabled()).as(label).isTrue();
        }
        assertThat(page.labelled("Comment").getTagName()).isEqualTo("textarea");
        assertThat(page.labelled("Email").getDomAttribute("type")).isEqualTo("email");
        assertThat(page.rememberBox().isSelected()).isFalse();
        assertThat(page.rememberBox().isDisplayed()).isTrue();
        assertThat(Browser.text(page.postButton())).isEqualTo("Post Comment");
        // The honeypot is in the form but not on the screen.
        assertThat(this.browser.find(By.id("subject")).isDisplayed()).isFalse();
    }

    @Test
    void frontPageLinksToTheArticle() {
        browser().consoleErrors();
        this.browser.open(origin() + "/");

        WebElement link = this.browser.find(By.linkText(ArticlePage.SEED_HEADLINE));
        assertThat(Browser.text(this.browser.find(By.tagName("h1")))).isEqualTo("Latest news");
        assertThat(Browser.text(link.findElement(By.xpath("ancestor::*[contains(@class, 'article-teaser')]//time"))))
            .as("the seed's dateline, whatever other tests published")
            .isEqualTo("January 12, 2022");
        assertThat(this.browser.cspViolations()).isEmpty();
        assertThat(this.browser.consoleErrors()).isEmpty();
        this.browser.clickAndWaitForNextPage(link);

        assertThat(this.browser.currentUrl()).isEqualTo(origin() + "/articles/" + ArticlePage.SEED_SLUG);
        assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo(ArticlePage.SEED_HEADLINE);
    }

    @Test
    void stylesheetAndScriptLoadUnderTheContentSecurityPolicyWithoutConsoleErrors() {
        browser().consoleErrors();
        ArticlePage.openSeed(this.browser, origin());

        List<Map<String, Object>> loaded = this.browser.script("""
                return performance.getEntriesByType('resource').map(function (entry) {
                  return { name: entry.name, status: entry.responseStatus };
                });""");
        assertThat(loaded).anySatisfy((entry) -> {
            assertThat((String) entry.get("name")).contains("/css/gazette");
            assertThat(entry.get("status")).isEqualTo(200L);
        }).anySatisfy((entry) -> {
            assertThat((String) entry.get("name")).contains("/js/gazette");
            assertThat(entry.get("status")).isEqualTo(200L);
        });
        // The stylesheet applies: body text is set in a serif face, not the browser's default.
        String bodyFont = this.browser.script("return getComputedStyle(document.body).fontFamily;");
        assertThat(bodyFont).contains("serif").isNotEqualTo("\"Times New Roman\"");
        assertThat(this.browser.cspViolations()).isEmpty();
        assertThat(this.browser.consoleErrors()).isEmpty();
    }

    @Test
    void fitsA390PixelWidePhoneWithoutScrollingSideways() {
        PostedComment top = CommentFixtures.post(this.comments, "Long-winded reader",
                CommentFixtures.unique("See https://example.org/a/very/long/address/that/does/not/break/anywhere/"
                        + "at/all/unless/the/page/breaks/it/for/the/reader/on/a/small/screen"),
                null);
        Long parent = top.id();
        for (int depth = 2; depth <= 5; depth++) {
            parent = CommentFixtures.post(this.comments, "Replier at depth " + depth,
                    CommentFixtures.unique("Supercalifragilisticexpialidocious-antidisestablishmentarianism " + depth),
                    parent)
                .id();
        }
        Browser phone = browser();
        phone.driver()
            .executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
        try {
            ArticlePage page = ArticlePage.openSeed(phone, origin());
            assertThat(page.comments(parent)).hasSize(1);

            Long viewport = phone.script("return document.documentElement.clientWidth;");
            Long content = phone.script("return document.documentElement.scrollWidth;");
            assertThat(viewport).isEqualTo(390L);
            assertThat(content).as("page width on a 390 px screen").isLessThanOrEqualTo(viewport);
            // The deepest reply still has room to be read.
            assertThat(page.comment(parent).getSize().getWidth()).isGreaterThan(200);
        }
        finally {
            phone.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private Browser browser() {
        this.browser = browsers.shared();
        return this.browser;
    }

    private String origin() {
        return "http://localhost:" + this.port;
    }

}
