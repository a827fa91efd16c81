package org.gazette.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gazette.article.Article;
import org.gazette.article.Dates;
import org.gazette.article.SiteProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The article's canonical address and its JSON-LD {@code NewsArticle} description. */
@Component
class ArticleMetadata {

    private final SiteProperties site;

    private final Dates dates;

    private final JsonMapper json;

    ArticleMetadata(SiteProperties site, Dates dates, JsonMapper json) {
        this.site = site;
        this.dates = dates;
        this.json = json;
    }

    String canonicalUrl(Article article) {
        return canonicalUrl(article.getSlug());
    }

    String canonicalUrl(String slug) {
        return UriComponentsBuilder.fromUriString(this.site.origin())
            .path("/articles/{slug}")
            .buildAndExpand(slug)
            .toUriString();
    }

    /** The Atom feed of the site's articles. */
    String feedUrl() {
        return this.site.origin() + "/feed";
    }

    /** The Atom feed of an article's approved comments. */
    String commentsFeedUrl(String slug) {
        return UriComponentsBuilder.fromUriString(this.site.origin())
            .path("/articles/{slug}/comments/feed")
            .buildAndExpand(slug)
            .toUriString();
    }

    /** The address of a comment on the page of the article its thread is on. */
    String commentUrl(String slug, int page, long commentId) {
        UriComponentsBuilder url = UriComponentsBuilder.fromUriString(this.site.origin()).path("/articles/{slug}");
        if (page > 1) {
            url.queryParam("page", page);
        }
        return url.fragment("comment-" + commentId).buildAndExpand(slug).toUriString();
    }

    /**
     * The JSON-LD block, safe to print inside {@code <script type="application/ld+json">}:
     * {@code <} is escaped so the text can never close the element.
     */
    String jsonLd(Article article) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "NewsArticle");
        data.put("headline", article.getHeadline());
        data.put("description", article.getSummary());
        data.put("datePublished", this.dates.iso(article.getPublishedAt()));
        data.put("dateModified", this.dates.iso(article.getUpdatedAt()));
        data.put("mainEntityOfPage", canonicalUrl(article));
        data.put("publisher", Map.of("@type", "Organization", "name", "Gazette"));
        data.put("isAccessibleForFree", true);
        data.put("inLanguage", "en-CA");
        return this.json.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e");
    }

}
