package org.gazette.comment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.gazette.ExplainedStatements;
import org.gazette.ExplainedStatements.Plan;
import org.gazette.article.Article;
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
 * Placing a posted comment's thread reads only the thread-order index for the outer
 * comment, even on a small discussion. The two statements with an EXISTS over replies
 * are explained by H2 on a table of a few dozen comments, which is where its planner
 * once chose the article foreign key's index (every comment of the article read per
 * post) and kept that plan in the statement cache as the discussion grew.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(ExplainedStatements.Configuration.class)
class ThreadOrderIndexUseTests {

    private static final Instant T0 = Instant.parse("2022-01-12T20:00:00Z");

    private static final int THREADS = 40;

    @Autowired
    private CommentRepository comments;

    @Autowired
    private ExplainedStatements statements;

    @Autowired
    private TestEntityManager entities;

    @Autowired
    private JdbcTemplate jdbc;

    private Article article;

    private final List<Long> roots = new ArrayList<>();

    @BeforeEach
    void smallDiscussion() {
        this.jdbc.update("update comment set parent_id = null");
        this.jdbc.update("delete from comment");
        this.article = this.entities.persist(new Article("thread-order", "Thread order", T0, T0));
        this.entities.flush();
        for (int i = 0; i < THREADS; i++) {
            String status = (i % 10 == 3) ? "TRASH" : "APPROVED";
            long root = insert(null, status, i);
            this.roots.add(root);
            insert(root, "APPROVED", i);
        }
    }

    @Test
    void theThreadsBetweenTwoPlacesAreCountedFromTheirRangeOfTheIndex() {
        Instant from = T0.plusSeconds(30);
        Instant to = T0.plusSeconds(35);
        long fromId = this.roots.get(30);
        long toId = this.roots.get(35);

        Plan plan = this.statements.explain(this.jdbc,
                () -> assertThat(this.comments.countVisibleThreadsBetween(this.article.getId(), from, fromId, to, toId))
                    .isEqualTo(5),
                this.article.getId(), at(from), at(to), at(from), fromId, at(to), toId);

        assertThat(plan.text()).contains("ix_comment_article_thread_order").doesNotContain("fk_comment_article");
        // the six threads posted from 30 s to 35 s inclusive, and the entry that ends the range
        assertThat(plan.scanned()).isLessThanOrEqualTo(7);
    }

    @Test
    void theRemovedThreadsWithVisibleRepliesAreFoundFromTheIndexOfThreads() {
        Plan plan = this.statements.explain(this.jdbc,
                () -> assertThat(this.comments.findRemovedThreadsWithVisibleReplies(this.article.getId())).hasSize(4),
                this.article.getId());

        assertThat(plan.text()).contains("ix_comment_article_thread_order").doesNotContain("fk_comment_article");
        assertThat(plan.scanned()).isLessThanOrEqualTo(THREADS + 1);
    }

    private long insert(Long parent, String status, int second) {
        OffsetDateTime at = at(T0.plusSeconds(second));
        this.jdbc.update("""
                insert into comment (article_id, parent_id, thread_id, depth, author_name, author_email, body,
                    body_hash, status, status_reason, staff, client_address, created_at, updated_at, version)
                values (?, ?, ?, ?, 'Reader', 'reader@example.com', 'Text', 'hash', ?, 'FIRST_TIME', false,
                    '198.51.100.1', ?, ?, 0)""", this.article.getId(), parent, parent, (parent != null) ? 2 : 1,
                status, at, at);
        return this.jdbc.queryForObject("select max(id) from comment", Long.class);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
