package org.gazette.web;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.persistence.EntityManagerFactory;
import org.gazette.Change;
import org.gazette.article.Article;
import org.gazette.comment.CommentFixtures;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front page pages through 45 articles (and the seed) 20 at a time, newest first,
 * with links to older and newer pages, a canonical address and validators of each page
 * its own; a page that does not exist is 404. With sitemaps of 10 articles, the same
 * articles make a sitemap index of five parts. This class has a database of its own
 * (its sitemap size makes its own application context), so it knows every article.
 */
@ReaderSideTest
@TestPropertySource(properties = "gazette.sitemap.page-size=10")
class FrontPagePagingTests {

    private static final Instant FIRST = Instant.parse("2099-03-01T12:00:00Z");

    private static final String ORIGIN = "http://localhost:8080";

    private static final String SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static final List<Article> STORIES = new ArrayList<>();

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private TestArticles articles;

    @Autowired
    private CommentFixtures fixtures;

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    @Autowired
    private ApplicationEventPublisher events;

    /** Story 1 to Story 45, an hour apart, the newest signed and with comments; made once for the class. */
    @BeforeEach
    void fortyFiveArticles() {
        synchronized (STORIES) {
            if (!STORIES.isEmpty()) {
                return;
            }
            for (int i = 1; i <= 45; i++) {
                STORIES.add(this.articles.create("Story %02d".formatted(i), FIRST.plusSeconds(3600L * i)));
            }
            Article newest = STORIES.get(44);
            this.articles.signAndIntroduce(newest, "Ann Lee", "What the newest story is about.");
            this.fixtures.approved(newest, null, "Reader One", "First!", FIRST);
            this.fixtures.approved(newest, null, "Reader Two", "Second.", FIRST);
            this.fixtures.held(newest, null, "Reader Three", "Held back.", FIRST);
            this.articles.createDraft("A draft on no page");
        }
    }

    @Test
    void firstPageListsTheTwentyNewestWithTheirDetails() throws Exception {
        Document page = page("/");

        assertThat(headlines(page)).containsExactlyElementsOf(stories(45, 26));
        Element newest = page.selectFirst(".article-teaser");
        assertThat(newest.selectFirst(".teaser-headline a").attr("href")).isEqualTo(path(STORIES.get(44)));
        assertThat(newest.selectFirst(".teaser-byline").text()).isEqualTo("By Ann Lee");
        assertThat(newest.selectFirst("time").attr("datetime")).startsWith("2099-03-0");
        assertThat(newest.selectFirst(".teaser-summary").text()).isEqualTo("What the newest story is about.");
        assertThat(newest.selectFirst(".teaser-meta a").text()).isEqualTo("2 comments");
        Element next = page.selectFirst(".article-teaser:nth-child(2)");
        assertThat(next.select(".teaser-byline")).isEmpty();
        assertThat(next.selectFirst(".teaser-summary").text()).isEqualTo("A paragraph of Story 44.");
        assertThat(next.selectFirst(".teaser-meta a").text()).isEqualTo("No comments yet");
    }

