package org.gazette.moderation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nu.validator.client.EmbeddedValidator;
import org.gazette.article.Article;
import org.gazette.article.ArticleRepository;
import org.gazette.article.ArticleStatus;
import org.gazette.article.PhotoCaption;
import org.gazette.article.TestPhotos;
import org.gazette.comment.CommentRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The desk's Articles section end to end: an editor writes an article, previews it,
 * publishes it and readers see it; its slug follows the headline until it is first
 * published and never changes after; edits keep its id, URL and comments; every write is
 * in the audit log; a stale form is refused with the editor's text kept.
 */
@SpringBootTest(properties = "gazette.moderation.mode=none")
@AutoConfigureMockMvc
class ArticleDeskTests {

    private static final Pattern EDIT_URL = Pattern.compile("^/moderation/articles/(\\d+)/edit$");

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private ArticleRepository articles;

    @Autowired
    private CommentRepository comments;

    @Autowired
    private AuditLog audit;

    @Test
    void aPublishedArticleIsOnItsPublicPageWithEveryKindOfBlock() {
        String headline = unique("Council votes to rebuild the harbour");
        long id = create(headline, "publish", """
                The council voted on Tuesday.

                ## What happens next

                Work starts in spring.

                ![]()
                The harbour at dawn. (Staff Photographer)""");
        Article article = this.articles.findById(id).orElseThrow();
        assertThat(article.getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.getFirstPublishedAt()).isNotNull();
        assertThat(this.mvc.get().uri("/articles/{slug}", article.getSlug())).hasStatusOk()
            .bodyText()
            .contains("<h1 class=\"headline\">" + headline + "</h1>", "<p class=\"byline\">By Ann Writer</p>",
                    "<p class=\"standfirst\">What the vote means.</p>", "<h2>What happens next</h2>",
                    "<p>Work starts in spring.</p>", "<span class=\"caption\">The harbour at dawn.</span>",
                    "<span class=\"credit\">Staff Photographer</span>", "datetime=\"2022-03-04T12:00:00-05:00\"");
        assertThat(lines(id)).containsExactly("ARTICLE_PUBLISH desk-editor", "ARTICLE_CREATE desk-editor");
    }

    @Test
    void aDraftsSlugFollowsItsHeadlineUntilItIsFirstPublishedThenNeverChanges() {
        String first = unique("First working title");
        long id = create(first, "draft", "Text.");
        assertThat(slug(id)).startsWith("first-working-title-");
        String second = unique("Second working title");
        assertThat(save(id, second, "draft", "Text.")).hasStatus(HttpStatus.SEE_OTHER);
        String published = slug(id);
        assertThat(published).startsWith("second-working-title-");
        assertThat(save(id, second, "publish", "Text.")).hasStatus(HttpStatus.SEE_OTHER);
        String third = unique("A sharper headline after publishing");
        assertThat(save(id, third, "publish", "Text.")).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(slug(id)).isEqualTo(published);
        assertThat(this.mvc.get().uri("/articles/{slug}", published)).hasStatusOk().bodyText().contains(third);
        assertThat(save(id, unique("Taken back"), "unpublish", "Text.")).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(save(id, unique("Yet another"), "draft", "Text.")).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(slug(id)).as("once published, unpublishing does not free the slug").isEqualTo(published);
    }

    @Test
    void aHeadlineWhoseSlugIsTakenGetsTheNextNumber() {
        String headline = unique("Same headline twice");
        long first = create(headline, "publish", "One.");
        long second = create(headline, "draft", "Two.");
        assertThat(slug(second)).isEqualTo(slug(first) + "-2");
        assertThat(save(second, headline, "draft", "Two, edited.")).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(slug(second)).as("its own slug does not count as taken").isEqualTo(slug(first) + "-2");
    }

    @Test
    void editingAPublishedArticleKeepsItsIdUrlAndComments() {
        long id = create(unique("Storm closes the ferry"), "publish", "The ferry stopped.");
        String slug = slug(id);
        assertThat(this.mvc.post()
            .uri("/articles/{slug}/comments", slug)
            .param("comment", "Stay safe, everyone.")
            .param("author", "Reader")
            .param("email", "reader@example.com")).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(this.comments.countApproved(id)).isEqualTo(1);
        assertThat(save(id, unique("Storm closes the ferry for a week"), "publish",
                "The ferry stopped.\n\n## Update\n\nIt stays shut all week.")).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(slug(id)).isEqualTo(slug);
        assertThat(this.comments.countApproved(id)).isEqualTo(1);
        assertThat(this.mvc.get().uri("/articles/{slug}", slug)).hasStatusOk()
            .bodyText()
            .contains("It stays shut all week.", "Stay safe, everyone.", "1 comment");
        assertThat(lines(id)).first().isEqualTo("ARTICLE_EDIT desk-editor");
        assertThat(this.mvc.get().uri("/moderation/articles").with(editor())).hasStatusOk()
            .bodyText()
            .contains("1 approved comment");
    }

