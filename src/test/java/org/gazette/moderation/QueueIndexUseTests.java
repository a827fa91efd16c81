package org.gazette.moderation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.gazette.ExplainedStatements;
import org.gazette.ExplainedStatements.Plan;
import org.gazette.article.Article;
import org.gazette.comment.CommentStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of the queue reads only the index entries up to that page, in the tab's order,
 * whatever the number of comments waiting: the statements Hibernate sends for
 * {@link QueueListing#pageIds} are explained by H2 (the application's database) with
 * their row counts, so a statement that stops using the queue's indexes (for instance
 * an optional filter written as {@code (:param is null or ...)}) fails here.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(ExplainedStatements.Configuration.class)
class QueueIndexUseTests {

    private static final Instant T0 = Instant.parse("2022-01-12T20:00:00Z");

    private static final int PENDING = 90;

    @Autowired
    private QueueRepository queue;

    @Autowired
    private ExplainedStatements statements;

    @Autowired
    private TestEntityManager entities;

    @Autowired
    private JdbcTemplate jdbc;

    private Article article;

    @BeforeEach
    void fullQueue() {
        this.jdbc.update("update comment set parent_id = null");
        this.jdbc.update("delete from comment");
        this.article = this.entities.persist(new Article("index-first", "First article", T0, T0));
        Article other = this.entities.persist(new Article("index-second", "Second article", T0, T0));
        this.entities.flush();
        for (int i = 0; i < PENDING; i++) {
            insert((i % 3 == 0) ? other : this.article, "PENDING", i);
            insert(this.article, "APPROVED", i);
        }
    }

    @Test
    void theFirstPageOfATabReadsOnlyItsOwnEntries() {
        QueueQuery pending = QueueQuery.of(CommentStatus.PENDING);

        Plan plan = this.statements.explain(this.jdbc, () -> this.queue.pageIds(pending, 0, 20), "PENDING", 0,
                20);

        assertThat(plan.scanCounts()).as(plan.text()).hasSize(1);
        assertThat(plan.text()).contains("ix_comment_status_time", "index sorted");
        assertThat(plan.scanned()).isLessThanOrEqualTo(21);
    }

    @Test
    void aLaterPageReadsTheEntriesBeforeItAndNoMoreEitherWay() {
        QueueQuery newest = QueueQuery.of(CommentStatus.PENDING).withOrder(QueueQuery.Order.NEWEST);

        Plan plan = this.statements.explain(this.jdbc, () -> this.queue.pageIds(newest, 40, 20), "PENDING", 40,
                20);

        assertThat(plan.scanCounts()).as(plan.text()).hasSize(1);
        assertThat(plan.text()).contains("ix_comment_status_time", "index sorted");
        assertThat(plan.scanned()).isLessThanOrEqualTo(61);
    }

    @Test
    void aPageAfterAKnownEndReadsOnlyItsOwnEntriesWhateverItsNumber() {
        QueueQuery pending = QueueQuery.of(CommentStatus.PENDING);
        List<Long> firstSixty = this.queue.pageIds(pending, 0, 60);
        long endId = firstSixty.get(59);
        OffsetDateTime endAt = this.jdbc.queryForObject("select created_at from comment where id = ?",
                OffsetDateTime.class, endId);
        QueuePlace end = new QueuePlace(endAt.toInstant(), endId);
        List<Long> fourthPage = this.queue.pageIds(pending, 60, 20);

        Plan plan = this.statements.explain(this.jdbc,
                () -> assertThat(this.queue.pageIds(pending, end, 0, 20)).isEqualTo(fourthPage),
                "PENDING", endAt, endAt, endId, 0, 20);

        assertThat(plan.scanCounts()).as(plan.text()).hasSize(1);
        assertThat(plan.text()).contains("ix_comment_status_time", "index sorted");
        assertThat(plan.scanned()).isLessThanOrEqualTo(21);
    }

    @Test
    void theArticleFilterReadsTheArticlesRangeOfItsTab() {
        QueueQuery onArticle = new QueueQuery(CommentStatus.PENDING, 1, null, this.article.getId(), null, null);

        Plan plan = this.statements.explain(this.jdbc, () -> this.queue.pageIds(onArticle, 0, 20), "PENDING",
                this.article.getId(), 0, 20);

        assertThat(plan.scanCounts()).as(plan.text()).hasSize(1);
        assertThat(plan.text()).contains("ix_comment_article_queue", "index sorted");
        assertThat(plan.scanned()).isLessThanOrEqualTo(21);
    }

    private void insert(Article on, String status, int second) {
        OffsetDateTime at = T0.plusSeconds(second).atOffset(ZoneOffset.UTC);
        this.jdbc.update("""
                insert into comment (article_id, depth, author_name, author_email, body, body_hash, status,
                    status_reason, staff, client_address, created_at, updated_at, version)
                values (?, 1, 'Reader', 'reader@example.com', 'Text', 'hash', ?, 'FIRST_TIME', false,
                    '198.51.100.1', ?, ?, 0)""", on.getId(), status, at, at);
    }

}
