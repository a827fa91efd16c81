package org.gazette.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gazette.Change;
import org.gazette.SharedChanges;
import org.gazette.article.Article;
import org.gazette.comment.Comment;
import org.gazette.comment.CommentFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article page as DESIGN.md's page contract describes it, read the way a browser,
 * a screen reader or a search engine reads it: by its markup.
 */
@ReaderSideTest
class ArticlePageTests {

    private static final String SEED = "/articles/as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    private static final String SEED_HEADLINE = "As talks with Russia halt, NATO chief warns of new war in Europe";

    /** 3:04 p.m. in Toronto on the seed article's day. */
    private static final Instant AFTERNOON = Instant.parse("2022-01-12T20:04:00Z");

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private TestArticles articles;

    @Autowired
    private CommentFixtures fixtures;

    /** "Anything may have changed" makes every page render afresh rather than come from the page cache. */
    @Autowired
    private SharedChanges changes;

    @LocalServerPort
    private int port;

    private Article article;

    @BeforeEach
    void publishArticle() {
        this.article = this.articles.create("Council approves new bridge");
    }

    // the article -------------------------------------------------------------------

    @Test
    void seedArticleHasOneHeadlineADatelineAndItsSubheadings() throws Exception {
        Document page = get(SEED);

        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.selectFirst("h1").text()).isEqualTo(SEED_HEADLINE);
        Element dateline = page.selectFirst("article .dateline time[datetime]");
        assertThat(dateline.text()).isEqualTo("January 12, 2022");
        assertThat(dateline.attr("datetime")).startsWith("2022-01-12T").endsWith("-05:00");
        assertThat(page.select("article .article-body h2").eachText()).containsExactly(
                "“Important consequences” for Russia", "Allies halt supplies of equipment to Ukraine");
        assertThat(page.select("article .article-body p").eachText()).doesNotContain(SEED_HEADLINE)
            .noneMatch((text) -> text.contains("Leave a Reply") || text.contains("Required fields are marked"));
    }

    @Test
    void seedPhotosAreCaptionedFiguresWithACreditAndAPlaceholder() throws Exception {
        Elements figures = get(SEED).select("article .article-body figure");

        assertThat(figures).hasSize(2);
        assertThat(figures.eachAttr("class")).allMatch((cls) -> cls.contains("photo"));
        for (Element figure : figures) {
            Element caption = figure.selectFirst("figcaption");
            assertThat(caption).isNotNull();
            assertThat(caption.select(".caption").text()).isNotBlank().doesNotContain("(");
            assertThat(caption.select(".credit")).hasSize(1);
            assertThat(figure.select("img")).isEmpty();
            Element placeholder = figure.selectFirst(".photo-placeholder");
            assertThat(placeholder.attr("role")).isEqualTo("img");
            assertThat(placeholder.attr("aria-label")).isEqualTo("Photo not available");
        }
        assertThat(figures.select(".credit").eachText()).containsExactly("Olivier Hoslet / Associated Press",
                "Sean Kilpatrick / The Canadian Press");
        assertThat(figures.get(0).selectFirst(".caption").text())
            .endsWith("at NATO headquarters in Brussels on Wednesday, January 12, 2022.");
    }

    @Test
    void pageDescribesItselfToSearchEnginesAndSharingSites() throws Exception {
        Document page = get(SEED);
        String canonical = "http://localhost:8080" + SEED;

        assertThat(page.title()).isEqualTo(SEED_HEADLINE + " | Gazette");
        assertThat(page.selectFirst("meta[name=description]").attr("content"))
            .startsWith("The threat of another war in Europe is very real");
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(canonical);
        assertThat(page.selectFirst("meta[property=og:title]").attr("content")).isEqualTo(SEED_HEADLINE);
        assertThat(page.selectFirst("meta[property=og:url]").attr("content")).isEqualTo(canonical);
        assertThat(page.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("article");

        Elements data = page.select("script[type=application/ld+json]");
        assertThat(data).hasSize(1);
        JsonNode json = JsonMapper.builder().build().readTree(data.first().data());
        assertThat(json.get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(json.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(json.get("headline").asString()).isEqualTo(SEED_HEADLINE);
        assertThat(json.get("mainEntityOfPage").asString()).isEqualTo(canonical);
        assertThat(json.get("datePublished").asString())
            .isEqualTo(page.selectFirst("article .dateline time").attr("datetime"));
    }

    @Test
    void pageHasNoInlineScriptsOrStyles() throws Exception {
        Comment first = this.fixtures.approved(this.article, null, "Ann Lee", "Hello <b>there</b>", AFTERNOON);
        this.fixtures.approved(this.article, first, "Bo Chen", "A reply with https://example.com", AFTERNOON);
        MvcTestResult refused = CommentForm.by("Ann Lee").with("email", "").postTo(this.mvc, this.article).exchange();

        List<Document> pages = List.of(get(SEED), get(path()), get("/"),
                Jsoup.parse(refused.getResponse().getContentAsString()), Jsoup.parse(http(SEED + "?page=9").body()));
        for (Document page : pages) {
            assertThat(page.select("script:not([src])").eachAttr("type")).allMatch("application/ld+json"::equals);
            assertThat(page.select("[style]")).isEmpty();
            assertThat(page.select("style")).isEmpty();
            assertThat(page.select("*").stream().flatMap((element) -> element.attributes().asList().stream())
                .map((attribute) -> attribute.getKey())).noneMatch((name) -> name.startsWith("on"));
        }
    }

    // the comments ------------------------------------------------------------------------

    @Test
    void commentsAreNestedListsWithPermalinksAndReplyLinks() throws Exception {
        Comment ann = this.fixtures.approved(this.article, null, "Ann Lee", "First!", AFTERNOON);
        Comment bo = this.fixtures.approved(this.article, ann, "Bo Chen", "Replying to Ann", AFTERNOON.plusSeconds(60));
        Comment cy = this.fixtures.approved(this.article, bo, "Cy Diaz", "Replying to Bo", AFTERNOON.plusSeconds(120));
        Comment di = this.fixtures.approved(this.article, null, "Di Evans", "Second thread",
                AFTERNOON.plusSeconds(180));

        Document page = get(path());

        Element section = page.selectFirst("section#comments");
        assertThat(section.selectFirst("h2").text()).isEqualTo("4 comments");
        assertThat(section.select("> ol > li").eachAttr("id")).containsExactly(anchor(ann), anchor(di));
        Element annItem = section.getElementById(anchor(ann));
        assertThat(annItem.select("> ol.children > li").eachAttr("id")).containsExactly(anchor(bo));
        assertThat(annItem.select("> ol.children > li > ol.children > li").eachAttr("id")).containsExactly(anchor(cy));
        Element permalink = annItem.selectFirst(".comment-meta a[href=#" + anchor(ann) + "]");
        assertThat(permalink.selectFirst("time").attr("datetime")).isEqualTo("2022-01-12T15:04:00-05:00");
        assertThat(permalink.text()).isEqualTo("January 12, 2022 at 3:04 p.m.");
        assertThat(annItem.selectFirst(".comment-author").text()).isEqualTo("Ann Lee");
        assertThat(annItem.selectFirst(".comment-content").text()).isEqualTo("First!");
        assertThat(replyLink(page, ann)).isEqualTo(path() + "?replyto=" + ann.getId() + "#respond");
        assertThat(replyLink(page, bo)).isEqualTo(path() + "?replyto=" + bo.getId() + "#respond");
        assertThat(replyLink(page, cy)).as("no Reply link at the deepest level").isNull();
        assertThat(replyLink(page, di)).isNotNull();
    }

    @Test
    void headingCountsApprovedCommentsOnly() throws Exception {
        assertThat(get(path()).selectFirst("#comments h2").text()).isEqualTo("0 comments");
        assertThat(get(path()).select("#comments .comments-empty").text())
            .isEqualTo("No comments yet. Start the conversation.");

        Comment ann = this.fixtures.approved(this.article, null, "Ann Lee", "Approved", AFTERNOON);
        assertThat(get(path()).selectFirst("#comments h2").text()).isEqualTo("1 comment");

        this.fixtures.held(this.article, null, "Bo Chen", "Held for moderation", AFTERNOON);
        this.fixtures.spam(this.article, ann, "Cheap Pills", "Buy pills now", AFTERNOON);
        this.fixtures.approved(this.article, ann, "Cy Diaz", "Approved reply", AFTERNOON);
        Document page = get(path());

        assertThat(page.selectFirst("#comments h2").text()).isEqualTo("2 comments");
        assertThat(page.select("#comments li.comment")).hasSize(2);
        assertThat(page.text()).doesNotContain("Held for moderation").doesNotContain("Buy pills now")
            .doesNotContain("Cheap Pills");
    }

    @Test
    void removedCommentWithAnApprovedReplyStandsAsAPlaceholder() throws Exception {
        Comment parent = this.fixtures.approved(this.article, null, "Ann Lee", "Something regrettable", AFTERNOON);
        Comment reply = this.fixtures.approved(this.article, parent, "Bo Chen", "A good answer", AFTERNOON);
        Comment alone = this.fixtures.approved(this.article, null, "Cy Diaz", "Trashed, no replies", AFTERNOON);
        this.fixtures.trash(parent, AFTERNOON);
        this.fixtures.trash(alone, AFTERNOON);

        Document page = get(path());

        Element placeholder = page.getElementById(anchor(parent));
        assertThat(placeholder.selectFirst(".comment-removed-note").text()).isEqualTo("This comment was removed.");
        Element own = placeholder.selectFirst("> article");
        assertThat(own.select(".comment-author, .comment-content, .comment-reply-link")).isEmpty();
        assertThat(placeholder.select("ol.children > li#" + anchor(reply) + " .comment-content").text())
            .isEqualTo("A good answer");
        assertThat(page.getElementById(anchor(alone))).isNull();
        assertThat(page.text()).doesNotContain("Something regrettable").doesNotContain("Ann Lee")
            .doesNotContain("Trashed, no replies");
        assertThat(page.selectFirst("#comments h2").text()).isEqualTo("1 comment");
    }

    @Test
    void emailAddressesNeverAppearInThePage() throws Exception {
        Comment ann = this.fixtures.approved(this.article, null, "Ann Lee", "Approved", AFTERNOON);
        this.fixtures.approved(this.article, ann, "Bo Chen", "Reply", AFTERNOON);
        this.fixtures.held(this.article, null, "Cy Diaz", "Held", AFTERNOON);

        String body = this.mvc.get().uri(path()).exchange().getResponse().getContentAsString();

        assertThat(this.fixtures.storedOn(this.article)).extracting(Comment::getAuthorEmail)
            .allSatisfy((email) -> assertThat(body).doesNotContain(email));
        assertThat(body).doesNotContain(CommentFixtures.EMAIL_DOMAIN).doesNotContain("mailto:");
    }

    @Test
    void markupInACommentIsShownAsTextNotRun() throws Exception {
        String attack = "<script>alert(1)</script><img src=x onerror=alert(1)>";
        this.fixtures.approved(this.article, null, attack, attack, AFTERNOON);

        Document page = get(path());

        assertThat(page.select("script:not([src])")).hasSize(1);
        assertThat(page.select("#comments img, #comments [onerror]")).isEmpty();
        assertThat(page.selectFirst("#comments .comment-author").text()).isEqualTo(attack);
        assertThat(page.selectFirst("#comments .comment-content").text()).isEqualTo(attack);
    }

    @Test
    void timesAreShownInTorontoWhateverTheBrowserAsks() throws Exception {
        this.fixtures.approved(this.article, null, "Ann Lee", "Winter", AFTERNOON);
        this.fixtures.approved(this.article, null, "Bo Chen", "Summer", Instant.parse("2022-07-01T16:30:00Z"));

        String english = this.mvc.get().uri(path()).exchange().getResponse().getContentAsString();
        for (String language : List.of("fr-FR", "de-DE,de;q=0.9", "ja", "ar-EG", "en-US")) {
            this.changes.publish(Change.everything());
            String other = this.mvc.get().uri(path()).header(HttpHeaders.ACCEPT_LANGUAGE, language).exchange()
                .getResponse().getContentAsString();
            assertThat(other).as(language).isEqualTo(english);
        }
        Elements times = Jsoup.parse(english).select("#comments .comment-permalink time");
        assertThat(times.eachText()).containsExactly("January 12, 2022 at 3:04 p.m.", "July 1, 2022 at 12:30 p.m.");
        assertThat(times.eachAttr("datetime")).containsExactly("2022-01-12T15:04:00-05:00",
                "2022-07-01T12:30:00-04:00");
    }

    // paging --------------------------------------------------------------------------------

    @Test
    void topLevelThreadsArePagedOldestFirstWithPageLinks() throws Exception {
        List<Comment> threads = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            threads.add(this.fixtures.approved(this.article, null, "Reader " + i, "Thread " + i,
                    AFTERNOON.plusSeconds(60L * (8 - i) * (i % 2) + i)));
        }
        List<String> oldestFirst = threads.stream()
            .sorted(Comparator.comparing(Comment::getCreatedAt))
            .map(ArticlePageTests::anchor)
            .toList();
        this.fixtures.approved(this.article, threads.get(0), "Replier", "A reply stays with its thread", AFTERNOON);

        Document first = get(path());
        Document second = get(path() + "?page=2");
        Document third = get(path() + "?page=3");

        assertThat(topLevel(first)).containsExactlyElementsOf(oldestFirst.subList(0, 3));
        assertThat(topLevel(second)).containsExactlyElementsOf(oldestFirst.subList(3, 6));
        assertThat(topLevel(third)).containsExactlyElementsOf(oldestFirst.subList(6, 7));
        assertThat(get(path() + "?page=1").select("#comments > ol > li").eachAttr("id")).isEqualTo(topLevel(first));
        assertThat(first.selectFirst("#comments h2").text()).isEqualTo("8 comments");
        assertThat(second.selectFirst("#comments h2").text()).isEqualTo("8 comments");

        Element nav = first.selectFirst("#comments nav.comment-pages");
        assertThat(nav.select("[aria-current=page]").text()).isEqualTo("1");
        assertThat(nav.select(".page-numbers a").eachAttr("href")).containsExactly(path() + "?page=2#comments",
                path() + "?page=3#comments");
        assertThat(nav.select("a[rel=next]").attr("href")).isEqualTo(path() + "?page=2#comments");
        assertThat(nav.select("a[rel=prev]")).isEmpty();
        Element middle = second.selectFirst("#comments nav.comment-pages");
        assertThat(middle.select("a[rel=prev]").attr("href")).isEqualTo(path() + "#comments");
        assertThat(middle.select("a[rel=next]").attr("href")).isEqualTo(path() + "?page=3#comments");
        assertThat(middle.select(".page-numbers a").eachAttr("href")).containsExactly(path() + "#comments",
                path() + "?page=3#comments");
        for (String link : third.select("#comments nav.comment-pages a").eachAttr("href")) {
            assertThat(this.mvc.get().uri(link.substring(0, link.indexOf('#'))).exchange()).as(link).hasStatusOk();
        }
        assertThat(third.select("#comments nav.comment-pages a[rel=next]")).isEmpty();
    }

    @Test
    void removedThreadsStillShowingRepliesTakeTheirPlaceInThePages() throws Exception {
        List<String> visible = new ArrayList<>();
        int minute = 0;
        for (String kind : List.of("approved", "trashed", "approved", "held", "approved", "spam", "approved",
                "approved", "trashed", "approved")) {
            Instant at = AFTERNOON.plusSeconds(60L * ++minute);
            Comment root = kind.equals("held") ? this.fixtures.held(this.article, null, "Held " + minute, "Held", at)
                    : this.fixtures.approved(this.article, null, "Reader " + minute, "Thread " + minute, at);
            if (kind.equals("trashed") || kind.equals("spam")) {
                this.fixtures.approved(this.article, root, "Replier " + minute, "Reply", at.plusSeconds(3600));
                if (kind.equals("trashed")) {
                    this.fixtures.trash(root, at.plusSeconds(7200));
                }
                else {
                    this.fixtures.markSpam(root, at.plusSeconds(7200));
                }
            }
            if (!kind.equals("held")) {
                visible.add(anchor(root));
            }
        }

        assertThat(topLevel(get(path()))).containsExactlyElementsOf(visible.subList(0, 3));
        assertThat(topLevel(get(path() + "?page=2"))).containsExactlyElementsOf(visible.subList(3, 6));
        assertThat(topLevel(get(path() + "?page=3"))).containsExactlyElementsOf(visible.subList(6, 9));
        assertThat(this.mvc.get().uri(path() + "?page=4").exchange()).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get(path() + "?page=2").select("#comments .comment-removed-note")).hasSize(1);
        assertThat(get(path()).selectFirst("#comments h2").text()).isEqualTo("9 comments");
    }

    @Test
    void articleWithOnePageOfCommentsHasNoPageLinks() throws Exception {
        this.fixtures.approved(this.article, null, "Ann Lee", "Only one", AFTERNOON);
        assertThat(get(path()).select("nav.comment-pages")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "-1", "abc", "99", "1.5", "99999999999999999999", "", "+1", "%201", "1e2", "0x1",
            "１", "٣" })
    void malformedOrOutOfRangePageIsNotFound(String page) throws Exception {
        HttpResponse<String> response = http(SEED + "?page=" + page);

        assertThat(response.statusCode()).isEqualTo(HttpStatus.NOT_FOUND.value());
        assertStyledErrorPage(response, "Page not found");
    }

    @Test
    void askingWhetherAPageExistsAtAllIsAnsweredForThePagesThereAreOnly() {
        this.fixtures.approved(this.article, null, "Ann Lee", "Only one", AFTERNOON);

        assertThat(this.mvc.get().uri(path()).header("If-None-Match", "*").exchange()).hasStatus(HttpStatus.NOT_MODIFIED);
        assertThat(this.mvc.get().uri(path() + "?page=2").header("If-None-Match", "*").exchange())
            .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(this.mvc.head().uri(path() + "?page=99").header("If-None-Match", "*").exchange())
            .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(this.mvc.get().uri(path() + "/comments/feed").header("If-None-Match", "*").exchange())
            .hasStatus(HttpStatus.NOT_MODIFIED);
    }

    @Test
    void unknownArticleIsAStyledNotFoundPage() throws Exception {
        HttpResponse<String> response = http("/articles/no-such-article");

        assertThat(response.statusCode()).isEqualTo(HttpStatus.NOT_FOUND.value());
        assertStyledErrorPage(response, "Page not found");
    }

    // the form ---------------------------------------------------------------------------------

    @Test
    void replyFormHasTheWordPressLabelsTiedToTheirFields() throws Exception {
        Document page = get(SEED);

        Element respond = page.selectFirst("section#respond");
        assertThat(respond.selectFirst("h2 .reply-title-text").text()).isEqualTo("Leave a Reply");
        assertThat(respond.selectFirst("#cancel-reply").hasAttr("hidden")).isTrue();
        assertThat(respond.selectFirst(".comment-notes").text())
            .startsWith("Your email address will not be published. Required fields are marked *");
        assertThat(labelFor(page, "comment").text()).isEqualTo("Comment *");
        assertThat(labelFor(page, "author").text()).isEqualTo("Name *");
        assertThat(labelFor(page, "email").text()).isEqualTo("Email *");
        assertThat(labelFor(page, "url").text()).isEqualTo("Website");
        assertThat(labelFor(page, "remember").text())
            .isEqualTo("Save my name, email, and website in this browser for the next time I comment.");
        assertThat(page.getElementById("comment").tagName()).isEqualTo("textarea");
        assertThat(page.getElementById("author").attr("name")).isEqualTo("author");
        assertThat(page.getElementById("email").attr("type")).isEqualTo("email");
        assertThat(page.getElementById("url").attr("type")).isEqualTo("url");
        assertThat(page.getElementById("remember").attr("type")).isEqualTo("checkbox");
        assertThat(page.getElementById("remember").hasAttr("checked")).isFalse();
        assertThat(respond.select("button[type=submit]").text()).isEqualTo("Post Comment");
        Element form = respond.selectFirst("form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo(SEED + "/comments");
        assertThat(form.select("input[name=_csrf]")).isEmpty();
    }

    @Test
    void hiddenFieldIsHiddenFromPeopleAndAutofill() throws Exception {
        Element trap = get(SEED).getElementById("subject");

        assertThat(trap.attr("name")).isEqualTo("subject");
        assertThat(trap.attr("tabindex")).isEqualTo("-1");
        assertThat(trap.attr("autocomplete")).isEqualTo("off");
        assertThat(trap.parents().stream().anyMatch((parent) -> parent.attr("aria-hidden").equals("true"))).isTrue();
    }

    @Test
    void replyToAnApprovedCommentOpensTheFormAsAReply() throws Exception {
        Comment ann = this.fixtures.approved(this.article, null, "Ann Lee", "First!", AFTERNOON);

        Document page = get(path() + "?replyto=" + ann.getId());

        assertThat(page.selectFirst("#respond h2 .reply-title-text").text()).isEqualTo("Reply to Ann Lee");
        Element cancel = page.getElementById("cancel-reply");
        assertThat(cancel.text()).isEqualTo("Cancel reply");
        assertThat(cancel.hasAttr("hidden")).isFalse();
        assertThat(cancel.attr("href")).isEqualTo(path() + "#respond");
        assertThat(page.selectFirst("#commentform input[type=hidden][name=replyTo]").val())
            .isEqualTo(Long.toString(ann.getId()));
    }

    @Test
    void replyToACommentThatCannotTakeOneOpensAPlainForm() throws Exception {
        Comment held = this.fixtures.held(this.article, null, "Ann Lee", "Held", AFTERNOON);
        Comment one = this.fixtures.approved(this.article, null, "Bo Chen", "One", AFTERNOON);
        Comment two = this.fixtures.approved(this.article, one, "Cy Diaz", "Two", AFTERNOON);
        Comment deepest = this.fixtures.approved(this.article, two, "Di Evans", "Three", AFTERNOON);
        Article other = this.articles.create("Another story");
        Comment elsewhere = this.fixtures.approved(other, null, "Ed Fox", "Elsewhere", AFTERNOON);

        for (String replyTo : List.of(held.getId().toString(), deepest.getId().toString(),
                elsewhere.getId().toString(), "987654321", "abc", "-1", "")) {
            Document page = get(path() + "?replyto=" + replyTo);
            assertThat(page.selectFirst("#respond h2 .reply-title-text").text()).as(replyTo).isEqualTo("Leave a Reply");
            assertThat(page.getElementById("cancel-reply").hasAttr("hidden")).as(replyTo).isTrue();
            assertThat(page.selectFirst("#commentform input[name=replyTo]").val()).as(replyTo).isEmpty();
        }
        assertThat(get(path()).text()).doesNotContain("Held");
    }

    // the front page -------------------------------------------------------------------------------

    @Test
    void frontPageListsArticlesNewestFirstWithDatelineAndCommentCount() throws Exception {
        Comment ann = this.fixtures.approved(this.article, null, "Ann Lee", "One", AFTERNOON);
        this.fixtures.approved(this.article, ann, "Bo Chen", "Two", AFTERNOON);
        this.fixtures.held(this.article, null, "Cy Diaz", "Held", AFTERNOON);
        Article quiet = this.articles.create("Quiet day at city hall");

        Document front = get("/");

        Elements teasers = front.select("li.article-teaser");
        for (Document older = front; older.selectFirst("a[rel=next]") != null;) {
            older = get(older.selectFirst("a[rel=next]").attr("href"));
            teasers.addAll(older.select("li.article-teaser"));
        }
        List<String> links = teasers.stream().map((teaser) -> teaser.selectFirst("h2 a").attr("href")).toList();
        assertThat(links.indexOf("/articles/" + quiet.getSlug())).isLessThan(links.indexOf(path()));
        assertThat(links.indexOf(path())).isLessThan(links.indexOf(SEED));
        Element mine = teaser(teasers, path());
        assertThat(mine.selectFirst("h2 a").text()).isEqualTo("Council approves new bridge");
        assertThat(mine.selectFirst("time[datetime]")).isNotNull();
        assertThat(mine.select(".teaser-meta a").text()).isEqualTo("2 comments");
        assertThat(mine.select(".teaser-meta a").attr("href")).isEqualTo(path() + "#comments");
        assertThat(teaser(teasers, "/articles/" + quiet.getSlug()).select(".teaser-meta a").text())
            .isEqualTo("No comments yet");
        Element seed = teaser(teasers, SEED);
        assertThat(seed.selectFirst("h2 a").text()).isEqualTo(SEED_HEADLINE);
        assertThat(seed.selectFirst("time").text()).isEqualTo("January 12, 2022");
        assertThat(front.select("h1")).hasSize(1);
    }

    // helpers ----------------------------------------------------------------------------------------

    private String path() {
        return "/articles/" + this.article.getSlug();
    }

    private Document get(String url) throws Exception {
        MvcTestResult result = this.mvc.get().uri(url).exchange();
        assertThat(result).hasStatusOk();
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    private HttpResponse<String> http(String path) throws Exception {
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
    }

    private static void assertStyledErrorPage(HttpResponse<String> response, String title) {
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElseThrow()).startsWith("text/html");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo(title);
        assertThat(page.selectFirst("link[rel=stylesheet]")).isNotNull();
        assertThat(page.selectFirst("a[href=/]")).isNotNull();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("Whitelabel")
            .doesNotContain("Tomcat");
    }

    private static List<String> topLevel(Document page) {
        return page.select("#comments > ol > li").eachAttr("id");
    }

    private static String anchor(Comment comment) {
        return "comment-" + comment.getId();
    }

    private static String replyLink(Document page, Comment comment) {
        Element link = page.getElementById(anchor(comment)).selectFirst("> article .comment-reply-link");
        return (link != null) ? link.attr("href") : null;
    }

    private static Element labelFor(Document page, String id) {
        Elements labels = page.select("label[for=" + id + "]");
        assertThat(labels).hasSize(1);
        assertThat(page.getElementById(id)).isNotNull();
        return labels.first();
    }

    private static Element teaser(Elements teasers, String href) {
        return teasers.stream()
            .filter((teaser) -> teaser.selectFirst("h2 a").attr("href").equals(href))
            .findFirst()
            .orElseThrow();
    }

}
