package org.gazette.web;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.gazette.article.Article;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sitemap lists every published article with its last change, in the sitemaps.org
 * namespace, and its lastmod moves when the article changes; robots.txt names it and
 * keeps crawlers off the desk. Both are shared, cacheable and conditional.
 */
@ReaderSideTest
class SitemapAndRobotsTests {

    private static final String ORIGIN = "http://localhost:8080";

    private static final String SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private TestArticles articles;

    @Autowired
    private MutableClock clock;

    @AfterEach
    void resetClock() {
        this.clock.reset();
    }

    @Test
    void sitemapListsEveryPublishedArticleWithItsLastChange() throws Exception {
        Article article = this.articles.create("An article search engines should find");
        Article draft = this.articles.createDraft("A draft search engines must not find");
        MvcTestResult result = this.mvc.get().uri("/sitemap.xml").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).isEqualTo("application/xml;charset=UTF-8");
        assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo(CachePolicy.PUBLIC);
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
        Document sitemap = parse(result);
        assertThat(sitemap.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAPS);
        assertThat(sitemap.getDocumentElement().getLocalName()).isEqualTo("urlset");
        Map<String, String> lastmods = lastmods(sitemap);
        assertThat(lastmods).containsKey(ORIGIN + "/articles/as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe")
            .containsKey(ORIGIN + "/articles/" + article.getSlug())
            .doesNotContainKey(ORIGIN + "/articles/" + draft.getSlug());
        Instant lastmod = Instant.parse(lastmods.get(ORIGIN + "/articles/" + article.getSlug()));
        assertThat(Duration.between(lastmod, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void lastmodMovesWhenTheArticleChanges() throws Exception {
        Article article = this.articles.create("An article that will change");
        String url = ORIGIN + "/articles/" + article.getSlug();
        MvcTestResult before = this.mvc.get().uri("/sitemap.xml").exchange();
        String tag = before.getResponse().getHeader("ETag");
        Instant first = Instant.parse(lastmods(parse(before)).get(url));
        assertThat(this.mvc.get().uri("/sitemap.xml").header("If-None-Match", tag).exchange()).hasStatus(304);

        this.clock.advance(Duration.ofHours(1));
        this.articles.closeComments(article);

        MvcTestResult after = this.mvc.get().uri("/sitemap.xml").header("If-None-Match", tag).exchange();
        assertThat(after).hasStatusOk();
        assertThat(Instant.parse(lastmods(parse(after)).get(url))).isAfterOrEqualTo(first.plus(Duration.ofHours(1)));
    }

    @Test
    void sitemapPartsAreNotFoundWhileOneSitemapHoldsEverything() {
        assertThat(this.mvc.get().uri("/sitemap-1.xml").exchange()).hasStatus(404);
        assertThat(this.mvc.get().uri("/sitemap-2.xml").exchange()).hasStatus(404);
    }

    @Test
    void robotsNamesTheSitemapAndKeepsCrawlersOffTheDesk() throws Exception {
        MvcTestResult result = this.mvc.get().uri("/robots.txt").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo(CachePolicy.PUBLIC);
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(result.getResponse().getContentAsString().lines()).contains("User-agent: *", "Allow: /",
                "Disallow: /moderation", "Disallow: /login", "Sitemap: " + ORIGIN + "/sitemap.xml");
        String tag = result.getResponse().getHeader("ETag");
        assertThat(tag).isNotNull();
        assertThat(this.mvc.get().uri("/robots.txt").header("If-None-Match", tag).exchange()).hasStatus(304);
    }

    private static Document parse(MvcTestResult result) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
            .parse(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
    }

    private static Map<String, String> lastmods(Document sitemap) {
        Map<String, String> lastmods = new HashMap<>();
        NodeList urls = sitemap.getElementsByTagNameNS(SITEMAPS, "url");
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            lastmods.put(url.getElementsByTagNameNS(SITEMAPS, "loc").item(0).getTextContent(),
                    url.getElementsByTagNameNS(SITEMAPS, "lastmod").item(0).getTextContent());
        }
        return lastmods;
    }

}
