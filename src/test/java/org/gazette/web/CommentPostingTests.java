package org.gazette.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.gazette.Change;
import org.gazette.SharedChanges;
import org.gazette.article.Article;
import org.gazette.comment.Comment;
import org.gazette.comment.CommentFixtures;
import org.gazette.comment.CommentSettingsService;
import org.gazette.comment.CommentStatus;
import org.gazette.comment.ModerationMode;
import org.gazette.comment.StatusReason;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posting a comment that is accepted: approved, held for moderation or quietly marked
 * spam. Each answers 303 to the article; a comment readers cannot see yet is shown to its
 * author alone, through the signed token in the redirect.
 */
@ReaderSideTest
class CommentPostingTests {

    private static final String AWAITING = "Your comment is awaiting moderation.";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private TestArticles articles;

    @Autowired
    private CommentFixtures fixtures;

    @Autowired
    private CommentSettingsService settings;

    @Autowired
    private SharedChanges changes;

    @Autowired
    private MutableClock clock;

    @AfterEach
    void restoreDefaults() {
        this.clock.reset();
        moderation(ModerationMode.FIRST_TIME);
    }

    // approved ---------------------------------------------------------------

    @Test
    void approvedCommentRedirectsToItsPermalinkAndIsShownToEveryone() throws Exception {
        moderation(ModerationMode.NONE);
        Article article = this.articles.create("Bridge reopens after repairs");
        CommentForm form = CommentForm.by("Ann Lee").with("url", "https://ann.example/blog");

        MvcTestResult result = post(form, article);

        Comment stored = onlyCommentOn(article);
        assertThat(result).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION))
            .isEqualTo("/articles/" + article.getSlug() + "#comment-" + stored.getId());
        assertThat(stored.getStatus()).isEqualTo(CommentStatus.APPROVED);
        assertThat(stored.getStatusReason()).isEqualTo(StatusReason.MODERATION_OFF);
        assertThat(stored.getAuthorName()).isEqualTo("Ann Lee");
        assertThat(stored.getAuthorEmail()).isEqualTo(form.get("email"));
        assertThat(stored.getAuthorWebsite()).isEqualTo("https://ann.example/blog");
        assertThat(stored.getBody()).isEqualTo(form.get("comment"));
        assertThat(stored.getParentId()).isNull();
        assertThat(stored.getClientAddress()).isEqualTo("127.0.0.1");

        MvcTestResult page = this.mvc.get().uri("/articles/{slug}", article.getSlug()).exchange();
        Element shown = Jsoup.parse(page.getResponse().getContentAsString())
            .getElementById("comment-" + stored.getId());
        assertThat(shown).isNotNull();
        assertThat(shown.select(".comment-author").text()).isEqualTo("Ann Lee");
        assertThat(shown.select(".comment-author a").attr("href")).isEqualTo("https://ann.example/blog");
        assertThat(shown.select(".comment-content").text()).isEqualTo(form.get("comment"));
        assertThat(shown.select(".comment-awaiting-note")).isEmpty();
        assertThat(page.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).startsWith("public");
    }

    @Test
    void commentWhoseThreadIsOnALaterPageRedirectsToThatPage() throws Exception {
        moderation(ModerationMode.NONE);
        Article article = this.articles.create("Library extends its hours");
        Instant earlier = this.clock.instant().minus(Duration.ofHours(1));
        for (int i = 1; i <= 3; i++) {
            this.fixtures.approved(article, null, "Reader " + i, "Earlier comment " + i, earlier.plusSeconds(i));
        }

        MvcTestResult result = post(CommentForm.by("Ann Lee"), article);

        Comment stored = newest(article);
        String location = result.getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(location).isEqualTo("/articles/" + article.getSlug() + "?page=2#comment-" + stored.getId());
        Document page = get(location);
        assertThat(page.getElementById("comment-" + stored.getId())).isNotNull();
    }

    @Test
    void removedThreadsStillShowingRepliesCountTowardsThePage() throws Exception {
        moderation(ModerationMode.NONE);
        Article article = this.articles.create("Ferry service restored");
        Instant earlier = this.clock.instant().minus(Duration.ofHours(1));
        Comment removed = this.fixtures.approved(article, null, "Reader 1", "Removed later", earlier);
        this.fixtures.approved(article, removed, "Reader 2", "A reply that stays", earlier.plusSeconds(1));
        this.fixtures.trash(removed, earlier.plusSeconds(2));
        this.fixtures.approved(article, null, "Reader 3", "Second thread", earlier.plusSeconds(3));
        Comment third = this.fixtures.approved(article, null, "Reader 4", "Third thread", earlier.plusSeconds(4));

        MvcTestResult newThread = post(CommentForm.by("Ann Lee"), article);
        Comment posted = newest(article);
        MvcTestResult reply = post(CommentForm.by("Bo Chen").replyingTo(third.getId()), article);

        assertThat(newThread.getResponse().getHeader(HttpHeaders.LOCATION))
            .isEqualTo("/articles/" + article.getSlug() + "?page=2#comment-" + posted.getId());
        assertThat(reply.getResponse().getHeader(HttpHeaders.LOCATION))
            .isEqualTo("/articles/" + article.getSlug() + "#comment-" + newest(article).getId());
        assertThat(get(newThread.getResponse().getHeader(HttpHeaders.LOCATION))
            .getElementById("comment-" + posted.getId())).isNotNull();
    }

    @Test
    void replyRedirectsToThePageItsThreadIsOn() throws Exception {
        moderation(ModerationMode.NONE);
        Article article = this.articles.create("Snow clearing budget debated");
        Instant earlier = this.clock.instant().minus(Duration.ofHours(1));
        Comment first = this.fixtures.approved(article, null, "Reader 1", "First thread", earlier);
        for (int i = 2; i <= 3; i++) {
            this.fixtures.approved(article, null, "Reader " + i, "Thread " + i, earlier.plusSeconds(i));
        }
        Comment fourth = this.fixtures.approved(article, null, "Reader 4", "Fourth thread", earlier.plusSeconds(4));

        MvcTestResult toFirst = post(CommentForm.by("Ann Lee").replyingTo(first.getId()), article);
        Comment replyToFirst = newest(article);
        MvcTestResult toFourth = post(CommentForm.by("Bo Chen").replyingTo(fourth.getId()), article);
        Comment replyToFourth = newest(article);

        assertThat(toFirst.getResponse().getHeader(HttpHeaders.LOCATION))
            .isEqualTo("/articles/" + article.getSlug() + "#comment-" + replyToFirst.getId());
        assertThat(toFourth.getResponse().getHeader(HttpHeaders.LOCATION))
            .isEqualTo("/articles/" + article.getSlug() + "?page=2#comment-" + replyToFourth.getId());
        assertThat(replyToFirst.getParentId()).isEqualTo(first.getId());
        assertThat(replyToFirst.getDepth()).isEqualTo(2);
        assertThat(replyToFirst.getRootId()).isEqualTo(first.getId());
        Element thread = get(toFourth.getResponse().getHeader(HttpHeaders.LOCATION))
            .getElementById("comment-" + fourth.getId());
        assertThat(thread.select("ol.children > li#comment-" + replyToFourth.getId())).hasSize(1);
    }

    // held: shown to its author only -------------------------------------------

    @Test
    void firstTimeCommenterIsHeldAndSeesTheCommentThroughTheRedirect() throws Exception {
        Article article = this.articles.create("Transit fares to rise");
        CommentForm form = CommentForm.by("Ann Lee");

        MvcTestResult result = post(form, article);

        Comment stored = onlyCommentOn(article);
        assertThat(stored.getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(stored.getStatusReason()).isEqualTo(StatusReason.FIRST_TIME);
        assertThat(result).hasStatus(HttpStatus.SEE_OTHER);
        UriComponents location = location(result);
        assertThat(location.getPath()).isEqualTo("/articles/" + article.getSlug());
        assertThat(location.getQueryParams().keySet()).containsExactly("held");
        assertThat(location.getFragment()).isEqualTo("comment-" + stored.getId());

        MvcTestResult asAuthor = this.mvc.get().uri(withoutFragment(result)).exchange();
        Element own = Jsoup.parse(asAuthor.getResponse().getContentAsString())
            .getElementById("comment-" + stored.getId());
        assertThat(own).isNotNull();
        assertThat(own.select(".comment-awaiting-note").text()).isEqualTo(AWAITING);
        assertThat(own.select(".comment-content").text()).isEqualTo(form.get("comment"));
        assertThat(own.select(".comment-reply-link")).isEmpty();
        assertThat(asAuthor.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("private, no-store");

        MvcTestResult asAnyoneElse = this.mvc.get().uri("/articles/{slug}", article.getSlug()).exchange();
        String othersSee = asAnyoneElse.getResponse().getContentAsString();
        assertThat(Jsoup.parse(othersSee).getElementById("comment-" + stored.getId())).isNull();
        assertThat(othersSee).doesNotContain(form.get("comment")).doesNotContain(AWAITING);
        assertThat(asAnyoneElse.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).startsWith("public");
    }

    @Test
    void heldTokenShowsTheCommentFor24HoursOnly() throws Exception {
        Article article = this.articles.create("Harbour cleanup begins");
        MvcTestResult result = post(CommentForm.by("Ann Lee"), article);
        Comment stored = onlyCommentOn(article);
        String url = withoutFragment(result);

        this.clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(showsAwaiting(url, stored)).isTrue();

        this.clock.advance(Duration.ofMinutes(2));
        MvcTestResult expired = this.mvc.get().uri(url).exchange();
        assertThat(Jsoup.parse(expired.getResponse().getContentAsString()).getElementById("comment-" + stored.getId()))
            .isNull();
        assertThat(expired.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).startsWith("public");
    }

    @Test
    void alteredOrForeignTokensShowNothing() throws Exception {
        Article article = this.articles.create("Farmers market moves indoors");
        Article other = this.articles.create("School board elects chair");
        MvcTestResult first = post(CommentForm.by("Ann Lee"), article);
        Comment firstHeld = onlyCommentOn(article);
        post(CommentForm.by("Bo Chen"), article);
        Comment secondHeld = newest(article);
        String token = location(first).getQueryParams().getFirst("held");
        String payload = token.substring(0, token.lastIndexOf('.'));
        String signature = token.substring(token.lastIndexOf('.') + 1);

        assertThat(showsAwaiting(pageUrl(article, token), firstHeld)).isTrue();
        List<String> forged = List.of(
                payload + "." + flipLastCharacter(signature),
                secondHeld.getId() + payload.substring(payload.indexOf('.')) + "." + signature,
                firstHeld.getId() + "." + (Instant.now().plus(Duration.ofDays(365)).getEpochSecond()) + "." + signature,
                payload, payload + ".", Long.toString(firstHeld.getId()), "", "x".repeat(200));
        for (String attempt : forged) {
            Document page = get(pageUrl(article, attempt));
            assertThat(page.getElementById("comment-" + firstHeld.getId())).as(attempt).isNull();
            assertThat(page.getElementById("comment-" + secondHeld.getId())).as(attempt).isNull();
        }
        assertThat(get(pageUrl(other, token)).getElementById("comment-" + firstHeld.getId())).isNull();
        assertThat(get(pageUrl(article, token)).getElementById("comment-" + secondHeld.getId())).isNull();
    }

    @Test
    void tokenIsSignedAndNotTheCommentNumber() throws Exception {
        Article article = this.articles.create("Ferry schedule changes");
        MvcTestResult first = post(CommentForm.by("Ann Lee"), article);
        MvcTestResult second = post(CommentForm.by("Bo Chen"), article);

        String one = location(first).getQueryParams().getFirst("held");
        String two = location(second).getQueryParams().getFirst("held");
        String signatureOne = one.substring(one.lastIndexOf('.') + 1);
        String signatureTwo = two.substring(two.lastIndexOf('.') + 1);
        assertThat(Base64.getUrlDecoder().decode(signatureOne)).hasSize(32);
        assertThat(signatureOne).isNotEqualTo(signatureTwo);
    }

    @Test
    void heldReplyIsShownToItsAuthorUnderItsParent() throws Exception {
        Article article = this.articles.create("Museum wins heritage grant");
        Comment parent = this.fixtures.approved(article, null, "Reader One", "An approved comment",
                this.clock.instant().minusSeconds(60));

        MvcTestResult result = post(CommentForm.by("Ann Lee").replyingTo(parent.getId()), article);

        Comment reply = newest(article);
        assertThat(reply.getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(reply.getParentId()).isEqualTo(parent.getId());
        Element shownParent = get(withoutFragment(result)).getElementById("comment-" + parent.getId());
        Element shownReply = shownParent.selectFirst("ol.children > li#comment-" + reply.getId());
        assertThat(shownReply).isNotNull();
        assertThat(shownReply.select(".comment-awaiting-note").text()).isEqualTo(AWAITING);
        assertThat(get("/articles/" + article.getSlug()).getElementById("comment-" + reply.getId())).isNull();
    }

    @Test
    void commenterApprovedBeforeIsPublishedAtOnceInFirstTimeMode() throws Exception {
        Article article = this.articles.create("City adopts climate plan");
        CommentForm ann = CommentForm.by("Ann Lee");
        post(ann, article);
        this.fixtures.approve(onlyCommentOn(article), this.clock.instant());

        MvcTestResult again = post(ann.with("comment", "Following up on my earlier point."), article);
        Comment second = newest(article);
        MvcTestResult otherName = ann.with("author", "Ann L.").with("comment", "Same email, other name.")
            .postTo(this.mvc, article)
            .exchange();
        Comment third = newest(article);

        assertThat(second.getStatus()).isEqualTo(CommentStatus.APPROVED);
        assertThat(second.getStatusReason()).isEqualTo(StatusReason.KNOWN_COMMENTER);
        assertThat(location(again).getQueryParams()).doesNotContainKey("held");
        assertThat(third.getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(third.getStatusReason()).isEqualTo(StatusReason.FIRST_TIME);
        assertThat(location(otherName).getQueryParams()).containsKey("held");
    }

    @Test
    void everyCommentIsHeldInModeAll() throws Exception {
        Article article = this.articles.create("Stadium vote delayed");
        CommentForm ann = CommentForm.by("Ann Lee");
        post(ann, article);
        this.fixtures.approve(onlyCommentOn(article), this.clock.instant());
        moderation(ModerationMode.ALL);

        MvcTestResult result = post(ann.with("comment", "Another thought."), article);

        assertThat(newest(article).getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(newest(article).getStatusReason()).isEqualTo(StatusReason.MODERATION_ALL);
        assertThat(location(result).getQueryParams()).containsKey("held");
    }

    // quietly spam: the answer looks like a held comment -------------------------

    @Test
    void filledHiddenFieldIsStoredAsSpamAndAnsweredLikeAHeldComment() throws Exception {
        moderation(ModerationMode.NONE);
        Article article = this.articles.create("Council approves bike lanes");
        CommentForm robot = CommentForm.by("Cheap Pills").with("subject", "Buy now");

        MvcTestResult result = post(robot, article);

        Comment stored = onlyCommentOn(article);
        assertThat(stored.getStatus()).isEqualTo(CommentStatus.SPAM);
        assertThat(stored.getStatusReason()).isEqualTo(StatusReason.HONEYPOT);
        assertLooksHeld(result, article, stored, robot);
    }

    @Test
    void disallowedWordSendsTheCommentToSpamQuietly() throws Exception {
        Article article = this.articles.create("Casino proposal returns");
        this.settings.update(ModerationMode.NONE, 2, 0, "viagra\nCasino", "");
        CommentForm form = CommentForm.by("Ann Lee").with("comment", "Best CASINO bonus here");

        MvcTestResult result = post(form, article);

        Comment stored = onlyCommentOn(article);
        assertThat(stored.getStatus()).isEqualTo(CommentStatus.SPAM);
        assertThat(stored.getStatusReason()).isEqualTo(StatusReason.DISALLOWED_WORD);
        assertThat(stored.getStatusDetail()).isEqualTo("casino");
        assertLooksHeld(result, article, stored, form);
    }

    @Test
    void disallowedWordInTheWebsiteCounts() throws Exception {
        Article article = this.articles.create("Pharmacy hours extended");
        this.settings.update(ModerationMode.NONE, 2, 0, "viagra", "");

        post(CommentForm.by("Ann Lee").with("url", "https://cheap-viagra.example"), article);

        assertThat(onlyCommentOn(article).getStatus()).isEqualTo(CommentStatus.SPAM);
    }

    @Test
    void moderationWordHoldsTheCommentWithTheWordRecorded() throws Exception {
        Article article = this.articles.create("Election debate tonight");
        this.settings.update(ModerationMode.NONE, 2, 0, "", "lawsuit");

        MvcTestResult result = CommentForm.by("Ann Lee")
            .with("comment", "This will end in a Lawsuit.")
            .postTo(this.mvc, article)
            .exchange();

        Comment stored = onlyCommentOn(article);
        assertThat(stored.getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(stored.getStatusReason()).isEqualTo(StatusReason.MODERATION_WORD);
        assertThat(stored.getStatusDetail()).isEqualTo("lawsuit");
        assertThat(location(result).getQueryParams()).containsKey("held");
    }

    @Test
    void moreLinksThanAllowedHoldTheComment() throws Exception {
        moderation(ModerationMode.NONE);
        Article article = this.articles.create("New park design unveiled");
        String twoLinks = "See https://one.example and https://two.example for more.";
        String threeLinks = twoLinks + " Also www.three.example.";

        post(CommentForm.by("Ann Lee").with("comment", twoLinks), article);
        Comment two = newest(article);
        MvcTestResult result = post(CommentForm.by("Bo Chen").with("comment", threeLinks), article);
        Comment three = newest(article);

        assertThat(two.getStatus()).isEqualTo(CommentStatus.APPROVED);
        assertThat(three.getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(three.getStatusReason()).isEqualTo(StatusReason.TOO_MANY_LINKS);
        assertThat(three.getStatusDetail()).isEqualTo("3 links");
        assertThat(location(result).getQueryParams()).containsKey("held");
    }

    @Test
    void editorsNameHoldsTheComment() throws Exception {
        moderation(ModerationMode.NONE);
        Article article = this.articles.create("Newsroom answers readers");

        post(CommentForm.by("Editor"), article);
        Comment displayName = newest(article);
        post(CommentForm.by("editor"), article);
        Comment otherCase = newest(article);

        assertThat(displayName.getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(displayName.getStatusReason()).isEqualTo(StatusReason.STAFF_NAME);
        assertThat(displayName.getStatusDetail()).isEqualTo("Editor");
        assertThat(otherCase.getStatusReason()).isEqualTo(StatusReason.STAFF_NAME);
    }

    // what is stored -------------------------------------------------------------

    @Test
    void textIsStoredNormalised() throws Exception {
        moderation(ModerationMode.NONE);
        Article article = this.articles.create("Ice storm knocks out power");

        CommentForm.by("Ann Lee")
            .with("comment", "  First line\r\nsecond line\r\n\r\nCafe\u0301\tau lait  \r\n")
            .with("author", "  Zoe\u0308 Lee ")
            .with("email", "Ann.Lee@Mail.Example")
            .with("url", "  ")
            .postTo(this.mvc, article)
            .exchange();

        Comment stored = onlyCommentOn(article);
        assertThat(stored.getBody()).isEqualTo("First line\nsecond line\n\nCafé\tau lait");
        assertThat(stored.getAuthorName()).isEqualTo("Zoë Lee");
        assertThat(stored.getAuthorEmail()).isEqualTo("ann.lee@mail.example");
        assertThat(stored.getAuthorWebsite()).isNull();
    }

    @Test
    void tenThousandEmojiAreTenThousandCharacters() throws Exception {
        moderation(ModerationMode.NONE);
        Article article = this.articles.create("Emoji dictionary published");
        String emoji = "\uD83D\uDE00".repeat(10_000);

        MvcTestResult result = post(CommentForm.by("Ann Lee").with("comment", emoji), article);

        assertThat(result).hasStatus(HttpStatus.SEE_OTHER);
        String body = onlyCommentOn(article).getBody();
        assertThat(body.codePointCount(0, body.length())).isEqualTo(10_000);
        assertThat(body).isEqualTo(emoji);
    }

    @Test
    void lineEndingsAreCountedAfterNormalisation() throws Exception {
        moderation(ModerationMode.NONE);
        Article article = this.articles.create("Poetry contest winners");
        String text = "a\r\n".repeat(4_999) + "bc";

        MvcTestResult result = post(CommentForm.by("Ann Lee").with("comment", text), article);

        assertThat(text).hasSizeGreaterThan(10_000);
        assertThat(result).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(onlyCommentOn(article).getBody()).isEqualTo("a\n".repeat(4_999) + "bc").hasSize(10_000);
    }

    // remembered details -----------------------------------------------------------

    @Test
    void tickedBoxRemembersNameEmailAndWebsiteInACookie() throws Exception {
        Article article = this.articles.create("Marathon route announced");
        CommentForm form = CommentForm.by("Zoë Ångström")
            .with("url", "https://zoe.example")
            .with("remember", "true");

        MvcTestResult result = post(form, article);

        String cookie = commenterCookie(result);
        assertThat(cookie).contains("Max-Age=31536000").contains("Path=/").contains("SameSite=Lax");
        String value = cookie.substring("gazette_commenter=".length(), cookie.indexOf(';'));
        String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo("Zoë Ångström\n" + form.get("email") + "\nhttps://zoe.example");
    }

    @Test
    void untickedBoxClearsTheRememberedDetails() throws Exception {
        Article article = this.articles.create("Marathon route changed");

        MvcTestResult result = post(CommentForm.by("Ann Lee"), article);

        assertThat(commenterCookie(result)).startsWith("gazette_commenter=;").contains("Max-Age=0");
    }

    @Test
    void refusedPostLeavesTheRememberedDetailsAlone() throws Exception {
        Article article = this.articles.create("Marathon cancelled");

        MvcTestResult result = CommentForm.by("Ann Lee")
            .with("email", "not an address")
            .with("remember", "true")
            .postTo(this.mvc, article)
            .exchange();

        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(result.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();
    }

    @Test
    void pageNeverFillsTheFormFromTheRememberedDetails() throws Exception {
        Article article = this.articles.create("Marathon results");
        MvcTestResult posted = post(CommentForm.by("Ann Lee").with("remember", "true"), article);
        String cookie = commenterCookie(posted);

        MvcTestResult withCookie = this.mvc.get()
            .uri("/articles/{slug}", article.getSlug())
            .header(HttpHeaders.COOKIE, cookie.substring(0, cookie.indexOf(';')))
            .exchange();
        this.changes.publish(Change.everything());
        MvcTestResult without = this.mvc.get().uri("/articles/{slug}", article.getSlug()).exchange();

        assertThat(withCookie.getResponse().getContentAsString()).isEqualTo(without.getResponse().getContentAsString());
        Document page = Jsoup.parse(withCookie.getResponse().getContentAsString());
        assertThat(page.getElementById("author").val()).isEmpty();
        assertThat(page.getElementById("email").val()).isEmpty();
    }

    // helpers --------------------------------------------------------------------

    private MvcTestResult post(CommentForm form, Article article) {
        return form.postTo(this.mvc, article).exchange();
    }

    private void moderation(ModerationMode mode) {
        this.settings.update(mode, 2, 0, "", "");
    }

    private void assertLooksHeld(MvcTestResult result, Article article, Comment stored, CommentForm form)
            throws Exception {
        assertThat(result).hasStatus(HttpStatus.SEE_OTHER);
        UriComponents location = location(result);
        assertThat(location.getQueryParams().keySet()).containsExactly("held");
        assertThat(location.getFragment()).isEqualTo("comment-" + stored.getId());
        assertThat(showsAwaiting(withoutFragment(result), stored)).isTrue();
        String othersSee = this.mvc.get().uri("/articles/{slug}", article.getSlug()).exchange().getResponse()
            .getContentAsString();
        assertThat(othersSee).doesNotContain(form.get("comment"));
    }

    private boolean showsAwaiting(String url, Comment comment) throws Exception {
        MvcTestResult result = this.mvc.get().uri(url).exchange();
        Element shown = Jsoup.parse(result.getResponse().getContentAsString())
            .getElementById("comment-" + comment.getId());
        return shown != null && shown.select(".comment-awaiting-note").text().equals(AWAITING)
                && "private, no-store".equals(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL));
    }

    private Document get(String url) throws Exception {
        MvcTestResult result = this.mvc.get().uri(url).exchange();
        assertThat(result).hasStatusOk();
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    private Comment onlyCommentOn(Article article) {
        List<Comment> stored = this.fixtures.storedOn(article);
        assertThat(stored).hasSize(1);
        return stored.get(0);
    }

    private Comment newest(Article article) {
        List<Comment> stored = this.fixtures.storedOn(article);
        return stored.get(stored.size() - 1);
    }

    private static String commenterCookie(MvcTestResult result) {
        List<String> cookies = result.getResponse().getHeaders(HttpHeaders.SET_COOKIE);
        assertThat(cookies).hasSize(1);
        assertThat(cookies.get(0)).startsWith("gazette_commenter=");
        return cookies.get(0);
    }

    private static UriComponents location(MvcTestResult result) {
        return UriComponentsBuilder.fromUriString(result.getResponse().getHeader(HttpHeaders.LOCATION)).build();
    }

    private static String withoutFragment(MvcTestResult result) {
        String location = result.getResponse().getHeader(HttpHeaders.LOCATION);
        return location.substring(0, location.indexOf('#'));
    }

    private static String pageUrl(Article article, String token) {
        return UriComponentsBuilder.fromPath("/articles/{slug}")
            .queryParam("held", token)
            .buildAndExpand(article.getSlug())
            .encode()
            .toUriString();
    }

    private static String flipLastCharacter(String value) {
        char last = value.charAt(value.length() - 1);
        return value.substring(0, value.length() - 1) + ((last == 'A') ? 'B' : 'A');
    }

}
