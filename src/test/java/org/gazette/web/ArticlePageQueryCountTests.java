package org.gazette.web;

import java.time.Instant;

import jakarta.persistence.EntityManagerFactory;
import org.gazette.article.Article;
import org.gazette.comment.Comment;
import org.gazette.comment.CommentFixtures;
import org.gazette.comment.CommentSettingsService;
import org.gazette.comment.StaffDirectory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article page costs the same number of SQL statements whatever the number of
 * comments, and loads only the comments of the page it shows. Counted with Hibernate's
 * statistics on a page rendered afresh (the first view after the comments were stored,
 * which the page cache cannot have), once a HEAD has made the article's page version
 * (one look-up of the slug per article, not per view).
 */
@ReaderSideTest
class ArticlePageQueryCountTests {

    private static final Logger logger = LoggerFactory.getLogger(ArticlePageQueryCountTests.class);

    /** 3 threads a page (see {@link ReaderSideTest}), 5 comments a thread. */
    private static final int COMMENTS_PER_PAGE = 3 * 5;

    private static final Instant START = Instant.parse("2022-01-12T20:00:00Z");

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private TestArticles articles;

    @Autowired
    private CommentFixtures fixtures;

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    @Autowired
    private CommentSettingsService settings;

    @Autowired
    private StaffDirectory staff;

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
    void pageCostsTheSameStatementsForTenCommentsAsForAThousand() throws Exception {
        Article small = this.articles.create("Ten comments");
        this.fixtures.threadsOfFive(small, 2, START);
        Article large = this.articles.create("A thousand comments");
        this.fixtures.threadsOfFive(large, 200, START);
        assertThat(this.fixtures.storedOn(small)).hasSize(10);
        assertThat(this.fixtures.storedOn(large)).hasSize(1_000);

        Cost ten = view("/articles/" + small.getSlug());
        Cost thousand = view("/articles/" + large.getSlug());
        Cost middle = view("/articles/" + large.getSlug() + "?page=34");
        Cost last = view("/articles/" + large.getSlug() + "?page=67");

        logger.info("Article page SQL statements: {} with 10 comments, {} with 1,000 (page 1), {} (page 34), "
                + "{} (page 67)", ten.statements(), thousand.statements(), middle.statements(), last.statements());
        assertThat(ten.statements()).isPositive();
        assertThat(thousand.statements()).isEqualTo(ten.statements());
        assertThat(middle.statements()).isEqualTo(ten.statements());
        assertThat(last.statements()).isEqualTo(ten.statements());
        assertThat(ten.shown()).isEqualTo(10);
        assertThat(thousand.shown()).isEqualTo(COMMENTS_PER_PAGE);
        assertThat(middle.shown()).isEqualTo(COMMENTS_PER_PAGE);
        assertThat(last.shown()).isEqualTo(2 * 5);
    }

    @Test
    void pageOfALargeThreadLoadsOnlyTheCommentsItShows() throws Exception {
        Article large = this.articles.create("Busy discussion");
        this.fixtures.threadsOfFive(large, 200, START);

        Cost first = view("/articles/" + large.getSlug());
        Cost second = view("/articles/" + large.getSlug() + "?page=2");

        assertThat(first.commentsLoaded()).isEqualTo(COMMENTS_PER_PAGE);
        assertThat(second.commentsLoaded()).isEqualTo(COMMENTS_PER_PAGE);
        assertThat(first.rowsLoaded()).isLessThan(COMMENTS_PER_PAGE + 20);
        assertThat(first.heading()).isEqualTo("1,000 comments");
    }

    @Test
    void revalidatingAnArticlePageCostsNoStatement() throws Exception {
        Article article = this.articles.create("Read again and again");
        this.fixtures.threadsOfFive(article, 2, START);
        String url = "/articles/" + article.getSlug();
        String etag = this.mvc.get().uri(url).exchange().getResponse().getHeader("ETag");

        this.statistics.clear();
        MvcTestResult again = this.mvc.get().uri(url).header("If-None-Match", etag).exchange();

        assertThat(again).hasStatus(304);
        assertThat(this.statistics.getPrepareStatementCount()).isZero();
    }

    @Test
    void postingCostsTheSameStatementsWhateverTheNumberOfComments() throws Exception {
        Article small = this.articles.create("Few comments to reply to");
        Comment smallRoot = this.fixtures.threadsOfFive(small, 2, START).get(1);
        Article large = this.articles.create("Many comments to reply to");
        Comment largeRoot = this.fixtures.threadsOfFive(large, 200, START).get(199);

        long toSmall = post(small, smallRoot);
        long toLarge = post(large, largeRoot);

        logger.info("Comment post SQL statements: {} with 10 comments, {} with 1,000", toSmall, toLarge);
        assertThat(toLarge).isEqualTo(toSmall);
    }

    private Cost view(String url) throws Exception {
        assertThat(this.mvc.head().uri(url).exchange()).hasStatusOk();
        this.statistics.clear();
        MvcTestResult result = this.mvc.get().uri(url).exchange();
        assertThat(result).hasStatusOk();
        long statements = this.statistics.getPrepareStatementCount();
        long comments = this.statistics.getEntityStatistics(Comment.class.getName()).getLoadCount();
        long rows = this.statistics.getEntityLoadCount();
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        return new Cost(statements, comments, rows, page.select("#comments li.comment").size(),
                page.selectFirst("#comments h2").text());
    }

    private long post(Article article, Comment parent) throws Exception {
        CommentForm form = CommentForm.by("Ann Lee").replyingTo(parent.getId());
        // what every post reads once and keeps until something changes
        this.settings.rules();
        this.staff.isStaffName("Ann Lee");
        this.statistics.clear();
        MvcTestResult result = form.postTo(this.mvc, article).exchange();
        assertThat(result.getResponse().getStatus()).isEqualTo(303);
        return this.statistics.getPrepareStatementCount();
    }

    private record Cost(long statements, long commentsLoaded, long rowsLoaded, int shown, String heading) {

    }

}