    @Test
    void unpublishingTakesItBackToADraftAndIsLogged() {
        long id = create(unique("Rumour denied"), "publish", "It was not true.");
        assertThat(save(id, headline(id), "unpublish", "It was not true.")).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(this.articles.findById(id).orElseThrow().getStatus()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(lines(id)).first().isEqualTo("ARTICLE_UNPUBLISH desk-editor");
        assertThat(this.mvc.get().uri("/moderation/articles/{id}/edit", id).with(editor())).hasStatusOk()
            .bodyText()
            .containsPattern(">Publish</button>")
            .contains("Save draft")
            .doesNotContain("Unpublish");
    }

    @Test
    void aSaveWithNothingChangedWritesNothing() {
        long id = create(unique("Quiet day"), "draft", "Nothing happened.");
        long version = version(id);
        assertThat(save(id, headline(id), "draft", "Nothing happened.")).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(version(id)).isEqualTo(version);
        assertThat(lines(id)).containsExactly("ARTICLE_CREATE desk-editor");
    }

    @Test
    void aStaleFormIsRefusedWith409AndKeepsTheEditorsText() {
        long id = create(unique("Budget day"), "draft", "Draft one.");
        long seen = version(id);
        assertThat(saveAt(id, seen, headline(id), "draft", "Draft two, by another editor."))
            .hasStatus(HttpStatus.SEE_OTHER);
        MvcTestResult stale = saveAt(id, seen, headline(id), "publish", "Draft three, over the old version.");
        assertThat(stale).hasStatus(HttpStatus.CONFLICT)
            .bodyText()
            .contains("Another editor saved this article", "Draft three, over the old version.",
                    "name=\"version\" value=\"" + version(id) + "\"");
        Article article = this.articles.findWithBodyById(id).orElseThrow();
        assertThat(article.getStatus()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(article.getBlocks().get(0).getText()).isEqualTo("Draft two, by another editor.");
    }

    @Test
    void invalidInputIs422WithEachMessageAtItsFieldAndEverythingKept() {
        long before = this.articles.count();
        assertThat(this.mvc.post()
            .uri("/moderation/articles")
            .with(editor())
            .with(csrf())
            .param("headline", "")
            .param("dateline", "soon")
            .param("byline", "Kept Byline")
            .param("body", "Kept paragraph.\n\n![](/media/missing.jpg)\nKept caption.")
            .param("action", "publish")).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
            .bodyText()
            .contains("Enter a headline.", "Enter the dateline as a date, such as 2022-01-12.",
                    "Photo 1: there is no photo at /media/missing.jpg in the library",
                    "Photo 1: describe the image in the alt text", "value=\"Kept Byline\"", "Kept caption.",
                    "id=\"headline-error\"", "id=\"body-error\"");
        assertThat(this.articles.count()).isEqualTo(before);
    }

    @Test
    void aPreviewShowsTheArticleAsReadersWillWithoutSavingAndIsNotCached() {
        long before = this.articles.count();
        String headline = unique("Preview only");
        MvcTestResult preview = this.mvc.post()
            .uri("/moderation/articles")
            .with(editor())
            .with(csrf())
            .param("headline", headline)
            .param("dateline", "2022-03-04")
            .param("body", "A paragraph.\n\n## A subheading")
            .param("action", "preview")
            .exchange();
        assertThat(preview).hasStatusOk()
            .bodyText()
            .contains("Preview: as readers will see it", "<h1 class=\"headline\">" + headline + "</h1>",
                    "<h2>A subheading</h2>", "name=\"headline\" value=\"" + headline + "\"");
        assertThat(preview).headers().hasValue(HttpHeaders.CACHE_CONTROL, "private, no-store");
        assertThat(this.articles.count()).isEqualTo(before);
    }

    @Test
    void theListShowsArticlesNewestFirstWithStatusCommentsAndLinks() throws Exception {
        String older = unique("Older story");
        String newer = unique("Newer story");
        long olderId = create(older, "publish", "Old.", "2030-01-01");
        long newerId = create(newer, "draft", "New.", "2030-01-02");
        String page = this.mvc.get().uri("/moderation/articles").with(editor()).exchange().getResponse()
            .getContentAsString();
        assertThat(page).contains(">Articles</a>", "href=\"/moderation/articles/new\"",
                "href=\"/moderation/articles/" + newerId + "/edit\"", "href=\"/articles/" + slug(olderId) + "\"")
            .as("the import page is administrators'")
            .doesNotContain("href=\"/moderation/articles/import\"")
            .containsPattern("no approved comments</span>,\\s*<span>open</span>")
            .doesNotContain("href=\"/articles/" + slug(newerId) + "\"");
        assertThat(page.indexOf(newer)).isLessThan(page.indexOf(older));
        assertThat(page.substring(page.indexOf(newer))).contains("Draft");
        assertThat(this.mvc.get().uri("/moderation/articles").with(admin()).exchange().getResponse()
            .getContentAsString()).contains("href=\"/moderation/articles/import\"");
        assertThat(this.mvc.get().uri("/moderation/articles?page=0").with(editor())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(this.mvc.get().uri("/moderation/articles?page=99").with(editor()))
            .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void readersAreSentToSignInAndChangeNothing() {
        long before = this.articles.count();
        assertThat(this.mvc.get().uri("/moderation/articles")).hasStatus(HttpStatus.FOUND)
            .hasRedirectedUrl("/login");
        assertThat(this.mvc.get().uri("/moderation/articles/new")).hasStatus(HttpStatus.FOUND)
            .hasRedirectedUrl("/login");
        assertThat(this.mvc.post()
            .uri("/moderation/articles")
            .with(csrf())
            .param("headline", "Intruder")
            .param("dateline", "2022-01-01")
            .param("body", "Text.")
            .param("action", "publish")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
        assertThat(this.articles.count()).isEqualTo(before);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        long before = this.articles.count();
        assertThat(this.mvc.post()
            .uri("/moderation/articles")
            .with(editor())
            .param("headline", "Forged")
            .param("dateline", "2022-01-01")
            .param("body", "Text.")
            .param("action", "publish")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(this.articles.count()).isEqualTo(before);
    }

    @Test
    void anUnknownArticleIs404() {
        assertThat(this.mvc.get().uri("/moderation/articles/999999/edit").with(editor()))
            .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(this.mvc.post()
            .uri("/moderation/articles/999999")
            .with(editor())
            .with(csrf())
            .param("headline", "H")
            .param("dateline", "2022-01-01")
            .param("body", "Text.")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anUploadedPhotoJoinsTheBodyAndReadersSeeItWithItsSize() throws Exception {
        String headline = unique("Harbour at dawn");
        MvcTestResult added = this.mvc.post()
            .uri("/moderation/articles")
            .multipart()
            .file(new MockMultipartFile("photoFile", "harbour.jpg", "image/jpeg", TestPhotos.jpeg(64, 48)))
            .with(editor())
            .with(csrf())
            .param("headline", headline)
            .param("dateline", "2022-03-04")
            .param("body", "The first boats left at five.")
            .param("photoAlt", "Fishing boats leaving the harbour")
            .param("photoCaption", "Boats leave the harbour on Friday.")
            .param("photoCredit", "Ann Photographer")
            .param("action", "add_photo")
            .exchange();
        assertThat(added).hasStatusOk()
            .bodyText()
            .contains("Photo added at the end of the body.", "Preview: as readers will see it")
            .containsPattern("The first boats left at five\\.\\s+!\\[Fishing boats leaving the harbour\\]"
                    + "\\(/media/[0-9a-f]{64}\\.jpg\\)\\s+Boats leave the harbour on Friday\\. \\(Ann Photographer\\)");
        String body = added.getResponse().getContentAsString();
        Matcher image = Pattern.compile("!\\[Fishing boats leaving the harbour\\]\\((/media/[0-9a-f]{64}\\.jpg)\\)")
            .matcher(body);
        assertThat(image.find()).isTrue();
        String url = image.group(1);
        long id = create(headline, "publish", "The first boats left at five.\n\n![Fishing boats leaving the harbour]("
                + url + ")\nBoats leave the harbour on Friday. (Ann Photographer)");
        assertThat(this.mvc.get().uri("/articles/{slug}", slug(id))).hasStatusOk()
            .bodyText()
            .containsPattern("<img[^>]*src=\"" + Pattern.quote(url) + "\"[^>]*alt=\"Fishing boats leaving the harbour\"")
            .contains("<span class=\"credit\">Ann Photographer</span>");
        PhotoCaption photo = this.articles.findWithBodyById(id).orElseThrow().getBlocks().get(1).getPhoto();
        assertThat(photo.getWidth()).isEqualTo(64);
        assertThat(photo.getHeight()).isEqualTo(48);
    }

    @Test
    void aRefusedFileIs422AtTheFileFieldWithEverythingElseKept() {
        assertThat(this.mvc.post()
            .uri("/moderation/articles")
            .multipart()
            .file(new MockMultipartFile("photoFile", "harbour.jpg", "image/jpeg", TestPhotos.png(20, 20)))
            .with(editor())
            .with(csrf())
            .param("headline", "Kept headline")
            .param("dateline", "2022-03-04")
            .param("body", "Kept body.")
            .param("photoAlt", "Kept alt text")
            .param("photoCaption", "Kept caption.")
            .param("action", "add_photo")).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
            .bodyText()
            .contains("id=\"photoFile-error\"", "value=\"Kept headline\"", "Kept body.", "value=\"Kept alt text\"",
                    "Kept caption.");
        assertThat(this.mvc.post()
            .uri("/moderation/articles")
            .multipart()
            .with(editor())
            .with(csrf())
            .param("headline", "H")
            .param("action", "add_photo")).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
            .bodyText()
            .contains("Choose an image file.", "Describe the image in the alt text.", "Write a caption for the photo.");
    }

    @Test
    void theDesksArticlePagesHaveNoHtmlErrors() throws Exception {
        long id = create(unique("Valid markup"), "publish", "One.\n\n## Two\n\n![]()\nA frame. (Credit)");
        assertValid("list", this.mvc.get().uri("/moderation/articles").with(editor()).exchange());
        assertValid("new", this.mvc.get().uri("/moderation/articles/new").with(editor()).exchange());
        assertValid("edit", this.mvc.get().uri("/moderation/articles/{id}/edit", id).with(editor()).exchange());
        assertValid("preview", this.mvc.post()
            .uri("/moderation/articles/{id}", id)
            .with(editor())
            .with(csrf())
            .param("headline", "Preview")
            .param("dateline", "2022-03-04")
            .param("body", "One.\n\n![]()\nA frame. (Credit)")
            .param("action", "preview")
            .exchange());
        assertValid("refused", this.mvc.post()
            .uri("/moderation/articles")
            .with(editor())
            .with(csrf())
            .param("headline", "")
            .param("body", "![x](/media/none.jpg)")
            .param("action", "publish")
            .exchange());
    }

    private static void assertValid(String page, MvcTestResult result) throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.TEXT);
        String html = result.getResponse().getContentAsString();
        assertThat(validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))))
            .as("Nu Html Checker report for %s", page)
            .doesNotContain("Error:");
    }

    private long create(String headline, String action, String body) {
        return create(headline, action, body, "2022-03-04");
    }

    private long create(String headline, String action, String body, String dateline) {
        MvcTestResult created = this.mvc.post()
            .uri("/moderation/articles")
            .with(editor())
            .with(csrf())
            .param("headline", headline)
            .param("dateline", dateline)
            .param("byline", "By Ann Writer")
            .param("standfirst", "What the vote means.")
            .param("body", body)
            .param("commentsOpen", "true")
            .param("action", action)
            .exchange();
        assertThat(created).hasStatus(HttpStatus.SEE_OTHER);
        Matcher id = EDIT_URL.matcher(created.getResponse().getRedirectedUrl());
        assertThat(id.matches()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private MvcTestResult save(long id, String headline, String action, String body) {
        return saveAt(id, version(id), headline, action, body);
    }

    private MvcTestResult saveAt(long id, long version, String headline, String action, String body) {
        return this.mvc.post()
            .uri("/moderation/articles/{id}", id)
            .with(editor())
            .with(csrf())
            .param("headline", headline)
            .param("dateline", "2022-03-04")
            .param("byline", "By Ann Writer")
            .param("standfirst", "What the vote means.")
            .param("body", body)
            .param("commentsOpen", "true")
            .param("version", Long.toString(version))
            .param("action", action)
            .exchange();
    }

    private String slug(long id) {
        return this.articles.findById(id).orElseThrow().getSlug();
    }

    private String headline(long id) {
        return this.articles.findById(id).orElseThrow().getHeadline();
    }

    private long version(long id) {
        return this.articles.findById(id).orElseThrow().getVersion();
    }

    /** The log's lines about the article, newest first: action and editor. */
    private List<String> lines(long id) {
        return this.audit.search(null, null, PageRequest.of(0, 500))
            .stream()
            .filter((event) -> Long.valueOf(id).equals(event.getArticleId()))
            .map((event) -> event.getAction() + " " + event.getEditor())
            .toList();
    }

    private static String unique(String headline) {
        return headline + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestPostProcessor editor() {
        return user("desk-editor").roles("EDITOR");
    }

    private static RequestPostProcessor admin() {
        return user("desk-admin").roles("EDITOR", "ADMIN");
    }

}
