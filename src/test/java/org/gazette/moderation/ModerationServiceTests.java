package org.gazette.moderation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.gazette.comment.CommentService;
import org.gazette.comment.CommentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The moderation service against the real database: two editors on one comment,
 * minutes apart and at the same instant; tab counts while readers post; the audit
 * line that goes with every change.
 */
@SpringBootTest
@Import(ModerationServiceTests.GateClockConfiguration.class)
class ModerationServiceTests {

    @Autowired
    private ModerationService moderation;

    @Autowired
    private ModerationQueue queue;

    @Autowired
    private CommentService comments;

    @Autowired
    private AuditLog audit;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private GateClock clock;

    private DeskFixtures fixtures;

    @BeforeEach
    void cleanSlate(@Autowired ApplicationEventPublisher events) {
        this.fixtures = new DeskFixtures(this.comments, this.moderation, this.jdbc, events);
        this.fixtures.clean();
    }

    @AfterEach
    void openTheGate() {
        this.clock.close();
    }

    @Test
    void anEditorActingOnAStalePageIsRefusedWithTheCommentsStateNow() {
        long id = this.fixtures.held("Ann", "ann@example.com", "Held");
        CommentRef seenByBoth = this.fixtures.ref(id);

        ActionReport first = this.moderation.apply("maria", DeskAction.APPROVE, List.of(seenByBoth));
        ActionReport second = this.moderation.apply("tom", DeskAction.SPAM, List.of(seenByBoth));

        assertThat(first.done()).isEqualTo(1);
        assertThat(second.done()).isZero();
        assertThat(second.conflicts()).containsExactly(
                new ActionReport.Conflict(id, "Ann", CommentStatus.APPROVED, "maria", "APPROVE"));
        assertThat(this.fixtures.status(id)).isEqualTo(CommentStatus.APPROVED);
        assertThat(this.fixtures.log()).containsExactly("maria APPROVE " + id + " PENDING->APPROVED");
    }

    @Test
    void twoEditorsAtTheSameInstantCannotBothWin() throws Exception {
        long id = this.fixtures.held("Ann", "ann@example.com", "Held");
        CommentRef seenByBoth = this.fixtures.ref(id);

        List<ActionReport> reports = race(() -> this.moderation.apply("maria", DeskAction.APPROVE, List.of(seenByBoth)),
                () -> this.moderation.apply("tom", DeskAction.SPAM, List.of(seenByBoth)));

        assertThat(this.clock.opened()).as("both editors passed the version check before either wrote").isTrue();
        assertThat(reports).extracting(ActionReport::done).containsExactlyInAnyOrder(1, 0);
        ActionReport winner = reports.stream().filter((report) -> report.done() == 1).findFirst().orElseThrow();
        ActionReport loser = reports.stream().filter((report) -> report.done() == 0).findFirst().orElseThrow();
        CommentStatus expected = (winner.action() == DeskAction.APPROVE) ? CommentStatus.APPROVED : CommentStatus.SPAM;
        assertThat(loser.conflicts()).singleElement()
            .satisfies((conflict) -> assertThat(conflict.current()).isEqualTo(expected));
        assertThat(this.fixtures.status(id)).isEqualTo(expected);
        assertThat(this.fixtures.version(id)).isEqualTo(seenByBoth.version() + 1);
        assertThat(this.fixtures.log()).as("only the winner's line survives").hasSize(1);
    }

    @Test
    void twoEditorsEditingAtTheSameInstantCannotBothSave() throws Exception {
        long id = this.fixtures.held("Ann", "ann@example.com", "Original");
        CommentRef seenByBoth = this.fixtures.ref(id);

        List<Object> outcomes = race(() -> attempt(() -> this.moderation.edit("maria", seenByBoth, "Maria's text")),
                () -> attempt(() -> this.moderation.edit("tom", seenByBoth, "Tom's text")));

        assertThat(outcomes).filteredOn(Boolean.TRUE::equals).hasSize(1);
        assertThat(outcomes).filteredOn(CommentChangedException.class::isInstance).hasSize(1);
        assertThat(this.fixtures.body(id)).isIn("Maria's text", "Tom's text");
        assertThat(this.fixtures.log()).hasSize(1);
    }

