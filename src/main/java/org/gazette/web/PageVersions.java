package org.gazette.web;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.gazette.article.ArticleChanged;
import org.gazette.article.ArticleRepository;
import org.gazette.comment.CommentRulesChanged;
import org.gazette.comment.CommentsChanged;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Versions of what anonymous readers see, kept in memory: one per article page (moved
 * by any change to the article or its comments), one for the front page, one for the
 * comment rules. A version moves only after the change is committed, so a page
 * rendered under a version never shows less than that version's state; the page cache
 * and the ETags are keyed by them, so neither can serve a stale page.
 */
@Component
class PageVersions {

    private final String boot = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);

    private final AtomicLong rules = new AtomicLong();

    private final Version front;

    private final Map<String, Version> articles = new ConcurrentHashMap<>();

    /** When an open article's comments close by the calendar (close-after-days). */
    private final Map<String, Instant> closingTimes = new ConcurrentHashMap<>();

    private final Cache<Long, String> slugs = Caffeine.newBuilder().maximumSize(10_000).build();

    private final ArticleRepository repository;

    private final Clock clock;

    PageVersions(ArticleRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.front = new Version(now());
    }

    /** The entity tag of a page of an article as anonymous readers see it now. */
    String articleTag(String slug, int page) {
        Instant closes = this.closingTimes.get(slug);
        if (closes != null && !this.clock.instant().isBefore(closes) && this.closingTimes.remove(slug, closes)) {
            article(slug).bump(now());
        }
        return this.boot + "." + this.rules.get() + "." + article(slug).number.get() + ".p" + page;
    }

    String frontTag() {
        return this.boot + "." + this.rules.get() + "." + this.front.number.get();
    }

    Instant articleLastModified(String slug) {
        return article(slug).modified;
    }

    Instant frontLastModified() {
        return this.front.modified;
    }

    /** Notes when an article's comments will close by themselves, so its pages change then. */
    void closesAt(String slug, Instant when) {
        this.closingTimes.put(slug, when);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CommentsChanged event) {
        articleChanged(event.articleId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ArticleChanged event) {
        articleChanged(event.articleId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CommentRulesChanged event) {
        this.closingTimes.clear();
        this.rules.incrementAndGet();
        this.front.bump(now());
        this.articles.values().forEach((version) -> version.bump(now()));
    }

    private void articleChanged(Long articleId) {
        if (articleId != null) {
            String slug = this.slugs.get(articleId,
                    (id) -> this.repository.findById(id).map((article) -> article.getSlug()).orElse(null));
            if (slug != null) {
                article(slug).bump(now());
            }
        }
        this.front.bump(now());
    }

    private Version article(String slug) {
        return this.articles.computeIfAbsent(slug, (key) -> new Version(this.front.modified));
    }

    private Instant now() {
        return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** A counter and when it last moved (for Last-Modified). */
    private static final class Version {

        final AtomicLong number = new AtomicLong();

        volatile Instant modified;

        Version(Instant modified) {
            this.modified = modified;
        }

        void bump(Instant when) {
            this.modified = when;
            this.number.incrementAndGet();
        }

    }

}
