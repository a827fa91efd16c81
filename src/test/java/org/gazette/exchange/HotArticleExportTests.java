package org.gazette.exchange;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;

import org.gazette.comment.CommentStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The benchmark's hot article, written by {@link HotArticleExport} and imported as an
 * operator imports an export: what readers see on its page (every comment on one page
 * here) and what the desk's queue holds, after a first file and after a second one that
 * adds pending comments to the same article. Comment ids are the site's, as in WordPress,
 * so each test's articles take ids of their own.
 */
@SpringBootTest(properties = "gazette.comments.page-size=1000")
@AutoConfigureMockMvc
class HotArticleExportTests {

    @Autowired
    Imports imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvcTester mvc;

    @TempDir
    Path directory;

    @Test
    void readersSeeTheApprovedDiscussionThreadedAtMostThreeDeepAndTheQueueHoldsThePendingComments()
            throws IOException {
        Instant before = Instant.now();
        ImportReport report = this.imports.run(export("first.xml", 21, 300, 40, 5, 10_000, null), ImportOptions.defaults(),
                ImportProgress.NONE);

        assertThat(report.articlesCreated()).isEqualTo(1);
        assertThat(report.commentsCreated()).containsOnly(entry(CommentStatus.APPROVED, 300L),
                entry(CommentStatus.PENDING, 40L));
        long article = articleId(21);
        Document page = articlePage(article);
        assertThat(page.select("h1").text()).isEqualTo(HotArticleExport.HEADLINE);
        assertThat(page.selectFirst("#comments-title").text()).isEqualTo("300 comments");
        assertThat(page.select("li.comment")).hasSize(300);
        assertThat(page.select("li.comment-awaiting")).isEmpty();
        assertThat(page.select("ol.children > li.comment")).hasSizeBetween(60, 120);
        assertThat(page.select("ol.children ol.children > li.comment")).isNotEmpty();
        assertThat(page.select("ol.children ol.children ol.children")).isEmpty();
        assertThat(page.select("#respond form#commentform")).as("comments open").hasSize(1);
        assertThat(queueCount(article)).isEqualTo("Showing 1–20 of 40");
        assertThat(pendingRepliesAnswering(article, "APPROVED")).isBetween(4L, 25L);
        assertThat(pendingRepliesAnswering(article, "PENDING")).isZero();
        assertThat(this.jdbc.queryForList("select distinct client_address from comment where article_id = ?",
                String.class, article)).containsExactly(HotArticleExport.CLIENT_ADDRESS);
        Instant oldest = this.jdbc.queryForObject("select min(created_at) from comment where article_id = ?",
                Timestamp.class, article).toInstant();
        Instant newest = this.jdbc.queryForObject("select max(created_at) from comment where article_id = ?",
                Timestamp.class, article).toInstant();
        assertThat(oldest).isAfter(before.minus(HotArticleExport.WINDOW).minusSeconds(1));
        assertThat(newest).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void aSecondFileAddsPendingCommentsToTheSameArticleAnsweringItsApprovedComments() throws IOException {
        Path first = export("first.xml", 22, 100, 0, 1, 20_000, null);
        this.imports.run(first, ImportOptions.defaults(), ImportProgress.NONE);
        long article = articleId(22);
        Instant firstNewest = this.jdbc.queryForObject("select max(created_at) from comment where article_id = ?",
                Timestamp.class, article).toInstant();

        ImportReport second = this.imports.run(export("second.xml", 22, 0, 150, 2, 20_100, first),
                ImportOptions.defaults(), ImportProgress.NONE);

        assertThat(second.articlesCreated()).isZero();
        assertThat(second.articlesPresent()).isEqualTo(1);
        assertThat(second.commentsCreated()).containsOnly(entry(CommentStatus.PENDING, 150L));
        assertThat(second.commentsPresent()).isEmpty();
        Document page = articlePage(article);
        assertThat(page.selectFirst("#comments-title").text()).isEqualTo("100 comments");
        assertThat(page.select("li.comment")).hasSize(100);
        assertThat(queueCount(article)).isEqualTo("Showing 1–20 of 150");
        assertThat(pendingRepliesAnswering(article, "APPROVED")).isBetween(25L, 70L);
        assertThat(this.jdbc.queryForObject("select max(depth) from comment where article_id = ?", Integer.class,
                article)).isLessThanOrEqualTo(3);
        assertThat(this.jdbc.queryForObject(
                "select min(created_at) from comment where article_id = ? and status = 'PENDING'", Timestamp.class,
                article).toInstant()).isAfterOrEqualTo(firstNewest);
    }

    @Test
    void theSameSeedWritesTheSameFile() throws IOException {
        Instant now = Instant.parse("2026-12-05T08:00:00Z");

        assertThat(written(200, 20, 9, now)).isEqualTo(written(200, 20, 9, now)).isNotEqualTo(written(200, 20, 10, now));
    }

    @Test
    void refusesCommentIdsThatTheEarlierFileUses() throws IOException {
        Path first = export("first.xml", 23, 50, 0, 1, 0, null);
        HotArticleExport.Earlier earlier = HotArticleExport.Earlier.read(first);

        assertThatIllegalArgumentException()
            .isThrownBy(() -> HotArticleExport.write(Writer.nullWriter(), 23, 0, 10, 2, 49, earlier, Instant.now()))
            .withMessageContaining("at least 50");
    }

    private Path export(String name, long postId, int approved, int pending, long seed, long idOffset, Path earlier)
            throws IOException {
        Path file = this.directory.resolve(name);
        HotArticleExport.Earlier before = (earlier != null) ? HotArticleExport.Earlier.read(earlier) : null;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            HotArticleExport.write(out, postId, approved, pending, seed, idOffset, before, Instant.now());
        }
        return file;
    }

    private static String written(int approved, int pending, long seed, Instant now) throws IOException {
        StringWriter out = new StringWriter();
        HotArticleExport.write(out, 1, approved, pending, seed, 0, null, now);
        return out.toString();
    }

    private long articleId(long postId) {
        return this.jdbc.queryForObject("select id from article where source_key = ?", Long.class,
                "wxr:newsroom.example:" + postId);
    }

    private Document articlePage(long article) {
        String slug = this.jdbc.queryForObject("select slug from article where id = ?", String.class, article);
        MvcTestResult result = this.mvc.get().uri("/articles/{slug}", slug).exchange();
        assertThat(result).hasStatusOk();
        return Jsoup.parse(body(result));
    }

    /** The pending tab's "Showing ... of N" for the article, as an editor sees it. */
    private String queueCount(long article) {
        MvcTestResult result = this.mvc.get()
            .uri("/moderation?status=pending&article={id}", article)
            .with(user("editor").roles("EDITOR"))
            .exchange();
        assertThat(result).hasStatusOk();
        return Jsoup.parse(body(result)).selectFirst(".queue-count").text();
    }

    private long pendingRepliesAnswering(long article, String parentStatus) {
        return this.jdbc.queryForObject("""
                select count(*) from comment c join comment p on p.id = c.parent_id
                 where c.article_id = ? and c.status = 'PENDING' and p.status = ?""", Long.class, article,
                parentStatus);
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
