package org.gazette.web;

import jakarta.persistence.EntityManagerFactory;
import org.gazette.article.Article;
import org.gazette.comment.CommentSettingsService;
import org.gazette.comment.ModerationMode;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one accepted comment costs the database: a fixed, short list of SQL statements
 * and one read-write transaction (so one flush of the H2 file on the shipped database).
 * Counted with Hibernate's statistics after a first post has warmed the caches (the rules
 * in force, the article's slug for the page versions).
 */
@ReaderSideTest
class CommentPostingCostTests {

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private TestArticles articles;

    @Autowired
    private CommentSettingsService settings;

    @Autowired
    private WriteTransactions writes;

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    private Statistics statistics;

    @BeforeEach
    void countStatements() {
        this.statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        this.statistics.setStatisticsEnabled(true);
    }

    @AfterEach
    void restore() {
        this.statistics.setStatisticsEnabled(false);
        this.statistics.clear();
        this.settings.update(ModerationMode.FIRST_TIME, 2, 0, "", "");
    }

    /**
     * The article's row, the duplicate check, the insert, and the thread's place for the
     * redirect (approved threads before it, placeholders): no query for the article's
     * body, which only a refusal's page needs, and none for the staff names, which are
     * kept in memory once read.
     */
    @Test
    void approvedCommentCostsFiveStatementsAndOneWriteTransaction() {
        this.settings.update(ModerationMode.NONE, 2, 0, "", "");
        Article article = this.articles.create("Ferry timetable changes");
        post(CommentForm.by("Warm Up"), article);

        Cost cost = post(CommentForm.by("Ann Lee"), article);

        assertThat(cost.status()).isEqualTo(303);
        assertThat(cost.statements()).isEqualTo(5);
        assertThat(cost.writeTransactions()).isEqualTo(1);
    }

    /**
     * First-time moderation adds two questions: was this name and email approved before,
     * and, for the reason a held comment records, has this email posted the same text?
     */
    @Test
    void heldFirstTimeCommentCostsTwoStatementsMore() {
        this.settings.update(ModerationMode.FIRST_TIME, 2, 0, "", "");
        Article article = this.articles.create("Library extends opening hours");
        post(CommentForm.by("Warm Up"), article);

        Cost cost = post(CommentForm.by("Ben Ode"), article);

        assertThat(cost.status()).isEqualTo(303);
        assertThat(cost.statements()).isEqualTo(7);
        assertThat(cost.writeTransactions()).isEqualTo(1);
    }

    @Test
    void refusedDuplicateWritesNothing() {
        this.settings.update(ModerationMode.NONE, 2, 0, "", "");
        Article article = this.articles.create("Harbour dredging starts");
        CommentForm form = CommentForm.by("Cy Twombly");
        post(form, article);

        Cost cost = post(form, article);

        assertThat(cost.status()).isEqualTo(409);
        assertThat(cost.writeTransactions()).isZero();
    }

    private Cost post(CommentForm form, Article article) {
        this.statistics.clear();
        this.writes.clear();
        MvcTestResult result = form.postTo(this.mvc, article).exchange();
        return new Cost(result.getResponse().getStatus(), this.statistics.getPrepareStatementCount(),
                this.writes.committed());
    }

    private record Cost(int status, long statements, int writeTransactions) {

    }

}
