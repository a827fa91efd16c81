package org.gazette.web;

import java.time.Instant;

import jakarta.persistence.EntityManagerFactory;
import org.gazette.Change;
import org.gazette.article.Article;
import org.gazette.comment.CommentFixtures;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front page and the feed cost the same SQL statements however many articles and
 * comments the site holds: counted with Hibernate's statistics on a page rendered afresh
 * (every kept page dropped, as after a missed change), once a HEAD has read its
 * validators.
 */
@ReaderSideTest
class FrontPageCostTests {

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private TestArticles articles;

    @Autowired
    private CommentFixtures fixtures;

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    @Autowired
    private ApplicationEventPublisher events;

    private Statistics statistics;

    @BeforeEach
    void countStatements() {
        this.statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        this.statistics.setStatisticsEnabled(true);
    }

    @AfterEach
    void stopCounting() {
        this.statistics.setStatisticsEnabled(false);
        this.statistics.clear();
    }

    @Test
    void listsCostTheSameStatementsWhateverTheNumberOfArticles() throws Exception {
        long frontBefore = statements("/");
        long feedBefore = statements("/feed");

        for (int i = 0; i < 25; i++) {
            Article article = this.articles.create("One of many " + i);
            this.fixtures.threadsOfFive(article, 1, Instant.parse("2025-01-01T00:00:00Z"));
        }

        assertThat(frontBefore).isPositive();
        assertThat(statements("/")).isEqualTo(frontBefore);
        assertThat(statements("/?page=2")).isEqualTo(frontBefore);
        assertThat(statements("/feed")).isEqualTo(feedBefore);
    }

    private long statements(String url) {
        this.events.publishEvent(Change.everything());
        assertThat(this.mvc.head().uri(url).exchange()).hasStatusOk();
        this.statistics.clear();
        MvcTestResult result = this.mvc.get().uri(url).exchange();
        assertThat(result).hasStatusOk();
        return this.statistics.getPrepareStatementCount();
    }

}
