package org.gazette.web;

import java.time.Clock;

import jakarta.persistence.EntityManager;
import org.gazette.SharedChanges;
import org.gazette.article.ArticleRepository;
import org.gazette.comment.CommentFixtures;
import org.gazette.comment.CommentRepository;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** What the reader-side tests add to the application: a clock they can move, and fixtures. */
@TestConfiguration(proxyBeanMethods = false)
class ReaderSideTestConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

    @Bean
    WriteTransactions writeTransactions() {
        return new WriteTransactions();
    }

    @Bean
    TestArticles testArticles(ArticleRepository articles, TransactionTemplate transactions, SharedChanges changes,
            Clock clock, JdbcTemplate jdbc) {
        return new TestArticles(articles, transactions, changes, clock, jdbc);
    }

    @Bean
    CommentFixtures commentFixtures(CommentRepository comments, TransactionTemplate transactions,
            EntityManager entityManager, SharedChanges changes) {
        return new CommentFixtures(comments, transactions, entityManager, changes);
    }

}
