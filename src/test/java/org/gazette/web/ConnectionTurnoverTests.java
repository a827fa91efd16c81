package org.gazette.web;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.gazette.TestDatabases;
import org.gazette.article.Article;
import org.gazette.comment.CommentFixtures;
import org.gazette.comment.CommentSettingsService;
import org.gazette.comment.ModerationMode;
import org.gazette.editor.EditorAccountService;
import org.gazette.editor.EditorRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The pool retires every connection it holds (as it does after
 * {@code spring.datasource.hikari.max-lifetime}, 30 minutes by default), the one that
 * ran the migrations included, and the application goes on writing every kind of row
 * the schema constrains. H2 2.4 once broke here: a {@code CHECK (x IN (...))}
 * constraint stayed bound to the connection that created it, and every insert failed
 * with "database has been closed" once that connection was gone.
 */
@SpringBootTest(properties = "spring.datasource.hikari.pool-name=turnover")
@AutoConfigureMockMvc
@Import(ReaderSideTestConfiguration.class)
class ConnectionTurnoverTests {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private TestArticles articles;

    @Autowired
    private CommentFixtures fixtures;

    @Autowired
    private CommentSettingsService settings;

    @Autowired
    private EditorAccountService accounts;

    @BeforeEach
    void retireEveryConnectionOfThePool() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
        List<Long> before = sessions(jdbc);
        this.dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Long> survivors;
        do {
            Thread.sleep(20);
            survivors = sessions(jdbc);
            survivors.retainAll(before);
        }
        while (!survivors.isEmpty() && System.nanoTime() < deadline);
        assertThat(survivors).as("database sessions of the retired connections").isEmpty();
    }

    @Test
    void commentsArticlesAndAccountsAreStillWrittenOnceTheMigratingConnectionIsGone() {
        this.settings.update(ModerationMode.NONE, 2, 0, "", "");
        Article article = this.articles.create("Bridge reopens after repairs");

        assertThat(CommentForm.by("Ann Lee").postTo(this.mvc, article)).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(CommentForm.by("Bo Chen").postTo(this.mvc, article)).hasStatus(HttpStatus.SEE_OTHER);
        this.accounts.create("night-desk", "Night desk", EditorRole.EDITOR, "a long night-desk password");

        assertThat(this.fixtures.storedOn(article)).hasSize(2);
        assertThat(this.accounts.accounts()).anyMatch((account) -> account.getUsername().equals("night-desk"));
    }

    @Test
    void theSchemaStillRefusesValuesOutsideItsLists() {
        this.settings.update(ModerationMode.NONE, 2, 0, "", "");
        Article article = this.articles.create("Council votes on the budget");
        assertThat(CommentForm.by("Cy Diaz").postTo(this.mvc, article)).hasStatus(HttpStatus.SEE_OTHER);
        JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);

        assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(
                () -> jdbc.update("UPDATE comment SET status = 'LOST' WHERE article_id = ?", article.getId()));
        assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(
                () -> jdbc.update("UPDATE article_block SET kind = 'VIDEO' WHERE article_id = ?", article.getId()));
        assertThatExceptionOfType(DataIntegrityViolationException.class)
            .isThrownBy(() -> jdbc.update("UPDATE editor_account SET role = 'OWNER'"));
    }

    /**
     * The ids of the database sessions open now on this database, this query's own
     * included; on PostgreSQL not the connection that listens for other nodes' changes,
     * which is not the pool's.
     */
    private static List<Long> sessions(JdbcTemplate jdbc) {
        if (TestDatabases.postgresql()) {
            return jdbc.queryForList("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND application_name <> 'gazette-change-listener'", Long.class);
        }
        return jdbc.queryForList("SELECT session_id FROM information_schema.sessions", Long.class);
    }

}
