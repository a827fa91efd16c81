package org.gazette.web;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.gazette.article.Article;
import org.gazette.article.ArticleChanged;
import org.gazette.article.ArticleRepository;
import org.gazette.comment.CommentRulesChanged;
import org.gazette.comment.CommentsChanged;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Versions of what anonymous readers see, kept in memory: one per existing article
 * (moved by any change to the article or its comments), one for the front page, one for
 * the comment rules. A version moves only after the change is committed, so a page
 * rendered under a version never shows less than that version's state; the page cache
 * and the ETags are keyed by them, so neither can serve a stale page. Only articles that
 * exist get a version (a slug nobody published is looked up and forgotten), and at most
 * {@link #MAX_ARTICLES} of them; every version takes a number never used before, so an
 * article's version made again after eviction cannot repeat an old tag.
 */
@Component
class PageVersions {

    static final int MAX_ARTICLES = 10_000;

    private final String boot = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);

    private final AtomicLong rules = new AtomicLong();

    private final AtomicLong numbers = new AtomicLong();

    private final Version front;

    private final Cache<String, Version> articles = Caffeine.newBuilder().maximumSize(MAX_ARTICLES).build();

    private final Cache<Long, String> slugs = Caffeine.newBuilder().maximumSize(MAX_ARTICLES).build();

    /** Guards adding an article's version against an article change removing it at the same time. */
    private final Object articleChanges = new Object();

    private long articleChangeCount;

    private final ArticleRepository repository;

    private final Clock clock;

    PageVersions(ArticleRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.front = new Version(null, this.numbers.incrementAndGet(), now());
    }

    /** The validators of a page of an article as anonymous readers see it now, or empty when there is no such article. */
    Optional<Stamp> article(String slug, int page) {
        Version version = version(slug);
        if (version == null) {
            return Optional.empty();
        }
        Instant closes = version.closes.get();
        if (closes != null && !this.clock.instant().isBefore(closes) && version.closes.compareAndSet(closes, null)) {
            version.bump(now());
        }
        return Optional.of(new Stamp(this.boot + "." + this.rules.get() + "." + version.number + ".p" + page,
                version.modified));
    }

    Stamp front() {
        return new Stamp(this.boot + "." + this.rules.get() + "." + this.front.number, this.front.modified);
    }

    /** Notes when an article's comments will close by themselves, so its pages change then. */
    void closesAt(Article article, Instant when) {
        Version version = version(article.getSlug(), article::getId);
        if (version != null) {
            version.closes.set(when);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CommentsChanged event) {
        if (event.articleId() != null) {
            String slug = this.slugs.get(event.articleId(),
                    (id) -> this.repository.findById(id).map((article) -> article.getSlug()).orElse(null));
            Version version = (slug != null) ? this.articles.getIfPresent(slug) : null;
            if (version != null && event.articleId().equals(version.articleId)) {
                version.bump(now());
            }
        }
        this.front.bump(now());
    }

    /** An article saved, renamed or removed: its version is dropped and made again, with its slug checked, when next asked for. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ArticleChanged event) {
        synchronized (this.articleChanges) {
            this.articleChangeCount++;
            if (event.articleId() != null) {
                this.slugs.invalidate(event.articleId());
                this.articles.asMap().values().removeIf((version) -> event.articleId().equals(version.articleId));
            }
        }
        this.front.bump(now());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CommentRulesChanged event) {
        this.rules.incrementAndGet();
        this.front.bump(now());
        this.articles.asMap().values().forEach((version) -> {
            version.closes.set(null);
            version.bump(now());
        });
    }

    /** How many articles have a version in memory. */
    long knownArticles() {
        this.articles.cleanUp();
        return this.articles.estimatedSize();
    }

    /**
     * The version of the article with this slug, made when first asked for if the article
     * exists; null when it does not. A version is kept only if no article changed while
     * the slug was being looked up (a removal or rename could otherwise leave a version
     * for an article that no longer has this slug); otherwise it serves this request only.
     */
    private Version version(String slug) {
        return version(slug, () -> this.repository.findBySlug(slug).map(Article::getId).orElse(null));
    }

    private Version version(String slug, Supplier<Long> lookUp) {
        Version known = this.articles.getIfPresent(slug);
        if (known != null) {
            return known;
        }
        long changesBefore;
        synchronized (this.articleChanges) {
            changesBefore = this.articleChangeCount;
        }
        Long id = lookUp.get();
        if (id == null) {
            return null;
        }
        Version made = new Version(id, this.numbers.incrementAndGet(), now());
        synchronized (this.articleChanges) {
            if (this.articleChangeCount != changesBefore) {
                return made;
            }
            Version raced = this.articles.asMap().putIfAbsent(slug, made);
            return (raced != null) ? raced : made;
        }
    }

    private Instant now() {
        return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * What a conditional request is compared with.
     *
     * @param tag the entity tag's opaque part
     * @param lastModified when the page last changed
     */
    record Stamp(String tag, Instant lastModified) {

    }

    /** A number, never used before, and when it last moved (for Last-Modified). */
    private final class Version {

        final Long articleId;

        volatile long number;

        volatile Instant modified;

        /** When the article's comments close by the calendar, until that has moved the version. */
        final AtomicReference<Instant> closes = new AtomicReference<>();

        Version(Long articleId, long number, Instant modified) {
            this.articleId = articleId;
            this.number = number;
            this.modified = modified;
        }

        void bump(Instant when) {
            this.modified = when;
            this.number = PageVersions.this.numbers.incrementAndGet();
        }

    }

}
