package org.gazette.web;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import org.gazette.article.Article;
import org.gazette.comment.Comment;
import org.gazette.comment.CommentFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Atom feeds, read by a feed library (ROME) as feed readers read them: the newest
 * articles, and an article's newest approved comments, each with its id, title, dates,
 * author and links; whatever anybody typed arrives as the same text, never as markup;
 * the pages link to them; they answer conditional requests.
 */
@ReaderSideTest
class AtomFeedTests {

    private static final String ORIGIN = "http://localhost:8080";

    private static final AtomicInteger YEARS = new AtomicInteger(2500);

    private static final String HOSTILE = "Cats & dogs <script>alert(\"x\")</script> </title>";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private TestArticles articles;

    @Autowired
    private CommentFixtures fixtures;

    @Test
    void articleFeedDescribesTheNewestArticles() throws Exception {
        Instant newest = newest();
        Article signed = this.articles.create(HOSTILE, newest.plusSeconds(7200));
        this.articles.signAndIntroduce(signed, "Bo & <b>Co</b>", "Less <than> & more");
        Article plain = this.articles.create("An unsigned article", newest.plusSeconds(3600));
        MvcTestResult result = this.mvc.get().uri("/feed").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).isEqualTo("application/atom+xml;charset=UTF-8");
        assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo(CachePolicy.PUBLIC);
        String xml = result.getResponse().getContentAsString();
        assertThat(xml).doesNotContain("<script").doesNotContain("<b>").contains("&lt;script&gt;");
        Feed feed = parse(xml);
        assertThat(feed.getId()).isEqualTo(ORIGIN + "/feed");
        assertThat(feed.getTitleEx().getValue()).isEqualTo("Gazette: latest articles");
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(link(feed.getOtherLinks(), "self").getHref()).isEqualTo(ORIGIN + "/feed");
        assertThat(link(feed.getOtherLinks(), "self").getType()).isEqualTo("application/atom+xml;charset=UTF-8");
        assertThat(feed.getAlternateLinks().get(0).getHref()).isEqualTo(ORIGIN + "/");
        List<Entry> entries = feed.getEntries();
        assertThat(entries).hasSizeBetween(2, 20);
        assertThat(entries).extracting(Entry::getPublished).isSortedAccordingTo((a, b) -> b.compareTo(a));

