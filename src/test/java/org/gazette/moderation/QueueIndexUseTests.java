package org.gazette.moderation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gazette.article.Article;
import org.gazette.comment.CommentStatus;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
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
class QueueIndexUseTests {

    private static final Instant T0 = Instant.parse("2022-01-12T20:00:00Z");

    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    private static final int PENDING = 90;

    @Autowired
    private QueueRepository queue;

    @Autowired
    private Statements statements;

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

        Plan plan = explain(() -> this.queue.pageIds(pending, 0, 20), "PENDING", 0, 20);

        assertThat(plan.text()).contains("ix_comment_status_time", "index sorted");
        assertThat(plan.scanned()).isLessThanOrEqualTo(21);
    }

    @Test
    void aLaterPageReadsTheEntriesBeforeItAndNoMoreEitherWay() {
        QueueQuery newest = QueueQuery.of(CommentStatus.PENDING).withOrder(QueueQuery.Order.NEWEST);

        Plan plan = explain(() -> this.queue.pageIds(newest, 40, 20), "PENDING", 40, 20);

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

        Plan plan = explain(() -> assertThat(this.queue.pageIds(pending, end, 0, 20)).isEqualTo(fourthPage),
                "PENDING", endAt, endAt, endId, 0, 20);

        assertThat(plan.text()).contains("ix_comment_status_time", "index sorted");
        assertThat(plan.scanned()).isLessThanOrEqualTo(21);
    }

    @Test
    void theArticleFilterReadsTheArticlesRangeOfItsTab() {
        QueueQuery onArticle = new QueueQuery(CommentStatus.PENDING, 1, null, this.article.getId(), null, null);

        Plan plan = explain(() -> this.queue.pageIds(onArticle, 0, 20), "PENDING", this.article.getId(), 0, 20);

        assertThat(plan.text()).contains("ix_comment_article_queue", "index sorted");
        assertThat(plan.scanned()).isLessThanOrEqualTo(21);
    }

    /** Runs the call, then has H2 explain (and run) the one statement it sent, with the given parameters. */
    private Plan explain(Runnable call, Object... parameters) {
        this.statements.sent.clear();
        call.run();
        assertThat(this.statements.sent).hasSize(1);
        String sql = this.statements.sent.get(0);
        assertThat(sql.chars().filter((c) -> c == '?').count()).as(sql).isEqualTo(parameters.length);
        String text = String.join("\n",
                this.jdbc.queryForList("explain analyze " + sql, String.class, parameters));
        List<Integer> counts = new ArrayList<>();
        Matcher matcher = SCAN_COUNT.matcher(text);
        while (matcher.find()) {
            counts.add(Integer.parseInt(matcher.group(1)));
        }
        assertThat(counts).as(text).hasSize(1);
        return new Plan(text, counts.get(0));
    }

    private void insert(Article on, String status, int second) {
        OffsetDateTime at = T0.plusSeconds(second).atOffset(ZoneOffset.UTC);
        this.jdbc.update("""
                insert into comment (article_id, depth, author_name, author_email, body, body_hash, status,
                    status_reason, staff, client_address, created_at, updated_at, version)
                values (?, 1, 'Reader', 'reader@example.com', 'Text', 'hash', ?, 'FIRST_TIME', false,
                    '198.51.100.1', ?, ?, 0)""", on.getId(), status, at, at);
    }

    /** What H2 said about a statement, and how many index or table rows it read. */
    private record Plan(String text, int scanned) {

    }

    /** The SQL statements Hibernate prepares, in order. */
    static class Statements implements StatementInspector {

        final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public String inspect(String sql) {
            this.sent.add(sql);
            return sql;
        }

    }

    @TestConfiguration
    static class RecordStatements {

        @Bean
        Statements statements() {
            return new Statements();
        }

        @Bean
        HibernatePropertiesCustomizer recordStatements(Statements statements) {
            return (Map<String, Object> properties) -> properties.put(AvailableSettings.STATEMENT_INSPECTOR,
                    statements);
        }

    }

}
