package org.gazette.moderation;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.gazette.Change;
import org.gazette.comment.CommentStatus;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What every queue page shows that only a write can change, kept in memory between
 * writes so that a page does not read it again: the tab counts (of the site, and of
 * each article the filter has asked for), the authors' histories, the latest audit
 * line of each comment, and where the pages already shown end ({@link QueuePlace}),
 * so that a later page is read from the nearest known end instead of from the start.
 * <p>
 * Exact once any change is committed, on this node or another: every {@link Change}
 * (each write of a comment, posted, moved, edited or deleted, is one, and so is the
 * audit line written with it) moves a generation, and a figure is served only in the
 * generation it was read in. It is stamped with the generation seen before its query
 * ran, so a figure read while a write was committing is read again next time rather
 * than kept. Like the public page cache, this assumes that comments are written through
 * this application; a figure is read again at least every {@link #LIFETIME} all the same.
 */
@Component
class QueueTallies {

    /**
     * The longest a figure is kept, writes or none: the bound on how long a change made
     * behind the application's back (SQL run by hand) goes unseen.
     */
    static final Duration LIFETIME = Duration.ofMinutes(1);

    /** The key of the whole site's tab counts (article ids are positive). */
    private static final long SITE = 0L;

    private final AtomicLong generation = new AtomicLong();

    private final Cache<Long, Stamped<Map<CommentStatus, Long>>> counts = Caffeine.newBuilder()
        .maximumSize(1_000)
        .expireAfterWrite(LIFETIME)
        .build();

    private final Cache<String, Stamped<AuthorHistory>> histories = Caffeine.newBuilder()
        .maximumSize(20_000)
        .expireAfterWrite(LIFETIME)
        .build();

    private final Cache<Long, Stamped<ModerationEvent>> latestLines = Caffeine.newBuilder()
        .maximumSize(20_000)
        .expireAfterWrite(LIFETIME)
        .build();

    /** Where each page shown ends, per tab, filters and order (the query on its first page). */
    private final Cache<QueueQuery, Stamped<NavigableMap<Integer, QueuePlace>>> pageEnds = Caffeine.newBuilder()
        .maximumSize(200)
        .expireAfterWrite(LIFETIME)
        .build();

    /** The generation now: read it before a query whose result is then kept with {@link #pageEnded}. */
    long generation() {
        return this.generation.get();
    }

    /**
     * The nearest page before the query's page whose end is known since the last write.
     * @return its number and where it ends, or {@code null} when none is
     */
    Map.Entry<Integer, QueuePlace> pageEndBefore(QueueQuery query) {
        Stamped<NavigableMap<Integer, QueuePlace>> kept = this.pageEnds.getIfPresent(query.withPage(1));
        if (kept == null || kept.generation() != this.generation.get()) {
            return null;
        }
        return kept.value().lowerEntry(query.page());
    }

    /**
     * Where the query's page ends, as read from the database after {@code seen} was the
     * generation: kept for the next pages unless a write has committed since.
     */
    void pageEnded(QueueQuery query, long seen, QueuePlace end) {
        if (seen != this.generation.get()) {
            return;
        }
        QueueQuery first = query.withPage(1);
        Stamped<NavigableMap<Integer, QueuePlace>> kept = this.pageEnds.getIfPresent(first);
        if (kept == null || kept.generation() != seen) {
            // only the first page read after a write takes the entry's lock: under it,
            // every page read at once queued behind a thread the scheduler had paused
            kept = this.pageEnds.asMap()
                .compute(first, (key, current) -> (current != null && current.generation() == seen) ? current
                        : new Stamped<>(seen, new ConcurrentSkipListMap<>()));
        }
        kept.value().put(query.page(), end);
    }

    /**
     * The tab counts of the site or of one article, read with {@code load} unless the
     * ones read since the last write are kept.
     * @param articleId the filtered article, or {@code null} for the whole site
     * @param load reads the counts from the database
     */
    Map<CommentStatus, Long> counts(Long articleId, Supplier<Map<CommentStatus, Long>> load) {
        long key = (articleId != null) ? articleId : SITE;
        long now = this.generation.get();
        Stamped<Map<CommentStatus, Long>> kept = this.counts.getIfPresent(key);
        if (kept != null && kept.generation() == now) {
            return kept.value();
        }
        Map<CommentStatus, Long> read = Map.copyOf(load.get());
        this.counts.put(key, new Stamped<>(now, read));
        return read;
    }

    /**
     * The histories of the given authors; those not kept since the last write are read
     * with {@code load}, in one go.
     * @param emails the authors' emails
     * @param load reads the histories of the emails it is given, one for each
     */
    Map<String, AuthorHistory> histories(Collection<String> emails,
            Function<Set<String>, Map<String, AuthorHistory>> load) {
        return several(this.histories, emails, load);
    }

    /**
     * The latest audit line about each of the given comments (none for a comment without
     * one); those not kept since the last write are read with {@code load}, in one go.
     * @param commentIds the comments
     * @param load reads the latest lines of the comments it is given (leaving out those
     * without one)
     */
    Map<Long, ModerationEvent> latestLines(Collection<Long> commentIds,
            Function<Set<Long>, Map<Long, ModerationEvent>> load) {
        return several(this.latestLines, commentIds, load);
    }

    /** A change was committed: nothing kept before it is served again. */
    @EventListener
    void on(Change change) {
        this.generation.incrementAndGet();
    }

    /** The values of the keys: those kept in this generation, the others read in one go (absent ones as none). */
    private <K, V> Map<K, V> several(Cache<K, Stamped<V>> cache, Collection<K> keys,
            Function<Set<K>, Map<K, V>> load) {
        long now = this.generation.get();
        Map<K, V> found = new HashMap<>();
        Set<K> missing = new LinkedHashSet<>();
        for (K key : keys) {
            Stamped<V> kept = cache.getIfPresent(key);
            if (kept != null && kept.generation() == now) {
                if (kept.value() != null) {
                    found.put(key, kept.value());
                }
            }
            else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            Map<K, V> read = load.apply(missing);
            for (K key : missing) {
                V value = read.get(key);
                cache.put(key, new Stamped<>(now, value));
                if (value != null) {
                    found.put(key, value);
                }
            }
        }
        return found;
    }

    /** A figure (possibly none) and the generation it was read in. */
    private record Stamped<T>(long generation, T value) {

    }

}
