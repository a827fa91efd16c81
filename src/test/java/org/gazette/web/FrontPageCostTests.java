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
 * The front page and the feed cost the same SQL statements, and load no more rows, however
 * many articles and comments the site holds: counted with Hibernate's statistics on a page rendered afresh
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
    void frontPageCostsTheSameWhateverTheNumberOfArticles() throws Exception {
        long before = statements("/");
        long rowsBefore = this.statistics.getEntityLoadCount();

        moreArticles();

        assertThat(before).isPositive();
        assertThat(statements("/")).isEqualTo(before);
        assertThat(this.statistics.getEntityLoadCount()).as("entities loaded").isEqualTo(rowsBefore);
        assertThat(statements("/?page=2")).isEqualTo(before);
    }

    @Test
    void feedCostsTheSameWhateverTheNumberOfArticles() throws Exception {
        long before = statements("/feed");

        moreArticles();

        assertThat(statements("/feed")).isEqualTo(before);
    }

    /** 25 more articles with a thread of five comments each. */
    private void moreArticles() {
        for (int i = 0; i < 25; i++) {
            Article article = this.articles.create("One of many " + i);
            this.fixtures.threadsOfFive(article, 1, Instant.parse("2025-01-01T00:00:00Z"));
        }
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
