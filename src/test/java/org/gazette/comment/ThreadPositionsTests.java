package org.gazette.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.gazette.Change;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anchor gives the same positions as counting every thread, reads only the threads
 * after it, and is dropped by every change that could move a thread before it. The
 * counts come from a list of threads standing in for the database.
 */
class ThreadPositionsTests {

    private static final Long ARTICLE = 7L;

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final Threads threads = new Threads();

    private Instant now = T0;

    private final Clock clock = new Clock() {

        @Override
        public Instant instant() {
            return ThreadPositionsTests.this.now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

    };

    private final ThreadPositions positions = new ThreadPositions(this.clock, 10, 5);

    @Test
    void smallDiscussionIsCountedInFullWithoutAnAnchor() {
        ThreadKey last = postThreads(5);

        assertThat(this.positions.position(ARTICLE, last, this.threads)).isEqualTo(4);
        assertThat(this.positions.isAnchored(ARTICLE)).isFalse();
    }

    @Test
    void newThreadsArePlacedByCountingOnlyThoseAfterTheAnchor() {
        for (int i = 0; i < 200; i++) {
            ThreadKey key = postThread(true);
            this.threads.read = 0;

            long position = this.positions.position(ARTICLE, key, this.threads);

            assertThat(position).isEqualTo(this.threads.fullCount(key));
            if (i > 20) {
                assertThat(this.threads.read).as("threads read to place thread %d", i).isLessThan(20);
            }
        }
        assertThat(this.positions.isAnchored(ARTICLE)).isTrue();
    }

    @Test
    void threadsPostedNowLeaveTheAnchorInPlace() {
        ThreadKey last = postThreads(30);
        this.positions.position(ARTICLE, last, this.threads);
        assertThat(this.positions.isAnchored(ARTICLE)).isTrue();

        ThreadKey next = postThread(true);

        assertThat(this.positions.isAnchored(ARTICLE)).isTrue();
        assertThat(this.positions.position(ARTICLE, next, this.threads)).isEqualTo(30);
    }

    @Test
    void threadHiddenBeforeTheAnchorDropsIt() {
        ThreadKey last = postThreads(30);
        this.positions.position(ARTICLE, last, this.threads);
        Thread early = this.threads.all.get(3);

        early.visible = false;
        this.positions.on(Change.comments(ARTICLE, early.key.createdAt()));

        assertThat(this.positions.isAnchored(ARTICLE)).isFalse();
        ThreadKey next = postThread(true);
        assertThat(this.positions.position(ARTICLE, next, this.threads)).isEqualTo(29);
    }

    @Test
    void threadChangedAfterTheAnchorIsCountedInTheRange() {
        ThreadKey last = postThreads(30);
        this.positions.position(ARTICLE, last, this.threads);
        Thread recent = this.threads.all.get(29);

        recent.visible = false;
        this.positions.on(Change.comments(ARTICLE, recent.key.createdAt()));

        assertThat(this.positions.isAnchored(ARTICLE)).isTrue();
        ThreadKey next = postThread(true);
        assertThat(this.positions.position(ARTICLE, next, this.threads)).isEqualTo(29);
    }

    @Test
    void anyReplyChangeDropsTheAnchor() {
        ThreadKey last = postThreads(30);
        this.positions.position(ARTICLE, last, this.threads);

        this.threads.all.get(2).visible = false;
        this.positions.on(Change.comments(ARTICLE, null));

        assertThat(this.positions.isAnchored(ARTICLE)).isFalse();
        assertThat(this.positions.position(ARTICLE, postThread(true), this.threads)).isEqualTo(29);
    }

    @Test
    void anchorCountedWhileAnEarlierChangeCommitsIsNotKept() {
        ThreadKey last = postThreads(30);
        this.threads.duringFullCount = () -> {
            this.threads.all.get(1).visible = false;
            this.positions.on(Change.comments(ARTICLE, this.threads.all.get(1).key.createdAt()));
        };

        this.positions.position(ARTICLE, last, this.threads);

        assertThat(this.positions.isAnchored(ARTICLE)).isFalse();
        this.threads.duringFullCount = null;
        assertThat(this.positions.position(ARTICLE, postThread(true), this.threads)).isEqualTo(29);
    }

    @Test
    void threadDatedBeforeTheAnchorDropsIt() {
        ThreadKey last = postThreads(30);
        this.positions.position(ARTICLE, last, this.threads);

        Thread late = new Thread(new ThreadKey(1_000L, T0.plusMillis(1)), true);
        this.threads.all.add(late);
        this.threads.all.sort((a, b) -> ThreadKey.ORDER.compare(a.key, b.key));
        this.positions.on(Change.comments(ARTICLE, late.key.createdAt()));

        assertThat(this.positions.isAnchored(ARTICLE)).isFalse();
        ThreadKey next = postThread(true);
        assertThat(this.positions.position(ARTICLE, next, this.threads)).isEqualTo(31);
    }

    @Test
    void threadBeforeTheAnchorIsCountedInFull() {
        ThreadKey last = postThreads(30);
        this.positions.position(ARTICLE, last, this.threads);
        ThreadKey early = this.threads.all.get(4).key;

        assertThat(this.positions.position(ARTICLE, early, this.threads)).isEqualTo(4);
    }

    @Test
    void anchorOfOneArticleIsNotUsedForAnother() {
        ThreadKey last = postThreads(30);
        this.positions.position(ARTICLE, last, this.threads);

        assertThat(this.positions.isAnchored(ARTICLE + 1)).isFalse();
    }

    /** Posts threads a second apart, all visible; returns the last one's key. */
    private ThreadKey postThreads(int count) {
        ThreadKey last = null;
        for (int i = 0; i < count; i++) {
            last = postThread(true);
        }
        return last;
    }

    private ThreadKey postThread(boolean visible) {
        this.now = this.now.plus(Duration.ofSeconds(1));
        ThreadKey key = new ThreadKey((long) this.threads.all.size() + 1, this.now);
        this.threads.all.add(new Thread(key, visible));
        return key;
    }

    private static final class Thread {

        final ThreadKey key;

        boolean visible;

        Thread(ThreadKey key, boolean visible) {
            this.key = key;
            this.visible = visible;
        }

    }

    /** The article's threads in thread order, counted the way the database does. */
    private static final class Threads implements ThreadPositions.Counts {

        final List<Thread> all = new ArrayList<>();

        int read;

        Runnable duringFullCount;

        long fullCount(ThreadKey key) {
            return this.all.stream().filter((thread) -> thread.visible && thread.key.isBefore(key)).count();
        }

        @Override
        public long before(Long articleId, ThreadKey key) {
            long count = 0;
            for (Thread thread : this.all) {
                if (!thread.key.isBefore(key)) {
                    break;
                }
                this.read++;
                count += thread.visible ? 1 : 0;
            }
            if (this.duringFullCount != null) {
                this.duringFullCount.run();
            }
            return count;
        }

        @Override
        public long between(Long articleId, ThreadKey from, ThreadKey to) {
            long count = 0;
            for (Thread thread : this.all) {
                if (!thread.key.isBefore(from) && thread.key.isBefore(to)) {
                    this.read++;
                    count += thread.visible ? 1 : 0;
                }
            }
            return count;
        }

    }

}
