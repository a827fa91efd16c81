package org.gazette.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.gazette.article.ArticleListing;
import org.gazette.article.ArticleRepository;
import org.gazette.article.SiteProperties;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What search engines read (sitemaps.org protocol 0.9): {@code /sitemap.xml} lists every
 * published article with its last change; past {@link SitemapProperties#pageSize()}
 * articles it is an index of parts instead, {@code /sitemap-{n}.xml}, oldest articles
 * first so a new one joins the last part. And {@code /robots.txt}, which names it and
 * keeps crawlers off the desk. Sitemaps take their validators and shared copies from
 * {@link PageCacheFilter}; robots.txt, which only the base URL shapes, a hash of itself.
 */
@Controller
class SitemapController {

    static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final ArticleRepository articles;

    private final PageVersions versions;

    private final ArticleMetadata metadata;

    private final SiteProperties site;

    private final int pageSize;

    private final byte[] robots;

    private final String robotsTag;

    SitemapController(ArticleRepository articles, PageVersions versions, ArticleMetadata metadata,
            SiteProperties site, SitemapProperties properties) {
        this.articles = articles;
        this.versions = versions;
        this.metadata = metadata;
        this.site = site;
        this.pageSize = properties.pageSize();
        this.robots = robots(site.origin()).getBytes(StandardCharsets.UTF_8);
        this.robotsTag = "\"" + DigestUtils.md5DigestAsHex(this.robots) + "\"";
    }

    static String robots(String origin) {
        return """
                User-agent: *
                Allow: /
                Disallow: /moderation
                Disallow: /login

                Sitemap: %s/sitemap.xml
                """.formatted(origin);
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<byte[]> sitemap() {
        int parts = parts();
        if (parts == 1) {
            return xml(urls(1));
        }
        byte[] index = XmlDocuments.write((xml) -> {
            xml.startRoot("sitemapindex", NAMESPACE);
            for (int part = 1; part <= parts; part++) {
                xml.start("sitemap");
                xml.text("loc", this.site.origin() + "/sitemap-" + part + ".xml");
                xml.end();
            }
            xml.end();
        });
        return xml(index);
    }

    @GetMapping("/sitemap-{part}.xml")
    ResponseEntity<byte[]> sitemapPart(@PathVariable String part) {
        int number = PageNumbers.parse(part);
        int parts = parts();
        if (parts == 1 || number < 1 || number > parts) {
            throw new FrontPageNotFoundException();
        }
        return xml(urls(number));
    }

    @GetMapping("/robots.txt")
    ResponseEntity<byte[]> robots() {
        return ResponseEntity.ok()
            .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
            .eTag(this.robotsTag)
            .header(HttpHeaders.CACHE_CONTROL, CachePolicy.PUBLIC)
            .body(this.robots);
    }

    private int parts() {
        return PageNumbers.count(this.versions.publishedArticles(), this.pageSize);
    }

    private byte[] urls(int part) {
        List<ArticleListing> listed = this.articles
            .findPublishedOldestFirst(PageRequest.of(part - 1, this.pageSize));
        return XmlDocuments.write((xml) -> {
            xml.startRoot("urlset", NAMESPACE);
            for (ArticleListing article : listed) {
                xml.start("url");
                xml.text("loc", this.metadata.canonicalUrl(article.slug()));
                xml.text("lastmod", XmlDocuments.time(article.pageChangedAt()));
                xml.end();
            }
            xml.end();
        });
    }

    private static ResponseEntity<byte[]> xml(byte[] body) {
        return ResponseEntity.ok().contentType(XML).header(HttpHeaders.CACHE_CONTROL, CachePolicy.PUBLIC).body(body);
    }

}
