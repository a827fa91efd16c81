package org.gazette.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.gazette.article.Article;
import org.gazette.article.ArticleRepository;
import org.gazette.comment.Comment;
import org.gazette.comment.CommentFixtures;
import org.gazette.comment.CommentSettingsService;
import org.gazette.comment.ModerationMode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posting a comment that is refused: every refusal that re-renders the page says why,
 * next to the field it concerns, and keeps what the reader typed; nothing is stored.
 */
@ReaderSideTest
class CommentPostingRefusalTests {

    private static final String SEED = "as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    private static final String URL_INVALID = "Enter a website address that starts with http:// or https://, "
            + "like https://example.com.";

    private static final String CONTROL = "Remove the invisible control characters from this text.";

    private static final String PARENT_UNAVAILABLE = "The comment you were replying to is no longer available. "
            + "Your comment will be posted as a new comment.";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private TestArticles articles;

    @Autowired
    private ArticleRepository articleRepository;

    @Autowired
    private CommentFixtures fixtures;

    @Autowired
    private CommentSettingsService settings;

    @Autowired
    private MutableClock clock;

    private Article article;

    @BeforeEach
    void publishArticle() {
        this.settings.update(ModerationMode.NONE, 2, 0, "", "");
        this.article = this.articles.create("Water main breaks downtown");
    }

    @AfterEach
    void restoreDefaults() {
        this.clock.reset();
        this.settings.update(ModerationMode.FIRST_TIME, 2, 0, "", "");
    }

    // invalid fields: 422 ----------------------------------------------------------

    @Test
    void emptyFormNamesEveryMissingFieldBesideItAndInTheSummary() throws Exception {
        MvcTestResult result = CommentForm.by("Ann Lee")
            .with("comment", "  \r\n ")
            .with("author", "")
            .with("email", "")
            .postTo(this.mvc, this.article)
            .exchange();

        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        Document page = page(result);
        assertFieldError(page, "comment", "Enter your comment.");
        assertFieldError(page, "author", "Enter your name.");
        assertFieldError(page, "email", "Enter your email address.");
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#comment", "#author", "#email");
        assertThat(page.getElementById("url").attr("aria-invalid")).isEmpty();
        assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("private, no-store");
        assertThat(this.fixtures.storedOn(this.article)).isEmpty();
    }

    @Test
    void everythingTypedIsKeptWhenOneFieldIsWrong() throws Exception {
        Comment parent = this.fixtures.approved(this.article, null, "Reader One", "Approved comment",
                this.clock.instant().minusSeconds(60));
        String comment = "Première ligne — «citation»\n\n第二段 <b>bold</b> & 😀";
        CommentForm form = CommentForm.by("Zoë Ångström")
            .with("comment", comment.replace("\n", "\r\n"))
            .with("email", "zoë@")
            .with("url", "https://zoë.example/päge?q=1&r=2")
            .with("remember", "true")
            .replyingTo(parent.getId());

        MvcTestResult result = post(form);

        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        Document page = page(result);
        assertFieldError(page, "email", "Enter an email address in the correct format, like name@example.com.");
        assertThat(page.getElementById("comment").wholeText()).isEqualTo(comment);
        assertThat(page.getElementById("author").val()).isEqualTo("Zoë Ångström");
        assertThat(page.getElementById("email").val()).isEqualTo("zoë@");
        assertThat(page.getElementById("url").val()).isEqualTo("https://zoë.example/päge?q=1&r=2");
        assertThat(page.getElementById("remember").hasAttr("checked")).isTrue();
        assertThat(page.getElementById("replyTo").val()).isEqualTo(Long.toString(parent.getId()));
        assertThat(page.selectFirst("#respond .reply-title-text").text()).isEqualTo("Reply to Reader One");
        assertThat(ids(this.fixtures.storedOn(this.article))).containsExactly(parent.getId());
    }

