package org.gazette.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.gazette.article.Article;
import org.gazette.comment.Comment;
import org.gazette.comment.CommentFixtures;
import org.gazette.comment.CommentSettingsService;
import org.gazette.comment.CommentStatus;
import org.gazette.comment.ModerationMode;
import org.gazette.comment.StatusReason;
import org.gazette.editor.EditorAccountService;
import org.gazette.editor.EditorRole;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posting tells a stranger nothing about other people's email addresses or editors'
 * usernames: a post that matches an earlier comment only through its email, or is signed
 * with a username, gets the answer any other email or name gets, while the author's own
 * repeat and own flood from the same address are still refused with 409 and 429. Flood
 * control is on (15 seconds), as in production; each post comes from an address of its
 * own unless the test says otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "gazette.comments.flood-interval=15s", "gazette.comments.rate-limit.enabled=true",
                "gazette.comments.rate-limit.capacity=3", "gazette.comments.rate-limit.period=10m" })
@AutoConfigureMockMvc
@Import(ReaderSideTestConfiguration.class)
class CommentPostingOracleTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private TestArticles articles;

    @Autowired
    private CommentFixtures fixtures;

    @Autowired
    private CommentSettingsService settings;

    @Autowired
    private EditorAccountService accounts;

    private Article article;

    @BeforeEach
    void publishArticle() {
        this.article = this.articles.create("Snowplough routes redrawn");
    }

    @AfterEach
    void restoreDefaults() {
        moderation(ModerationMode.FIRST_TIME);
    }

    @ParameterizedTest
    @EnumSource(ModerationMode.class)
    void publicCommentsTextWithItsAuthorsEmailGetsTheAnswerAnyOtherEmailGets(ModerationMode mode) throws Exception {
        CommentForm ann = CommentForm.by("Ann Lee").with("comment", "The new routes skip my street again.");
        publicComment(ann);
        moderation(mode);

        MvcTestResult guessed = post(CommentForm.by("Mallory").with("comment", ann.get("comment"))
            .with("email", ann.get("email")), newAddress());
        MvcTestResult random = post(CommentForm.by("Trudy").with("comment", ann.get("comment")), newAddress());

        assertSameAnswer(guessed, random);
    }

    @ParameterizedTest
    @EnumSource(ModerationMode.class)
    void emailUsedMomentsAgoGetsTheAnswerAnyOtherEmailGets(ModerationMode mode) throws Exception {
        CommentForm ann = CommentForm.by("Ann Lee");
        publicComment(ann);
        moderation(mode);

        MvcTestResult guessed = post(CommentForm.by("Mallory").with("email", ann.get("email")), newAddress());
        MvcTestResult random = post(CommentForm.by("Trudy"), newAddress());

        assertSameAnswer(guessed, random);
    }

    @Test
    void authorsOwnRepeatIsRefusedWhileTheSameTextWithTheirEmailUnderAnotherNameIsHeld() throws Exception {
        moderation(ModerationMode.FIRST_TIME);
        CommentForm ann = CommentForm.by("Ann Lee").with("comment", "I said this once.");
        assertThat(post(ann, newAddress())).hasStatus(HttpStatus.SEE_OTHER);

        MvcTestResult again = post(ann.with("url", "https://ann.example"), newAddress());
        MvcTestResult otherName = post(ann.with("author", "Mallory"), newAddress());

        assertThat(again).hasStatus(HttpStatus.CONFLICT);
        Document page = page(again);
        assertThat(page.select(".error-summary").text())
            .contains("Duplicate comment detected; it looks as though you’ve already said that!");
        assertThat(page.getElementById("comment").wholeText()).isEqualTo("I said this once.");
        assertThat(page.getElementById("author").val()).isEqualTo("Ann Lee");
        assertThat(page.getElementById("email").val()).isEqualTo(ann.get("email"));
        assertThat(page.getElementById("url").val()).isEqualTo("https://ann.example");
        assertThat(otherName).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(otherName.getResponse().getHeader(HttpHeaders.LOCATION)).contains("held=");
        Comment held = newest();
        assertThat(held.getAuthorName()).isEqualTo("Mallory");
        assertThat(held.getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(held.getStatusReason()).isEqualTo(StatusReason.EMAIL_REPEATS_TEXT);
        assertThat(this.fixtures.storedOn(this.article)).hasSize(2);
    }

    @Test
    void authorsOwnFloodIsRefusedWhileTheirEmailFromAnotherAddressIsHeld() throws Exception {
        moderation(ModerationMode.FIRST_TIME);
        String address = newAddress();
        CommentForm ann = CommentForm.by("Ann Lee");
        assertThat(post(ann, address)).hasStatus(HttpStatus.SEE_OTHER);
        CommentForm second = ann.with("comment", "One more thing:\r\nI forgot this.");

        MvcTestResult sameAddress = post(second, address);
        MvcTestResult otherAddress = post(second, newAddress());

        assertThat(sameAddress).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Long.parseLong(sameAddress.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1L, 15L);
        assertThat(page(sameAddress).getElementById("comment").wholeText())
            .isEqualTo("One more thing:\nI forgot this.");
        assertThat(otherAddress).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(otherAddress.getResponse().getHeader(HttpHeaders.LOCATION)).contains("held=");
        Comment held = newest();
        assertThat(held.getBody()).isEqualTo("One more thing:\nI forgot this.");
        assertThat(held.getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(held.getStatusReason()).isEqualTo(StatusReason.EMAIL_RECENTLY_USED);
        assertThat(this.fixtures.storedOn(this.article)).hasSize(2);
    }

    @Test
    void editorsUsernameGetsTheAnswerAnyOtherNameGets() throws Exception {
        moderation(ModerationMode.NONE);
        String username = "copydesk" + ADDRESSES.incrementAndGet();
        this.accounts.create(username, "Copy Desk", EditorRole.EDITOR, "a long copy-desk password");

        MvcTestResult guessed = post(CommentForm.by(username), newAddress());
        MvcTestResult random = post(CommentForm.by(username + "x"), newAddress());

        assertSameAnswer(guessed, random);
    }

    /** A comment readers see, posted through the form with moderation off. */
    private void publicComment(CommentForm form) {
        moderation(ModerationMode.NONE);
        assertThat(post(form, newAddress())).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(newest().getStatus()).isEqualTo(CommentStatus.APPROVED);
    }

    /**
     * The same status, headers and body, the comment's number and token aside, and the same
     * page behind the redirect: shown to everyone, or to its author only as awaiting moderation.
     */
    private void assertSameAnswer(MvcTestResult probe, MvcTestResult control) throws Exception {
        assertThat(probe.getResponse().getStatus()).isEqualTo(control.getResponse().getStatus());
        assertThat(headers(probe)).isEqualTo(headers(control));
        assertThat(probe.getResponse().getContentAsString()).isEqualTo(control.getResponse().getContentAsString());
        assertThat(seenAfterwards(probe)).isEqualTo(seenAfterwards(control));
    }

    private static Map<String, List<String>> headers(MvcTestResult result) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : result.getResponse().getHeaderNames()) {
            headers.put(name, result.getResponse()
                .getHeaders(name)
                .stream()
                .map((value) -> value.replaceAll("held=[^&#]+", "held=TOKEN").replaceAll("comment-\\d+", "comment-ID"))
                .toList());
        }
        return headers;
    }

    /** What the poster sees after following the redirect, and what anyone else sees. */
    private List<Boolean> seenAfterwards(MvcTestResult result) throws Exception {
        String location = result.getResponse().getHeader(HttpHeaders.LOCATION);
        String id = location.substring(location.indexOf('#') + 1);
        Element own = Jsoup.parse(this.mvc.get().uri(location.substring(0, location.indexOf('#'))).exchange()
            .getResponse().getContentAsString()).getElementById(id);
        Element anyone = Jsoup.parse(this.mvc.get().uri("/articles/{slug}", this.article.getSlug()).exchange()
            .getResponse().getContentAsString()).getElementById(id);
        return List.of(own != null, own != null && !own.select(".comment-awaiting-note").isEmpty(), anyone != null);
    }

    private MvcTestResult post(CommentForm form, String clientAddress) {
        return form.postTo(this.mvc, this.article).with((request) -> {
            request.setRemoteAddr(clientAddress);
            return request;
        }).exchange();
    }

    private Comment newest() {
        List<Comment> stored = this.fixtures.storedOn(this.article);
        return stored.get(stored.size() - 1);
    }

    private void moderation(ModerationMode mode) {
        this.settings.update(mode, 2, 0, "", "");
    }

    private static String newAddress() {
        return "203.0.113." + (ADDRESSES.incrementAndGet() % 250 + 1);
    }

    private static Document page(MvcTestResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

}