    @Test
    void tabCountsStayRightWhileReadersPost() throws Exception {
        int writers = 6;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        AtomicBoolean posting = new AtomicBoolean(true);
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        Future<?> reader = pool.submit(() -> {
            while (posting.get()) {
                seen.add(this.queue.counts(null).get(CommentStatus.PENDING));
            }
        });
        List<Future<?>> posts = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            posts.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    this.fixtures.held("Reader " + writer + "-" + i, "r" + writer + "-" + i + "@example.com",
                            "Comment " + i + " from writer " + writer);
                }
            }));
        }
        for (Future<?> post : posts) {
            post.get(60, TimeUnit.SECONDS);
        }
        posting.set(false);
        reader.get(10, TimeUnit.SECONDS);
        pool.shutdown();

        Map<CommentStatus, Long> counts = this.queue.counts(null);
        assertThat(counts.get(CommentStatus.PENDING)).isEqualTo((long) writers * each);
        assertThat(counts.get(CommentStatus.PENDING))
            .isEqualTo(this.jdbc.queryForObject("select count(*) from comment where status = 'PENDING'", Long.class));
        assertThat(seen).isNotEmpty().allSatisfy((count) -> assertThat(count).isBetween(0L, (long) writers * each));
        assertThat(seen).isSorted();
    }

    @Test
    void anAuditLineIsOnlyEverWrittenWithTheChangeItRecords() {
        assertThatExceptionOfType(IllegalTransactionStateException.class).isThrownBy(() -> this.audit.record("tom",
                AuditAction.APPROVE, 1L, 1L, "PENDING", "APPROVED", null));
        assertThat(this.fixtures.log()).isEmpty();
    }

    @Test
    void aDeleteRemovesTheCommentAndKeepsWhoWroteWhatInTheLog() {
        long id = this.fixtures.spam("Spammer", "spam@example.com", "Buy cheap watches at our shop today");

        ActionReport report = this.moderation.apply("maria", DeskAction.DELETE, List.of(this.fixtures.ref(id)));

        assertThat(report.done()).isEqualTo(1);
        assertThat(this.fixtures.exists(id)).isFalse();
        assertThat(this.jdbc.queryForObject("select detail from moderation_event where comment_id = ?", String.class,
                id)).isEqualTo("Spammer: Buy cheap watches at our shop today");
    }

    @Test
    void aStaffReplyCarriesTheEditorsDisplayNameAndAStaffAddress() {
        long parent = this.fixtures.approved("Ann", "ann@example.com", "Question");

        long reply = this.moderation.reply("editor", this.fixtures.ref(parent), "Answer");

        assertThat(this.jdbc.queryForMap("select author_name, author_email, depth, client_address from comment "
                + "where id = ?", reply)).containsEntry("author_name", "Editor")
            .containsEntry("author_email", "editor@staff.invalid")
            .containsEntry("depth", 2)
            .containsEntry("client_address", null);
    }

    /** Runs two editors' actions on two threads that meet at the clock after their version checks. */
    @SafeVarargs
    private <T> List<T> race(java.util.concurrent.Callable<T>... editors) throws Exception {
        this.clock.gate(editors.length);
        ExecutorService pool = Executors.newFixedThreadPool(editors.length, (task) -> new Thread(task, "editor-"
                + System.nanoTime()));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (java.util.concurrent.Callable<T> editor : editors) {
                futures.add(pool.submit(editor));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static Object attempt(java.util.concurrent.Callable<Object> action) {
        try {
            return action.call();
        }
        catch (Exception ex) {
            return ex;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class GateClockConfiguration {

        @Bean
        @Primary
        GateClock gateClock() {
            return new GateClock();
        }

    }

    /**
     * The system clock with a gate: while it is set, the first time each editor's thread
     * asks the time (just after its version check) it waits until every editor has got
     * there, so their writes meet as at the same instant.
     */
    static final class GateClock extends Clock {

        private volatile CyclicBarrier barrier;

        private final Set<Thread> passed = ConcurrentHashMap.newKeySet();

        private final AtomicBoolean opened = new AtomicBoolean();

        void gate(int parties) {
            this.passed.clear();
            this.opened.set(false);
            this.barrier = new CyclicBarrier(parties, () -> this.opened.set(true));
        }

        void close() {
            this.barrier = null;
        }

        boolean opened() {
            return this.opened.get();
        }

        @Override
        public Instant instant() {
            CyclicBarrier gate = this.barrier;
            if (gate != null && Thread.currentThread().getName().startsWith("editor-")
                    && this.passed.add(Thread.currentThread())) {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                catch (BrokenBarrierException | TimeoutException ex) {
                    throw new IllegalStateException("The editors never met at the gate", ex);
                }
            }
            return Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

    }

}