    @Test
    void commentOfMoreThanTenThousandCharactersIsRefusedAndKept() throws Exception {
        String emoji = "\uD83D\uDE00".repeat(10_001);

        MvcTestResult result = post(CommentForm.by("Ann Lee").with("comment", emoji));

        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        Document page = page(result);
        assertFieldError(page, "comment", "Your comment must be 10,000 characters or fewer.");
        assertThat(page.getElementById("comment").wholeText()).isEqualTo(emoji);
        assertThat(this.fixtures.storedOn(this.article)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Nul\u0000byte", "Bell\u0007", "Escape \u001b[31mred", "Line\u2028separator",
            "Delete\u007f" })
    void controlCharactersInTheCommentAreRefused(String comment) throws Exception {
        MvcTestResult result = post(CommentForm.by("Ann Lee").with("comment", comment));

        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        assertFieldError(page(result), "comment", CONTROL);
        assertThat(this.fixtures.storedOn(this.article)).isEmpty();
    }

    @Test
    void newlineInTheNameIsRefused() throws Exception {
        MvcTestResult result = post(CommentForm.by("Ann Lee").with("author", "Ann\nLee"));

        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        assertFieldError(page(result), "author", CONTROL);
    }

    @ParameterizedTest
    @ValueSource(strings = { "javascript:alert(1)", "ftp://x", "example.com", "http://", "data:text/html,hi",
            "https://user:secret@example.com" })
    void websiteMustBeAnHttpAddress(String url) throws Exception {
        MvcTestResult result = post(CommentForm.by("Ann Lee").with("url", url));

        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        Document page = page(result);
        assertFieldError(page, "url", URL_INVALID);
        assertThat(page.getElementById("url").val()).isEqualTo(url);
        assertThat(this.fixtures.storedOn(this.article)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ann", "ann@", "ann@example", "ann lee@example.com", "@example.com", "ann@@example.com" })
    void emailMustBeAnAddress(String email) throws Exception {
        MvcTestResult result = post(CommentForm.by("Ann Lee").with("email", email));

        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        assertFieldError(page(result), "email", "Enter an email address in the correct format, like name@example.com.");
    }

    @Test
    void fieldsLongerThanTheirLimitsAreRefused() throws Exception {
        MvcTestResult result = CommentForm.by("Ann Lee")
            .with("author", "n".repeat(101))
            .with("email", "e".repeat(64) + "@" + "d".repeat(61) + "." + ("d".repeat(60) + ".").repeat(2) + "abc.ca")
            .with("url", "https://example.com/" + "p".repeat(181))
            .postTo(this.mvc, this.article)
            .exchange();

        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        Document page = page(result);
        assertFieldError(page, "author", "Your name must be 100 characters or fewer.");
        assertFieldError(page, "email", "Your email address must be 254 characters or fewer.");
        assertFieldError(page, "url", "The website address must be 200 characters or fewer.");
    }

    @Test
    void fieldsAtTheirLimitsAreAccepted() throws Exception {
        MvcTestResult result = CommentForm.by("Ann Lee")
            .with("author", "n".repeat(100))
            .with("email", "e".repeat(64) + "@" + ("d".repeat(60) + ".").repeat(3) + "abc.ca")
            .with("url", "https://example.com/" + "p".repeat(180))
            .postTo(this.mvc, this.article)
            .exchange();

        assertThat(result).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(this.fixtures.storedOn(this.article)).hasSize(1);
    }

    // the reply's place: 422 ----------------------------------------------------------

    @Test
    void replyToAHeldCommentIsRefusedAndOffersANewComment() throws Exception {
        Comment held = this.fixtures.held(this.article, null, "Reader One", "Held", this.clock.instant());
        assertReplyRefused(held.getId(), PARENT_UNAVAILABLE);
    }

    @Test
    void replyToASpamOrTrashedCommentIsRefused() throws Exception {
        Comment spam = this.fixtures.spam(this.article, null, "Reader One", "Spam", this.clock.instant());
        Comment trashed = this.fixtures.trash(
                this.fixtures.approved(this.article, null, "Reader Two", "Trashed", this.clock.instant()),
                this.clock.instant());
        assertReplyRefused(spam.getId(), PARENT_UNAVAILABLE);
        assertReplyRefused(trashed.getId(), PARENT_UNAVAILABLE);
    }

    @Test
    void replyToAnotherArticlesCommentIsRefused() throws Exception {
        Article other = this.articles.create("Unrelated story");
        Comment elsewhere = this.fixtures.approved(other, null, "Reader One", "Elsewhere", this.clock.instant());
        assertReplyRefused(elsewhere.getId(), PARENT_UNAVAILABLE);
        assertThat(ids(this.fixtures.storedOn(other))).containsExactly(elsewhere.getId());
    }

    @Test
    void replyToACommentThatDoesNotExistIsRefused() throws Exception {
        assertReplyRefused(987_654_321L, PARENT_UNAVAILABLE);
    }

    @Test
    void replyDeeperThanTheThreadDepthIsRefused() throws Exception {
        Comment one = this.fixtures.approved(this.article, null, "Reader One", "Level one", this.clock.instant());
        Comment two = this.fixtures.approved(this.article, one, "Reader Two", "Level two", this.clock.instant());
        Comment three = this.fixtures.approved(this.article, two, "Reader Three", "Level three", this.clock.instant());

        assertReplyRefused(three.getId(), "That conversation is nested as deep as replies go. "
                + "Reply further up the thread instead.");

        MvcTestResult atTwo = post(CommentForm.by("Bo Chen").replyingTo(two.getId()));
        assertThat(atTwo).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(this.fixtures.storedOn(this.article)).hasSize(4);
    }

    // duplicate: 409 -------------------------------------------------------------------

    @Test
    void sayingTheSameThingAgainIsRefusedAsADuplicate() throws Exception {
        CommentForm form = CommentForm.by("Ann Lee").with("comment", "I said this once.");
        post(form);

        MvcTestResult again = form.with("comment", "  I said this once.\r\n").with("url", "https://ann.example")
            .postTo(this.mvc, this.article)
            .exchange();

        assertThat(again).hasStatus(HttpStatus.CONFLICT);
        Document page = page(again);
        assertThat(page.select(".error-summary").text())
            .contains("Duplicate comment detected; it looks as though you’ve already said that!");
        assertThat(page.getElementById("comment").wholeText()).isEqualTo("I said this once.");
        assertThat(page.getElementById("author").val()).isEqualTo("Ann Lee");
        assertThat(page.getElementById("email").val()).isEqualTo(form.get("email"));
        assertThat(page.getElementById("url").val()).isEqualTo("https://ann.example");
        assertThat(this.fixtures.storedOn(this.article)).hasSize(1);
    }

    @Test
    void theSameNameCountsAsTheSameAuthorButTheEmailAloneIsNotToldApart() throws Exception {
        CommentForm ann = CommentForm.by("Ann Lee").with("comment", "Well said.");
        post(ann);

        MvcTestResult sameName = post(CommentForm.by("Ann Lee").with("comment", "Well said."));
        MvcTestResult sameEmail = post(ann.with("author", "A. Lee"));
        MvcTestResult someoneElse = post(CommentForm.by("Bo Chen").with("comment", "Well said."));

        assertThat(sameName).hasStatus(HttpStatus.CONFLICT);
        assertThat(sameEmail).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(someoneElse).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(this.fixtures.storedOn(this.article)).hasSize(3);
    }

    @Test
    void repeatingAHeldCommentIsADuplicateToo() throws Exception {
        this.settings.update(ModerationMode.ALL, 2, 0, "", "");
        CommentForm form = CommentForm.by("Ann Lee");
        post(form);

        assertThat(post(form)).hasStatus(HttpStatus.CONFLICT);
    }

    // unknown article, closed comments ------------------------------------------------

    @Test
    void postToAnUnknownArticleIsNotFound() throws Exception {
        long before = this.fixtures.total();

        MvcTestResult result = CommentForm.by("Ann Lee").postTo(this.mvc, "no-such-article").exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(this.fixtures.total()).isEqualTo(before);
    }

    @Test
    void postToAnArticleClosedForCommentsIsForbiddenAndKeepsTheText() throws Exception {
        this.articles.closeComments(this.article);
        CommentForm form = CommentForm.by("Ann Lee").with("comment", "Line one\r\nLine two");

        MvcTestResult result = post(form);

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertClosedWithTextKept(result, "Line one\nLine two");
        assertThat(this.fixtures.storedOn(this.article)).isEmpty();
        Document reading = Jsoup.parse(this.mvc.get().uri("/articles/{slug}", this.article.getSlug()).exchange()
            .getResponse().getContentAsString());
        assertThat(reading.select("#respond .notice").text()).isEqualTo("Comments are closed.");
        assertThat(reading.getElementById("commentform")).isNull();
    }

    @Test
    void invalidPostToAClosedArticleIsToldItIsClosed() throws Exception {
        this.articles.closeComments(this.article);

        MvcTestResult result = post(CommentForm.by("Ann Lee").with("email", ""));

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertClosedWithTextKept(result, "A thoughtful comment by Ann Lee.");
    }

    @Test
    void commentsCloseTheConfiguredNumberOfDaysAfterTheDateline() throws Exception {
        Article lastWeek = this.articles.create("Last week's news", this.clock.instant().minus(Duration.ofDays(7)));
        Article today = this.articles.create("Today's news");
        this.settings.update(ModerationMode.NONE, 2, 3, "", "");

        MvcTestResult late = CommentForm.by("Ann Lee").postTo(this.mvc, lastWeek).exchange();
        MvcTestResult seed = CommentForm.by("Ann Lee").postTo(this.mvc, SEED).exchange();
        MvcTestResult inTime = CommentForm.by("Ann Lee").postTo(this.mvc, today).exchange();

        assertThat(late).hasStatus(HttpStatus.FORBIDDEN);
        assertClosedWithTextKept(late, "A thoughtful comment by Ann Lee.");
        assertThat(seed).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(inTime).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(this.fixtures.storedOn(lastWeek)).isEmpty();
        assertThat(this.fixtures.storedOn(this.articleRepository.findBySlug(SEED).orElseThrow())).isEmpty();
    }

    // body over the size cap: 413 ----------------------------------------------------------

    @Test
    void bodyOverTheSizeCapIsRefusedUnread() throws Exception {
        String body = CommentForm.by("Ann Lee").with("comment", "x".repeat(300 * 1024)).encoded();

        MvcTestResult result = this.mvc.post()
            .uri("/articles/{slug}/comments", this.article.getSlug())
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content(body.getBytes(StandardCharsets.UTF_8))
            .exchange();

        assertThat(result).hasStatus(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(this.fixtures.storedOn(this.article)).isEmpty();
    }

    // cross-site posts: 403 ------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = { "cross-site | -", "same-site | -",
            "- | https://evil.example", "- | null", "- | http://localhost:9999", "- | https://localhost",
            "cross-site | http://localhost", "- | http://localhost.evil.example" })
    void crossSitePostIsForbiddenAndNothingIsStored(String fetchSite, String origin) throws Exception {
        MockMvcTester.MockMvcRequestBuilder request = CommentForm.by("Ann Lee").postTo(this.mvc, this.article)
            .header(HttpHeaders.HOST, "localhost");
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }
        if (origin != null) {
            request.header(HttpHeaders.ORIGIN, origin);
        }

        assertThat(request.exchange()).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(this.fixtures.storedOn(this.article)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = { "- | - | -", "localhost | http://localhost | -",
            "localhost | http://localhost | same-origin", "localhost | http://localhost:8080 | -",
            "127.0.0.1:8080 | http://127.0.0.1:8080 | same-origin", "127.0.0.1:8080 | http://localhost:8080 | -",
            "localhost | - | same-origin", "localhost | - | none" })
    void sameOriginPostIsAccepted(String host, String origin, String fetchSite) throws Exception {
        MockMvcTester.MockMvcRequestBuilder request = CommentForm.by("Ann Lee").postTo(this.mvc, this.article);
        if (host != null) {
            request.header(HttpHeaders.HOST, host);
        }
        if (origin != null) {
            request.header(HttpHeaders.ORIGIN, origin);
        }
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }

        assertThat(request.exchange()).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(this.fixtures.storedOn(this.article)).hasSize(1);
    }

    // helpers ------------------------------------------------------------------------------

    private MvcTestResult post(CommentForm form) {
        return form.postTo(this.mvc, this.article).exchange();
    }

    private void assertReplyRefused(long parentId, String message) throws Exception {
        List<Long> before = ids(this.fixtures.storedOn(this.article));
        CommentForm form = CommentForm.by("Ann Lee").with("url", "https://ann.example").replyingTo(parentId);

        MvcTestResult result = post(form);

        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        Document page = page(result);
        assertThat(page.select(".error-summary").text()).contains(message);
        assertThat(page.getElementById("comment").wholeText()).isEqualTo(form.get("comment"));
        assertThat(page.getElementById("author").val()).isEqualTo("Ann Lee");
        assertThat(page.getElementById("email").val()).isEqualTo(form.get("email"));
        assertThat(page.getElementById("url").val()).isEqualTo("https://ann.example");
        assertThat(page.getElementById("replyTo").val()).isEmpty();
        assertThat(page.selectFirst("#respond .reply-title-text").text()).isEqualTo("Leave a Reply");
        assertThat(ids(this.fixtures.storedOn(this.article))).isEqualTo(before);
    }

    private static void assertClosedWithTextKept(MvcTestResult result, String text) throws Exception {
        Document page = page(result);
        assertThat(page.select("#respond .notice-refused").text()).isEqualTo("Comments are closed on this article. "
                + "Your comment was not posted; your text is below so you can keep it.");
        assertThat(page.getElementById("kept-comment").wholeText()).isEqualTo(text);
        assertThat(page.getElementById("commentform")).isNull();
    }

    /** The message is beside the field, announced with it, and repeated in the summary linking to it. */
    private static void assertFieldError(Document page, String field, String message) {
        Element control = page.getElementById(field);
        Element error = page.getElementById(field + "-error");
        assertThat(error).as("error beside " + field).isNotNull();
        assertThat(error.text()).isEqualTo(message);
        assertThat(error.parent()).isEqualTo(control.parent());
        assertThat(control.attr("aria-invalid")).isEqualTo("true");
        assertThat(control.attr("aria-describedby").split(" ")).contains(field + "-error");
        assertThat(page.select(".error-summary a[href=#" + field + "]").text()).isEqualTo(message);
    }

    private static List<Long> ids(List<Comment> comments) {
        return comments.stream().map(Comment::getId).toList();
    }

    private static Document page(MvcTestResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

}
