package org.gazette.web;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.gazette.Change;
import org.gazette.SharedChanges;
import org.gazette.article.Article;
import org.gazette.article.ArticleRepository;
import org.gazette.article.PhotoCaption;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Makes articles of a test's own, so tests sharing a database do not see each other's comments. */
final class TestArticles {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final ArticleRepository articles;

    private final TransactionTemplate transactions;

    private final SharedChanges changes;

    private final Clock clock;

    private final JdbcTemplate jdbc;

    TestArticles(ArticleRepository articles, TransactionTemplate transactions, SharedChanges changes, Clock clock,
            JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.transactions = transactions;
        this.changes = changes;
        this.clock = clock;
    }

    /** A fresh article, published now, with a paragraph and a photo. */
    Article create(String headline) {
        return create(headline, this.clock.instant());
    }

    Article create(String headline, Instant publishedAt) {
        String slug = "test-article-" + COUNTER.incrementAndGet();
        Article article = new Article(slug, headline, publishedAt, this.clock.instant());
        article.addParagraph("A paragraph of " + headline + ".");
        article.addPhoto(new PhotoCaption("A photo of the scene.", "Staff Photographer"));
        return this.articles.saveAndFlush(article);
    }

    /** A fresh draft: stored, seen by nobody but the desk. */
    Article createDraft(String headline) {
        return this.transactions.execute((status) -> {
            Article draft = create(headline);
            draft.unpublish(this.clock.instant());
            this.changes.publish(Change.article(draft.getId()));
            return this.articles.saveAndFlush(draft);
        });
    }

    /** Shows the article to readers, as an editor would. */
    Article publish(Article article) {
        return this.transactions.execute((status) -> {
            Article managed = this.articles.findById(article.getId()).orElseThrow();
            managed.publish(this.clock.instant());
            this.changes.publish(Change.article(managed.getId()));
            return managed;
        });
    }

    /** Takes the article back from readers, as an editor would. */
    Article unpublish(Article article) {
        return this.transactions.execute((status) -> {
            Article managed = this.articles.findById(article.getId()).orElseThrow();
            managed.unpublish(this.clock.instant());
            this.changes.publish(Change.article(managed.getId()));
            return managed;
        });
    }

    /** Gives the article a byline and a standfirst, as the desk would. */
    void signAndIntroduce(Article article, String byline, String standfirst) {
        this.transactions.executeWithoutResult((status) -> {
            this.articles.findById(article.getId()).orElseThrow();
            this.jdbc.update("update article set byline = ?, standfirst = ? where id = ?", byline, standfirst,
                    article.getId());
            this.changes.publish(Change.article(article.getId()));
        });
    }

    /** Stops the article taking comments, as an editor would. */
    Article closeComments(Article article) {
        return this.transactions.execute((status) -> {
            Article managed = this.articles.findById(article.getId()).orElseThrow();
            managed.setCommentsOpen(false, this.clock.instant());
            this.changes.publish(Change.article(managed.getId()));
            return managed;
        });
    }

}
