package org.gazette.browser;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The XSS corpus (src/test/resources/xss: hand-written vectors and the script entries
 * of the Big List of Naughty Strings) posted through the real form into the name,
 * comment and website fields, published, and rendered in headless Chromium: nothing
 * runs, no event handler attribute or script URL reaches the comments, and every
 * payload is shown as the text it is (or, where it uses the allowed tags, as that
 * harmless markup).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "gazette.moderation.mode=none", "gazette.comments.page-size=1000",
                "gazette.comments.max-links=1000" })
class XssCorpusBrowserTests {

    private static final String ARTICLE = "/articles/as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    private static final Pattern ALLOWED_TAG = Pattern
        .compile("(?i)<\\s*/?\\s*(b|i|em|strong|a|blockquote|code|q|cite|del)[\\s>/]");

    private static final Pattern COMMENT_ID = Pattern.compile("#comment-(\\d+)$");

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void noPayloadOfTheCorpusRunsAndEveryOneIsShown() throws Exception {
        List<String> corpus = new ArrayList<>(load("/xss/payloads.txt"));
        corpus.addAll(load("/xss/naughty-strings.txt"));
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(150);

        Map<Long, Integer> published = new LinkedHashMap<>();
        int refused = 0;
        for (int i = 0; i < corpus.size(); i++) {
            String payload = corpus.get(i);
            HttpResponse<String> response = post(payload, i);
            if (response.statusCode() == 303) {
                Matcher id = COMMENT_ID.matcher(response.headers().firstValue("Location").orElseThrow());
                assertThat(id.find()).isTrue();
                published.put(Long.parseLong(id.group(1)), i);
            }
            else {
                // blank or control characters: refused with a message, never a server error
                assertThat(response.statusCode()).as("answer to %s", payload).isEqualTo(422);
                assertThat(response.body()).contains("There is a problem");
                refused++;
            }
        }
        assertThat(published.size()).as("published payloads (refused: %d)", refused).isGreaterThanOrEqualTo(150);

        Browser browser = browsers.shared();
        browser.open(origin() + ARTICLE);
        assertThat(browser.dialogOpen()).as("a dialog opened").isFalse();
        assertThat((Object) browser.script("return window.__xss;")).as("window.__xss").isNull();
        List<String> live = liveMarkup(browser, "#comments *");
        assertThat(live).as("live markup made from payloads").isEmpty();
        for (Map.Entry<Long, Integer> entry : published.entrySet()) {
            int index = entry.getValue();
            String payload = corpus.get(index);
            String expected = normalise(payload);
            String shown = browser.script(
                    "return document.querySelector('#comment-' + arguments[0] + ' .comment-content').textContent;",
                    entry.getKey());
            String author = browser.script(
                    "return document.querySelector('#comment-' + arguments[0] + ' .comment-author').textContent;",
                    entry.getKey());
            assertThat(collapse(author)).as("name of %s", payload)
                .isEqualTo(collapse(normalise(name(payload) + " #" + index)));
            if (ALLOWED_TAG.matcher(expected).find()) {
                assertThat(shown).as("payload with allowed tags %s", payload).isNotBlank();
            }
            else {
                assertThat(collapse(shown)).as("payload %s", payload).isEqualTo(collapse(expected));
            }
        }
        assertThat(browser.cspViolations()).isEmpty();

        // the editors see the same text: every page of the queue, then the audit log
        browser.open(origin() + "/login");
        browser.find(By.id("username")).sendKeys("editor");
        browser.find(By.id("password")).sendKeys("test-editor-password");
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector(".login-form button[type=submit]")));
        int queuePages = 0;
        for (int page = 1; openDeskPage(browser, "/moderation?status=approved&page=" + page); page++) {
            assertNothingLiveOnDesk(browser, "approved queue page " + page);
            queuePages++;
        }
        assertThat(queuePages).as("queue pages").isGreaterThanOrEqualTo(published.size() / 20);
        // move the first page of them to Pending in bulk: the log now names their authors
        openDeskPage(browser, "/moderation?status=approved");
        browser.find(By.id("select-all")).click();
        new Select(browser.find(By.id("bulk-action"))).selectByValue("unapprove");
        browser.clickAndWaitForNextPage(browser.find(By.cssSelector("[data-bulk-apply]")));
        assertNothingLiveOnDesk(browser, "queue after the bulk action");
        assertThat(openDeskPage(browser, "/moderation?status=pending")).isTrue();
        assertNothingLiveOnDesk(browser, "pending queue");
        assertThat(openDeskPage(browser, "/moderation/log")).isTrue();
        assertThat(browser.findAll(By.cssSelector("main tbody tr, main .log-entry, main li")).size())
            .as("log lines").isGreaterThanOrEqualTo(20);
        assertNothingLiveOnDesk(browser, "audit log");
    }

    /** Opens a desk page; false when it does not exist (past the last page). */
    private boolean openDeskPage(Browser browser, String path) {
        browser.open(origin() + path);
        return browser.findAll(By.cssSelector(".error-code")).isEmpty();
    }

    private static void assertNothingLiveOnDesk(Browser browser, String page) {
        assertThat(browser.dialogOpen()).as("a dialog opened on %s", page).isFalse();
        assertThat((Object) browser.script("return window.__xss;")).as("window.__xss on %s", page).isNull();
        List<String> live = liveMarkup(browser, "main *");
        assertThat(live).as("live markup made from payloads on %s", page).isEmpty();
        assertThat(browser.cspViolations()).as("policy violations on %s", page).isEmpty();
    }

    /**
     * Event handler attributes, script URLs, inline styles and active elements under the
     * selector, except the page's own comment form.
     */
    private static List<String> liveMarkup(Browser browser, String selector) {
        return browser.script("""
                var found = [];
                document.querySelectorAll(arguments[0]).forEach(function (element) {
                  if (element.closest('#respond')) {
                    return;
                  }
                  Array.from(element.attributes).forEach(function (attribute) {
                    var name = attribute.name.toLowerCase();
                    var value = attribute.value.replace(/\\s/g, '').toLowerCase();
                    var url = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcset',
                               'background', 'cite'].indexOf(name) >= 0;
                    var scriptUrl = value.indexOf('javascript:') === 0 || value.indexOf('vbscript:') === 0
                        || value.indexOf('data:') === 0;
                    if (name.indexOf('on') === 0 || (url && scriptUrl) || name === 'style' || name === 'srcdoc') {
                      found.push(element.tagName + ' ' + name + '=' + attribute.value);
                    }
                  });
                  if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'IMG', 'SVG', 'STYLE', 'LINK', 'META', 'BASE', 'VIDEO',
                       'AUDIO', 'MATH', 'TEMPLATE'].indexOf(element.tagName.toUpperCase()) >= 0) {
                    found.push('element ' + element.tagName);
                  }
                });
                return found;""", selector);
    }

    private HttpResponse<String> post(String payload, int index) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("comment", payload);
        form.put("author", name(payload) + " #" + index);
        form.put("email", "xss" + index + "@example.com");
        if (payload.startsWith("http://") || payload.startsWith("https://")) {
            form.put("url", payload);
        }
        HttpResponse<String> response = post(form);
        if (response.statusCode() == 422 && form.containsKey("url")) {
            // a payload that is not a valid web address: post it again without the website
            form.remove("url");
            return post(form);
        }
        return response;
    }

    private HttpResponse<String> post(Map<String, String> form) throws Exception {
        String body = form.entrySet()
            .stream()
            .map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin() + ARTICLE + "/comments"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The payload as a name: its first 80 code points. */
    private static String name(String payload) {
        String trimmed = payload.strip();
        int end = trimmed.offsetByCodePoints(0, Math.min(80, trimmed.codePointCount(0, trimmed.length())));
        return trimmed.substring(0, end);
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static List<String> load(String resource) throws IOException {
        try (InputStream in = XssCorpusBrowserTests.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter((line) -> !line.isBlank()).toList();
        }
    }

    private String origin() {
        return "http://localhost:" + this.port;
    }

}
