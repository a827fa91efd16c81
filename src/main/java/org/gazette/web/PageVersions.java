package org.gazette.web;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.gazette.Change;
import org.gazette.article.ArticleRepository;
import org.gazette.article.ArticleStamp;
import org.gazette.article.SiteStamp;
import org.gazette.comment.CommentSettingsService;
import org.gazette.comment.RulesInForce;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The validators of what anonymous readers see, made only of what the database stores,
 * so every node gives the same ones for the same content, before and after a restart:
 * an article page's ETag is its article's stored page version, the settings row's
 * version, whether the calendar has closed its comments by now, and the page number; the
 * front page's is the highest page version of any published article, the number of
 * published articles and the settings' version. Drafts count nowhere: a draft has no
 * stamp (its pages are not found), and publishing or taking back an article moves both. The stored page versions are kept in memory between changes
 * (at most {@link #MAX_ARTICLES}, only of articles that exist: a slug nobody published is
 * looked up and forgotten) and dropped by every {@link Change} to their article,
 * committed on this node or another. A version is read before the page it stamps is
 * rendered, so a page never shows less than its version's state. Every tag starts with
 * the release (from the build's {@code build-info.properties}): a new release may write
 * the same content as other markup, so a browser's copy from the old one is not kept.
 */
@Component
class PageVersions {

    static final int MAX_ARTICLES = 10_000;

    private final ArticleRepository articles;

    private final CommentSettingsService settings;

    private final Clock clock;

    /** Moves with every change to an article's stored version: what was read before it is not kept. */
    private final AtomicLong generation = new AtomicLong();

    private final Map<Long, String> slugs = new ConcurrentHashMap<>();

    private final Cache<String, ArticleStamp> stamps = Caffeine.newBuilder()
        .maximumSize(MAX_ARTICLES)
        .evictionListener((String slug, ArticleStamp stamp, RemovalCause cause) -> {
            if (stamp != null) {
                this.slugs.remove(stamp.id(), slug);
            }
        })
        .build();

    private volatile Kept site;

    private final String release;

    PageVersions(ArticleRepository articles, CommentSettingsService settings, Clock clock,
            ObjectProvider<BuildProperties> build) {
        this.articles = articles;
        this.settings = settings;
        this.clock = clock;
        this.release = release(build.getIfAvailable());
    }

    /** A short name of the build (its version and time), or "dev" where there is no build information. */
    static String release(BuildProperties build) {
        if (build == null) {
            return "dev";
        }
        String both = build.getVersion() + "@" + build.getTime();
        return Integer.toString(both.hashCode() & Integer.MAX_VALUE, 36);
    }

    /** The validators of a page of an article as anonymous readers see it now; empty when there is no such article. */
    Optional<Stamp> article(String slug, int page) {
        ArticleStamp article = stamp(slug);
        if (article == null) {
            return Optional.empty();
        }
        RulesInForce rules = this.settings.inForce();
        Instant closes = article.commentsOpen() ? rules.rules().closesAfter(article.publishedAt()).orElse(null)
                : null;
        boolean closed = closes != null && !this.clock.instant().isBefore(closes);
        Instant modified = latest(latest(article.pageChangedAt(), rules.changedAt()), closed ? closes : null);
        return Optional.of(new Stamp(this.release + ".a" + article.pageVersion() + ".s" + rules.version() + (closed ? ".c" : ".o")
                + ".p" + page, modified));
    }

    /**
     * The validators of the lists of published articles readers see (the front page, the
     * feed, the sitemap): the part of the tag every such list shares, to which each adds
     * its own name and page.
     */
    Stamp front() {
        SiteStamp site = siteStamp();
        RulesInForce rules = this.settings.inForce();
        return new Stamp(this.release + ".f" + site.pageVersion() + ".n" + site.articles() + ".s" + rules.version(),
                latest(site.changedAt(), rules.changedAt()));
    }

    /** How many articles readers see, as counted for the latest {@link #front()} stamp. */
    long publishedArticles() {
        return siteStamp().articles();
    }

    /** A committed change to an article or what readers see of it drops its version, and the front page's. */
    @EventListener
    void on(Change change) {
        switch (change.topic()) {
            case ARTICLE, COMMENTS -> {
                this.generation.incrementAndGet();
                this.site = null;
                String slug = this.slugs.remove(change.articleId());
                if (slug != null) {
                    this.stamps.asMap().computeIfPresent(slug,
                            (key, stamp) -> stamp.id() == change.articleId() ? null : stamp);
                }
            }
            case EVERYTHING -> {
                this.generation.incrementAndGet();
                this.site = null;
                this.stamps.invalidateAll();
                this.slugs.clear();
            }
            default -> {
            }
        }
    }

    /** How many articles have a version in memory. */
    long knownArticles() {
        this.stamps.cleanUp();
        return this.stamps.estimatedSize();
    }

    /**
     * The stored version of the article with this slug, read when not kept; null when
     * there is no such article. One read while a change arrived is used for this request
     * only: it is kept, then dropped again unless no change arrived meanwhile (a change
     * arriving after that check finds it and drops it itself).
     */
    private ArticleStamp stamp(String slug) {
        ArticleStamp known = this.stamps.getIfPresent(slug);
        if (known != null) {
            return known;
        }
        long seen = this.generation.get();
        ArticleStamp read = this.articles.findStampBySlug(slug).orElse(null);
        if (read == null) {
            return null;
        }
        this.slugs.put(read.id(), slug);
        this.stamps.put(slug, read);
        if (this.generation.get() != seen) {
            this.stamps.asMap().remove(slug, read);
        }
        return read;
    }

    private SiteStamp siteStamp() {
        long seen = this.generation.get();
        Kept kept = this.site;
        if (kept != null && kept.generation() == seen) {
            return kept.stamp();
        }
        SiteStamp read = this.articles.findSiteStamp();
        this.site = new Kept(seen, read);
        return read;
    }

    /** The later of two moments (either may be unknown), to the second as Last-Modified has it. */
    private static Instant latest(Instant one, Instant other) {
        Instant later = (one == null) ? other : (other == null || one.isAfter(other)) ? one : other;
        return (later != null) ? later.truncatedTo(ChronoUnit.SECONDS) : Instant.EPOCH;
    }

    /**
     * What a conditional request is compared with.
     *
     * @param tag the entity tag's opaque part
     * @param lastModified when the page last changed
     */
    record Stamp(String tag, Instant lastModified) {

    }

    /** The front page's stored versions and the generation they were read in. */
    private record Kept(long generation, SiteStamp stamp) {

    }

}