        Entry first = entries.get(0);
        String url = ORIGIN + "/articles/" + signed.getSlug();
        assertThat(first.getId()).isEqualTo(url);
        assertThat(first.getTitleEx().getValue()).isEqualTo(HOSTILE);
        assertThat(first.getAuthors().get(0).getName()).isEqualTo("Bo & <b>Co</b>");
        assertThat(first.getSummary().getValue()).isEqualTo("Less <than> & more");
        assertThat(first.getAlternateLinks().get(0).getHref()).isEqualTo(url);
        assertThat(first.getPublished()).isEqualTo(Date.from(signed.getPublishedAt().truncatedTo(ChronoUnit.SECONDS)));
        assertThat(first.getUpdated()).isAfterOrEqualTo(first.getPublished());
        Entry second = entries.get(1);
        assertThat(second.getId()).isEqualTo(ORIGIN + "/articles/" + plain.getSlug());
        assertThat(second.getAuthors().get(0).getName()).isEqualTo("Gazette");
        assertThat(second.getSummary().getValue()).isEqualTo("A paragraph of An unsigned article.");
    }

    @Test
    void articleFeedCarriesTheTwentyNewest() throws Exception {
        Instant newest = newest();
        for (int i = 0; i < 21; i++) {
            this.articles.create("Feed filler " + i, newest.plusSeconds(i));
        }

        Feed feed = parse(this.mvc.get().uri("/feed").exchange().getResponse().getContentAsString());

        assertThat(feed.getEntries()).hasSize(20);
        assertThat(feed.getEntries().get(0).getTitleEx().getValue()).isEqualTo("Feed filler 20");
        assertThat(feed.getEntries().get(19).getTitleEx().getValue()).isEqualTo("Feed filler 1");
    }

    @Test
    void commentFeedCarriesApprovedCommentsWithLinksToTheirPage() throws Exception {
        Article article = this.articles.create("A discussion to follow");
        Instant start = Instant.parse("2025-06-01T10:00:00Z");
        List<Comment> threads = this.fixtures.threadsOfFive(article, 3, start);
        Comment hostile = this.fixtures.approved(article, null, "Eve <i>&amp;</i>",
                "<script>alert(1)</script> & <b>bold</b>", start.plusSeconds(600));
        Comment reply = this.fixtures.approved(article, threads.get(0), "Ann Lee", "A late reply.",
                start.plusSeconds(700));
        this.fixtures.held(article, null, "Held Back", "Not approved yet.", start.plusSeconds(800));
        this.fixtures.spam(article, null, "Spammer", "Buy now.", start.plusSeconds(900));
        String url = ORIGIN + "/articles/" + article.getSlug();

        MvcTestResult result = this.mvc.get().uri("/articles/{slug}/comments/feed", article.getSlug()).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).isEqualTo("application/atom+xml;charset=UTF-8");
        String xml = result.getResponse().getContentAsString();
        assertThat(xml).doesNotContain("<script").doesNotContain("<b>").doesNotContain(CommentFixtures.EMAIL_DOMAIN)
            .doesNotContain("Held Back").doesNotContain("Spammer");
        Feed feed = parse(xml);
        assertThat(feed.getId()).isEqualTo(url + "/comments/feed");
        assertThat(feed.getTitleEx().getValue()).isEqualTo("Comments on \u201cA discussion to follow\u201d");
        assertThat(link(feed.getOtherLinks(), "self").getHref()).isEqualTo(url + "/comments/feed");
        assertThat(feed.getAlternateLinks().get(0).getHref()).isEqualTo(url + "#comments");
        assertThat(feed.getUpdated()).isEqualTo(Date.from(start.plusSeconds(700)));
        assertThat(feed.getEntries()).hasSize(17);

        Entry newest = feed.getEntries().get(0);
        assertThat(newest.getId()).isEqualTo("tag:localhost,2025-06-01:comment-" + reply.getId());
        assertThat(newest.getAlternateLinks().get(0).getHref()).isEqualTo(url + "#comment-" + reply.getId());
        assertThat(newest.getTitleEx().getValue()).isEqualTo("Comment by Ann Lee");
        Entry fromEve = feed.getEntries().get(1);
        assertThat(fromEve.getAuthors().get(0).getName()).isEqualTo("Eve <i>&amp;</i>");
        assertThat(fromEve.getPublished()).isEqualTo(Date.from(start.plusSeconds(600)));
        assertThat(fromEve.getAlternateLinks().get(0).getHref())
            .isEqualTo(url + "?page=2#comment-" + hostile.getId());
        assertThat(fromEve.getContents().get(0).getType()).isEqualTo("html");
        String html = fromEve.getContents().get(0).getValue();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; <b>bold</b>");
        assertThat(Jsoup.parse(html).select("script")).isEmpty();

        Document second = Jsoup.parse(this.mvc.get().uri("/articles/{slug}?page=2", article.getSlug())
            .exchange()
            .getResponse()
            .getContentAsString());
        assertThat(second.getElementById("comment-" + hostile.getId())).isNotNull();
    }

    @Test
    void commentFeedCarriesTheFiftyNewest() throws Exception {
        Article article = this.articles.create("A long discussion");
        this.fixtures.threadsOfFive(article, 11, Instant.parse("2025-06-01T10:00:00Z"));

        Feed feed = parse(this.mvc.get().uri("/articles/{slug}/comments/feed", article.getSlug())
            .exchange()
            .getResponse()
            .getContentAsString());

        assertThat(feed.getEntries()).hasSize(50);
        assertThat(feed.getEntries().get(49).getTitleEx().getValue()).isEqualTo("Comment by Reader 2");
    }

    @Test
    void commentFeedOfAnUnknownArticleIsNotFound() {
        assertThat(this.mvc.get().uri("/articles/no-such-article/comments/feed").exchange()).hasStatus(404);
    }

    @Test
    void pagesLinkToTheirFeeds() throws Exception {
        Article article = this.articles.create("An article with feeds");

        Document front = Jsoup.parse(this.mvc.get().uri("/").exchange().getResponse().getContentAsString());
        Document page = Jsoup.parse(this.mvc.get()
            .uri("/articles/{slug}", article.getSlug())
            .exchange()
            .getResponse()
            .getContentAsString());

        assertThat(front.select("head link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
            .containsExactly(ORIGIN + "/feed");
        assertThat(page.select("head link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
            .containsExactly(ORIGIN + "/feed", ORIGIN + "/articles/" + article.getSlug() + "/comments/feed");
    }

    @Test
    void feedsAnswerConditionalRequestsUntilTheyChange() throws Exception {
        Article article = this.articles.create("An article whose feeds are polled");
        String comments = "/articles/" + article.getSlug() + "/comments/feed";
        MvcTestResult site = this.mvc.get().uri("/feed").exchange();
        MvcTestResult thread = this.mvc.get().uri(comments).exchange();
        String siteTag = site.getResponse().getHeader("ETag");
        String threadTag = thread.getResponse().getHeader("ETag");

        assertThat(this.mvc.get().uri("/feed").header("If-None-Match", siteTag).exchange()).hasStatus(304);
        assertThat(this.mvc.get().uri(comments).header("If-None-Match", threadTag).exchange()).hasStatus(304);
        assertThat(this.mvc.get()
            .uri("/feed")
            .header("If-Modified-Since", site.getResponse().getHeader("Last-Modified"))
            .exchange()).hasStatus(304);

        this.fixtures.approved(article, null, "Ann Lee", "A new comment.", Instant.now());

        assertThat(this.mvc.get().uri(comments).header("If-None-Match", threadTag).exchange()).hasStatusOk();
        assertThat(this.mvc.get().uri("/feed").header("If-None-Match", siteTag).exchange()).hasStatusOk();
    }

    /** A dateline later than any article made before, so that the test's articles head the feed. */
    private static Instant newest() {
        return Instant.parse(YEARS.incrementAndGet() + "-01-01T00:00:00Z");
    }

    private static Feed parse(String xml) throws Exception {
        WireFeedInput input = new WireFeedInput();
        Feed feed = (Feed) input.build(new StringReader(xml));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        return feed;
    }

    private static Link link(List<Link> links, String rel) {
        return links.stream().filter((link) -> rel.equals(link.getRel())).findFirst().orElseThrow();
    }

}
