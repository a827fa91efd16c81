package org.gazette.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLStreamException;

import org.gazette.article.Article;
import org.gazette.article.ArticleListing;
import org.gazette.article.ArticleNotFoundException;
import org.gazette.article.ArticleRepository;
import org.gazette.article.SiteProperties;
import org.gazette.comment.CommentFeed;
import org.gazette.comment.CommentFeed.FeedComment;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Atom feeds (RFC 4287): the newest published articles, and each article's newest
 * approved comments. Each entry's id stays the same for good: an article's is its
 * canonical address (its slug never changes once published), a comment's a {@code tag:}
 * URI of its id. Their validators and shared copies come from {@link PageCacheFilter}.
 */
@Controller
class FeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    static final int ARTICLES = 20;

    private static final String NAMESPACE = "http://www.w3.org/2005/Atom";

    private final ArticleRepository articles;

    private final CommentFeed comments;

    private final ArticleMetadata metadata;

    private final PageVersions versions;

    private final SiteProperties site;

    private final MessageSource messages;

    FeedController(ArticleRepository articles, CommentFeed comments, ArticleMetadata metadata,
            PageVersions versions, SiteProperties site, MessageSource messages) {
        this.articles = articles;
        this.comments = comments;
        this.metadata = metadata;
        this.versions = versions;
        this.site = site;
        this.messages = messages;
    }

    @GetMapping("/feed")
    ResponseEntity<byte[]> articles() {
        Instant listChanged = this.versions.front().lastModified();
        List<ArticleListing> newest = this.articles.findPublishedNewestFirst(PageRequest.of(0, ARTICLES));
        String siteName = message("site.name");
        Instant updated = newest.stream().map(ArticleListing::revisedAt).max(Instant::compareTo).orElse(listChanged);
        byte[] feed = XmlDocuments.write((xml) -> {
            xml.startRoot("feed", NAMESPACE);
            xml.text("id", this.metadata.feedUrl());
            xml.text("title", message("feed.articles.title"));
            xml.text("updated", XmlDocuments.time(updated));
            xml.empty("link", "rel", "self", "type", ATOM.toString(), "href", this.metadata.feedUrl());
            xml.empty("link", "rel", "alternate", "type", MediaType.TEXT_HTML_VALUE, "href",
                    this.site.origin() + "/");
            author(xml, siteName);
            for (ArticleListing article : newest) {
                String url = this.metadata.canonicalUrl(article.slug());
                xml.start("entry");
                xml.text("id", url);
                xml.text("title", "type", "text", article.headline());
                xml.text("published", XmlDocuments.time(article.publishedAt()));
                xml.text("updated", XmlDocuments.time(article.revisedAt()));
                author(xml, article.hasByline() ? article.byline() : siteName);
                xml.empty("link", "rel", "alternate", "type", MediaType.TEXT_HTML_VALUE, "href", url);
                if (article.teaser() != null && !article.teaser().isBlank()) {
                    xml.text("summary", "type", "text", article.teaser());
                }
                xml.end();
            }
            xml.end();
        });
        return atom(feed);
    }

    @GetMapping("/articles/{slug}/comments/feed")
    ResponseEntity<byte[]> comments(@PathVariable String slug) {
        Article article = this.articles.findPublishedBySlug(slug).orElseThrow(() -> new ArticleNotFoundException(slug));
        List<FeedComment> newest = this.comments.newest(article);
        String feedUrl = this.metadata.commentsFeedUrl(slug);
        Instant articleChanged = article.getUpdatedAt().isAfter(article.getPublishedAt()) ? article.getUpdatedAt()
                : article.getPublishedAt();
        Instant updated = newest.stream()
            .map((comment) -> later(comment.createdAt(), comment.updatedAt()))
            .max(Instant::compareTo)
            .orElse(articleChanged);
        byte[] feed = XmlDocuments.write((xml) -> {
            xml.startRoot("feed", NAMESPACE);
            xml.text("id", feedUrl);
            xml.text("title", "type", "text", message("feed.comments.title", article.getHeadline()));
            xml.text("updated", XmlDocuments.time(updated));
            xml.empty("link", "rel", "self", "type", ATOM.toString(), "href", feedUrl);
            xml.empty("link", "rel", "alternate", "type", MediaType.TEXT_HTML_VALUE, "href",
                    this.metadata.canonicalUrl(article) + "#comments");
            for (FeedComment comment : newest) {
                xml.start("entry");
                xml.text("id", tag(comment));
                xml.text("title", "type", "text", message("feed.comments.entry", comment.authorName()));
                xml.text("published", XmlDocuments.time(comment.createdAt()));
                xml.text("updated", XmlDocuments.time(later(comment.createdAt(), comment.updatedAt())));
                author(xml, comment.authorName());
                xml.empty("link", "rel", "alternate", "type", MediaType.TEXT_HTML_VALUE, "href",
                        this.metadata.commentUrl(slug, comment.page(), comment.id()));
                xml.text("content", "type", "html", comment.html());
                xml.end();
            }
            xml.end();
        });
        return atom(feed);
    }

    /** A comment's lasting id: {@code tag:} the site's host, the day it was posted, and its number (RFC 4151). */
    private String tag(FeedComment comment) {
        return "tag:" + this.site.baseUrl().getHost() + "," + comment.createdAt().atOffset(ZoneOffset.UTC).toLocalDate()
                + ":comment-" + comment.id();
    }

    private static void author(XmlDocuments.Writer xml, String name) throws XMLStreamException {
        xml.start("author");
        xml.text("name", name);
        xml.end();
    }

    private static Instant later(Instant one, Instant other) {
        return (other != null && other.isAfter(one)) ? other : one;
    }

    private String message(String code, Object... arguments) {
        return this.messages.getMessage(code, arguments, Locale.CANADA);
    }

    private static ResponseEntity<byte[]> atom(byte[] feed) {
        return ResponseEntity.ok().contentType(ATOM).header(HttpHeaders.CACHE_CONTROL, CachePolicy.PUBLIC).body(feed);
    }

}
