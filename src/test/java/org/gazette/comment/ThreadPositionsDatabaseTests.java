package org.gazette.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.persistence.EntityManager;
import org.gazette.Change;
import org.gazette.SharedChanges;
import org.gazette.article.Article;
import org.gazette.article.ArticleRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page in the redirect after a post, placed with the anchor (which small test
 * thresholds make take part from the fourth thread on), is the page the thread is
 * really on, through posts, held comments, editors' moves before and after the anchor
 * and placeholders; checked against every comment of the article read back.
 */
@SpringBootTest(properties = { "gazette.comments.page-size=3", "gazette.moderation.mode=none" })
@Import(ThreadPositionsDatabaseTests.Configuration.class)
class ThreadPositionsDatabaseTests {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @Autowired
    private CommentService service;

    @Autowired
    private ArticleRepository articles;

    @Autowired
    private ThreadPositions positions;

    @Autowired
    private SteppingClock clock;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private EntityManager entityManager;

    @Autowired
    private CommentSettingsService settings;

    @Autowired
    private SharedChanges changes;

    @Autowired
    private CommentRepository comments;

    private Article article;

    private CommentFixtures fixtures;

    @BeforeEach
    void article() {
        this.changes.publish(Change.everything());
        this.clock.set(T0);
        this.article = this.transactions.execute((status) -> {
            Article created = new Article("anchored-" + System.nanoTime(), "Anchored discussion", T0, T0);
            created.addParagraph("A paragraph.");
            return this.articles.saveAndFlush(created);
        });
        this.fixtures = new CommentFixtures(this.comments, this.transactions, this.entityManager, this.changes);
    }

    @AfterEach
    void resetClock() {
        this.clock.set(null);
    }

    @Test
    void redirectPagesMatchTheStoredThreadsThroughPostsAndEditorsMoves() {
        postReaders("Reader", 12);
        assertThat(this.positions.isAnchored(this.article.getId())).isTrue();

        Comment early = storedOn().get(1);
        trash(early);
        postAndCheck("After an early trash");

        Comment root = storedOn().get(4);
        reply(root, "A reply that stays");
        trash(root);
        postAndCheck("After a placeholder");

        Comment recent = storedOn().get(storedOn().size() - 1);
        trash(recent);
        postAndCheck("After a recent trash");

        moderate(ModerationMode.ALL);
        postAndCheck("Held reader");
        moderate(ModerationMode.NONE);
        postReaders("Later reader", 6);
    }

    @Test
    void heldRepliesKeepTheAnchorAndApprovingOneUnderATrashedThreadMovesIt() {
        postReaders("Reader", 8);
        assertThat(this.positions.isAnchored(this.article.getId())).isTrue();
        Comment root = storedOn().get(2);

        moderate(ModerationMode.ALL);
        reply(storedOn().get(5), "Held replier");
        reply(root, "Held under a thread");
        assertThat(this.positions.isAnchored(this.article.getId())).as("after held replies").isTrue();
        List<Comment> stored = storedOn();
        Comment held = stored.get(stored.size() - 1);
        this.fixtures.markSpam(stored.get(stored.size() - 2), this.clock.instant());
        assertThat(this.positions.isAnchored(this.article.getId())).as("after a held reply marked spam").isTrue();
        moderate(ModerationMode.NONE);

        trash(root);
        postAndCheck("After a trash");
        assertThat(this.positions.isAnchored(this.article.getId())).as("anchored again").isTrue();

        // the held reply approved: the trashed thread is shown again, as a placeholder
        this.clock.step(Duration.ofSeconds(1));
        this.fixtures.approve(held, this.clock.instant());
        assertThat(this.positions.isAnchored(this.article.getId())).as("after an approved reply").isFalse();
        postReaders("Later reader", 4);
    }

    /** Posts {@code count} comments by "name 0", "name 1" and so on, checking each redirect's page. */
    private void postReaders(String name, int count) {
        for (int i = 0; i < count; i++) {
            postAndCheck(name + " " + i);
        }
    }

    private void moderate(ModerationMode mode) {
        this.settings.update(mode, 2, 0, "", "");
    }

    private void postAndCheck(String name) {
        this.clock.step(Duration.ofSeconds(2));
        ReplyForm form = new ReplyForm();
        form.setAuthor(name);
        form.setEmail(name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@mail.example");
        form.setComment("A comment by " + name + ".");
        PostedComment posted = this.service.submit(this.article.getSlug(), form, "192.0.2.1");
        Comment stored = storedOn().stream().filter((c) -> c.getId() == posted.id()).findFirst().orElseThrow();
        assertThat(posted.page()).as("page of %s", name).isEqualTo(expectedPage(stored));
    }

    /** The thread's page counted from every comment of the article: approved roots and placeholders before it. */
    private int expectedPage(Comment thread) {
        List<Comment> all = storedOn();
        Set<Long> withShownReplies = new HashSet<>();
        all.stream().filter((c) -> !c.isTopLevel() && c.isApproved()).forEach((c) -> withShownReplies.add(c.getRootId()));
        ThreadKey key = new ThreadKey(thread.getId(), thread.getCreatedAt());
        long before = all.stream()
            .filter(Comment::isTopLevel)
            .filter((c) -> c.isApproved() || withShownReplies.contains(c.getId()))
            .filter((c) -> new ThreadKey(c.getId(), c.getCreatedAt()).isBefore(key))
            .count();
        return (int) (before / 3) + 1;
    }

    private List<Comment> storedOn() {
        return this.fixtures.storedOn(this.article);
    }

    private void trash(Comment comment) {
        this.clock.step(Duration.ofSeconds(1));
        this.fixtures.trash(comment, this.clock.instant());
    }

    private void reply(Comment parent, String name) {
        this.clock.step(Duration.ofSeconds(1));
        ReplyForm form = new ReplyForm();
        form.setAuthor(name);
        form.setEmail("replier@mail.example");
        form.setComment("A reply by " + name + ".");
        form.setReplyTo(parent.getId());
        this.service.submit(this.article.getSlug(), form, "192.0.2.2");
    }

    /** A clock the test sets and steps; real time when not set. */
    static final class SteppingClock extends Clock {

        private final AtomicReference<Instant> now = new AtomicReference<>();

        void set(Instant instant) {
            this.now.set(instant);
        }

        void step(Duration duration) {
            this.now.updateAndGet((current) -> current.plus(duration));
        }

        @Override
        public Instant instant() {
            Instant set = this.now.get();
            return (set != null) ? set : Instant.now();
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

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        @Primary
        SteppingClock steppingClock() {
            return new SteppingClock();
        }

        /** Anchors from the fourth visible thread on, moved forward after two threads. */
        @Bean
        @Primary
        ThreadPositions smallThreadPositions(Clock clock) {
            return new ThreadPositions(clock, 3, 2);
        }

    }

}