    @Test
    void pagesLinkToOlderAndNewerArticles() throws Exception {
        Document first = page("/");
        Document second = page("/?page=2");
        Document third = page("/?page=3");

        assertThat(canonical(first)).isEqualTo(ORIGIN + "/");
        assertThat(canonical(second)).isEqualTo(ORIGIN + "/?page=2");
        assertThat(first.select("a[rel=prev]")).isEmpty();
        assertThat(first.selectFirst("a[rel=next]").attr("href")).isEqualTo("/?page=2");
        assertThat(first.selectFirst("a[rel=next]").text()).isEqualTo("Older articles");
        assertThat(first.selectFirst("link[rel=next]").attr("href")).isEqualTo(ORIGIN + "/?page=2");
        assertThat(second.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/");
        assertThat(second.selectFirst("a[rel=prev]").text()).isEqualTo("Newer articles");
        assertThat(second.selectFirst("link[rel=prev]").attr("href")).isEqualTo(ORIGIN + "/");
        assertThat(second.selectFirst("a[rel=next]").attr("href")).isEqualTo("/?page=3");
        assertThat(third.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/?page=2");
        assertThat(third.select("a[rel=next], link[rel=next]")).isEmpty();
        assertThat(second.selectFirst("h1").text()).isEqualTo("Latest news, page 2");
        assertThat(second.selectFirst(".pagination").text()).contains("Page 2 of 3");
    }

    @Test
    void laterPagesHoldOlderArticlesDownToTheSeed() throws Exception {
        assertThat(headlines(page("/?page=2"))).containsExactlyElementsOf(stories(25, 6));
        List<String> third = headlines(page("/?page=3"));
        assertThat(third).hasSize(6).startsWith(stories(5, 1).toArray(String[]::new));
        assertThat(third.get(5)).startsWith("As talks with Russia halt");
        assertThat(headlines(page("/?page=1"))).isEqualTo(headlines(page("/")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "4", "0", "-1", "abc", "", "1.5", "2e1", "99999999999", "%EF%BC%92" })
    void pageThatDoesNotExistIsNotFound(String number) {
        MvcTestResult result = this.mvc.get().uri("/?page=" + number).exchange();

        assertThat(result).hasStatus(404);
        assertThat(result.getResponse().getHeader("ETag")).isNull();
    }

    @Test
    void eachPageHasValidatorsOfItsOwn() {
        String first = this.mvc.get().uri("/").exchange().getResponse().getHeader("ETag");
        String second = this.mvc.get().uri("/?page=2").exchange().getResponse().getHeader("ETag");

        assertThat(first).isNotEqualTo(second);
        assertThat(this.mvc.get().uri("/?page=2").header("If-None-Match", second).exchange()).hasStatus(304);
        assertThat(this.mvc.get().uri("/?page=3").header("If-None-Match", "*").exchange()).hasStatus(304);
        assertThat(this.mvc.get().uri("/?page=4").header("If-None-Match", "*").exchange()).hasStatus(404);
        assertThat(this.mvc.get().uri("/").header("If-None-Match", first).exchange()).hasStatus(304);
        assertThat(this.mvc.get().uri("/").header("If-None-Match", second).exchange()).hasStatusOk();
        MvcTestResult ok = this.mvc.get().uri("/?page=2").exchange();
        assertThat(ok.getResponse().getHeader("Cache-Control")).isEqualTo(CachePolicy.PUBLIC);
        assertThat(ok.getResponse().getHeader("Last-Modified")).isNotNull();
    }

    @Test
    void aPageOfTwentyArticlesCostsTheSameStatementsAsAPageOfSix() throws Exception {
        Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            long twenty = statements(statistics, "/");
            long six = statements(statistics, "/?page=3");

            assertThat(twenty).isPositive().isEqualTo(six);
        }
        finally {
            statistics.setStatisticsEnabled(false);
            statistics.clear();
        }
    }

    @Test
    void sitemapOfMoreArticlesThanAPartHoldsIsAnIndexOfParts() throws Exception {
        org.w3c.dom.Document index = xml("/sitemap.xml");

        assertThat(index.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAPS);
        assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
        List<String> parts = texts(index, "loc");
        assertThat(parts).containsExactly(ORIGIN + "/sitemap-1.xml", ORIGIN + "/sitemap-2.xml",
                ORIGIN + "/sitemap-3.xml", ORIGIN + "/sitemap-4.xml", ORIGIN + "/sitemap-5.xml");
        Set<String> listed = new HashSet<>();
        for (String part : parts) {
            org.w3c.dom.Document urls = xml(part.substring(ORIGIN.length()));
            assertThat(urls.getDocumentElement().getLocalName()).isEqualTo("urlset");
            assertThat(urls.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAPS);
            List<String> locs = texts(urls, "loc");
            assertThat(locs).hasSizeLessThanOrEqualTo(10);
            assertThat(texts(urls, "lastmod")).hasSameSizeAs(locs);
            listed.addAll(locs);
        }
        assertThat(listed).hasSize(46)
            .containsAll(STORIES.stream().map((story) -> ORIGIN + path(story)).toList())
            .contains(ORIGIN + "/articles/as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe");
        for (String missing : List.of("/sitemap-6.xml", "/sitemap-0.xml", "/sitemap-x.xml", "/sitemap-.xml")) {
            assertThat(this.mvc.get().uri(missing).exchange()).as(missing).hasStatus(404);
            assertThat(this.mvc.get().uri(missing).header("If-None-Match", "*").exchange()).as(missing).hasStatus(404);
        }
    }

    /** The statements of the page rendered afresh, its validators already read (as a HEAD reads them). */
    private long statements(Statistics statistics, String url) throws Exception {
        this.events.publishEvent(Change.everything());
        assertThat(this.mvc.head().uri(url).exchange()).hasStatusOk();
        statistics.clear();
        MvcTestResult result = this.mvc.get().uri(url).exchange();
        assertThat(result).hasStatusOk();
        return statistics.getPrepareStatementCount();
    }

    private Document page(String url) throws Exception {
        MvcTestResult result = this.mvc.get().uri(url).exchange();
        assertThat(result).hasStatusOk();
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    private org.w3c.dom.Document xml(String url) throws Exception {
        MvcTestResult result = this.mvc.get().uri(url).exchange();
        assertThat(result).as(url).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("application/xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
            .parse(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
    }

    private static List<String> texts(org.w3c.dom.Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS(SITEMAPS, name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static List<String> headlines(Document page) {
        return page.select(".article-teaser .teaser-headline a").eachText();
    }

    private static List<String> stories(int from, int downTo) {
        List<String> names = new ArrayList<>();
        for (int i = from; i >= downTo; i--) {
            names.add("Story %02d".formatted(i));
        }
        return names;
    }

    private static String canonical(Document page) {
        return page.selectFirst("link[rel=canonical]").attr("href");
    }

    private static String path(Article article) {
        return "/articles/" + article.getSlug();
    }

}
