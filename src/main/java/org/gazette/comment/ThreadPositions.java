package org.gazette.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.gazette.Change;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where a thread stands among the threads readers see (approved top-level comments
 * and placeholders), without counting every thread before it each time a comment is
 * posted. Counting is linear in the number of threads on every database Gazette runs
 * on, and a new comment's thread is the last, so the redirect after each post would
 * otherwise count the whole discussion.
 * <p>
 * Per article it keeps one <em>anchor</em>: a moment in the past and how many visible
 * threads were posted before it, counted once. A thread after the anchor is then placed
 * by counting only the threads between the anchor and it. The anchor is always a
 * little in the past ({@link #SETTLE}), so the comments being posted right now fall
 * after it and never touch it; any other change readers see in the article's comments
 * (a moderation action, an edit, a reply, a deletion, a comment dated before the
 * anchor), committed on this node or another ({@link Change}), drops it, and an anchor
 * counted while such a change was committing is never kept. As a safety net for
 * changes made behind the application's back (SQL run by hand), an anchor lives at
 * most {@link #MAX_AGE}. Small discussions, which are cheap to count, get no anchor.
 */
@Component
class ThreadPositions {

    /**
     * How far behind the clock an anchor is placed: longer than a post's transaction takes
     * under load, so that posts commit before the anchor their neighbours count from; each
     * post counts the threads of this last moment (at 800 posts/s, 160 rather than 800).
     */
    static final Duration SETTLE = Duration.ofMillis(200);

    /** How long an anchor is trusted at most. */
    static final Duration MAX_AGE = Duration.ofMinutes(1);

    /** Visible threads before a thread from which an anchor pays. */
    static final long MIN_ANCHORED = 500;

    /** Threads counted past the anchor beyond which it is moved forward. */
    static final long ADVANCE_AFTER = 100;

    /** The counts the positions are made of, read from the database. */
    interface Counts {

        /** Visible threads of the article strictly before the key in thread order. */
        long before(Long articleId, ThreadKey key);

        /** Visible threads of the article from {@code from} (inclusive) to {@code to} (exclusive). */
        long between(Long articleId, ThreadKey from, ThreadKey to);

    }

    private final Clock clock;

    private final long minAnchored;

    private final long advanceAfter;

    private final Map<Long, Anchor> anchors = new ConcurrentHashMap<>();

    private final Map<Long, Boolean> anchoring = new ConcurrentHashMap<>();

    /** Moves whenever a change may have altered a count that an anchor being made relies on. */
    private final AtomicLong changes = new AtomicLong();

    /** The latest moment any anchor was (or is being) placed at. */
    private final AtomicReference<Instant> horizon = new AtomicReference<>(Instant.MIN);

    @Autowired
    ThreadPositions(Clock clock) {
        this(clock, MIN_ANCHORED, ADVANCE_AFTER);
    }

    ThreadPositions(Clock clock, long minAnchored, long advanceAfter) {
        this.clock = clock;
        this.minAnchored = minAnchored;
        this.advanceAfter = advanceAfter;
    }

    /** How many visible threads of the article come before the given one. */
    long position(Long articleId, ThreadKey thread, Counts counts) {
        Anchor anchor = this.anchors.get(articleId);
        if (anchor != null && anchor.isExpired()) {
            this.anchors.remove(articleId, anchor);
            anchor = null;
        }
        if (anchor != null && !thread.isBefore(anchor.key())) {
            long since = counts.between(articleId, anchor.key(), thread);
            if (since > this.advanceAfter) {
                anchor(articleId, thread, anchor, counts);
            }
            return anchor.before() + since;
        }
        long before = counts.before(articleId, thread);
        if (anchor == null && before >= this.minAnchored) {
            anchor(articleId, thread, null, counts);
        }
        return before;
    }

    /**
     * A committed change: the comments readers see moved from a thread on (or in any
     * thread), or anything may have changed.
     */
    @EventListener
    void on(Change change) {
        switch (change.topic()) {
            case COMMENTS -> invalidate(change.articleId(), change.threadsFrom());
            case EVERYTHING -> invalidate(null, null);
            default -> {
            }
        }
    }

    /** Whether the article has an anchor now (tests). */
    boolean isAnchored(Long articleId) {
        return this.anchors.containsKey(articleId);
    }

    /**
     * Places a new anchor at {@link #SETTLE} before now, but never after the thread
     * being placed (whose own comment may not be committed yet), counting from the
     * current anchor when there is one. Kept only if nothing that could change the
     * count happened meanwhile; one thread at a time per article.
     */
    private void anchor(Long articleId, ThreadKey thread, Anchor current, Counts counts) {
        Instant at = this.clock.instant().minus(SETTLE);
        if (thread.createdAt().isBefore(at)) {
            at = thread.createdAt();
        }
        ThreadKey key = new ThreadKey(0L, at);
        if ((current != null && !current.key().isBefore(key))
                || this.anchoring.putIfAbsent(articleId, Boolean.TRUE) != null) {
            return;
        }
        try {
            Instant placed = at;
            this.horizon.accumulateAndGet(placed, (a, b) -> a.isAfter(b) ? a : b);
            long seen = this.changes.get();
            long before = (current != null) ? current.before() + counts.between(articleId, current.key(), key)
                    : counts.before(articleId, key);
            Anchor anchor = new Anchor(key, before, System.nanoTime());
            if (this.changes.get() == seen) {
                this.anchors.put(articleId, anchor);
                if (this.changes.get() != seen) {
                    this.anchors.remove(articleId, anchor);
                }
            }
        }
        finally {
            this.anchoring.remove(articleId);
        }
    }

    /**
     * Drops the article's anchor (every anchor when no article is given) if the change
     * is before it (or its place is unknown), and makes anchors being counted now void
     * if the change could fall before them.
     */
    private void invalidate(Long articleId, Instant changedFrom) {
        if (changedFrom == null || changedFrom.isBefore(this.horizon.get())) {
            this.changes.incrementAndGet();
        }
        if (articleId == null) {
            this.anchors.clear();
            return;
        }
        this.anchors.computeIfPresent(articleId,
                (id, anchor) -> (changedFrom == null || changedFrom.isBefore(anchor.key().createdAt())) ? null
                        : anchor);
    }

    /**
     * How many visible threads come before a moment.
     * @param key the moment, as a thread key with id 0 (before every comment posted then)
     * @param before visible threads strictly before it
     * @param madeAt {@link System#nanoTime()} when counted
     */
    private record Anchor(ThreadKey key, long before, long madeAt) {

        boolean isExpired() {
            return System.nanoTime() - this.madeAt > MAX_AGE.toNanos();
        }

    }

}
