package org.gazette.moderation;

import org.gazette.TestDatabases;
import org.gazette.comment.CommentService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * On PostgreSQL the audit log is append-only in the database itself: its lines cannot
 * be changed or removed by any statement, and deleting a comment permanently (which
 * leaves its lines in place) still works.
 */
@SpringBootTest
class AuditLogPostgresTests {

    @Autowired
    private JdbcTemplate jdbc;

    private DeskFixtures fixtures;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabases.postgresDatabase().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    void fixtures(CommentService comments, ModerationService moderation, ApplicationEventPublisher events) {
        this.fixtures = new DeskFixtures(comments, moderation, this.jdbc, events);
    }

    @Test
    void theLogsLinesCannotBeChangedOrRemoved() {
        long id = this.fixtures.trashed("Lou Logged", "lou@example.org", "A line about me stays.");
        int lines = lines();
        assertThat(lines).isPositive();

        assertThatExceptionOfType(DataAccessException.class)
            .isThrownBy(() -> this.jdbc.update("update moderation_event set editor = 'someone-else'"));
        assertThatExceptionOfType(DataAccessException.class)
            .isThrownBy(() -> this.jdbc.update("delete from moderation_event where comment_id = ?", id));
        assertThatExceptionOfType(DataAccessException.class)
            .isThrownBy(() -> this.jdbc.execute("truncate moderation_event"));
        assertThat(lines()).isEqualTo(lines);
        assertThat(this.jdbc.queryForList("select distinct editor from moderation_event", String.class))
            .doesNotContain("someone-else");
    }

    @Test
    void aCommentIsStillDeletedPermanentlyAndItsLinesStay() {
        long id = this.fixtures.trashed("Del Deleted", "del@example.org", "Delete me for good.");
        int before = lines();

        this.fixtures.act(DeskAction.DELETE, id);

        assertThat(this.fixtures.exists(id)).isFalse();
        assertThat(lines()).isEqualTo(before + 1);
        assertThat(this.jdbc.queryForObject("select count(*) from moderation_event where comment_id = ?",
                Integer.class, id))
            .isEqualTo(2);
    }

    private int lines() {
        return this.jdbc.queryForObject("select count(*) from moderation_event", Integer.class);
    }

}
