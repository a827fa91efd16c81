package org.gazette.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads what an export writes, a page at a time with keyset queries (by id), so that an
 * export holds one page of articles and one page of comments in memory, whatever the
 * size of the site.
 */
@Component
class ExportRows {

    static final int ARTICLE_PAGE = 100;

    static final int COMMENT_PAGE = 1_000;

    private static final String ARTICLE_COLUMNS = """
            select id, slug, headline, byline, standfirst, status, published_at, first_published_at, updated_at,
                   comments_open
              from article""";

    private static final String COMMENT_COLUMNS = """
            select c.id, c.article_id, a.slug, c.parent_id, c.thread_id, c.depth, c.author_name, c.author_email,
                   c.author_website, c.client_address, c.created_at, c.status, c.staff, c.body
              from comment c join article a on a.id = c.article_id""";

    private final NamedParameterJdbcTemplate jdbc;

    ExportRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The article with this slug, with its body. */
    Optional<ExportedArticle> article(String slug) {
        List<ExportedArticle> found = this.jdbc.query(ARTICLE_COLUMNS + " where slug = :slug",
                new MapSqlParameterSource("slug", slug), ExportRows::article);
        return found.stream().findFirst().map((article) -> withBodies(List.of(article)).get(0));
    }

    /** Every article in id order, with its body, a page at a time. */
    void eachArticle(Consumer<ExportedArticle> action) {
        long after = 0;
        while (true) {
            List<ExportedArticle> page = this.jdbc.query(
                    ARTICLE_COLUMNS + " where id > :after order by id fetch first " + ARTICLE_PAGE + " rows only",
                    new MapSqlParameterSource("after", after), ExportRows::article);
            if (page.isEmpty()) {
                return;
            }
            withBodies(page).forEach(action);
            after = page.get(page.size() - 1).id();
        }
    }

    /** The distinct bylines, for the export's authors. */
    List<String> bylines(Optional<String> slug) {
        String where = slug.isPresent() ? " and slug = :slug" : "";
        return this.jdbc.queryForList(
                "select distinct byline from article where byline is not null and byline <> ''" + where
                        + " order by byline",
                new MapSqlParameterSource("slug", slug.orElse(null)), String.class);
    }

    /** The comments of one article in id order (a parent before its replies), a page at a time. */
    void eachCommentOf(long articleId, Consumer<ExportedComment> action) {
        page(" where c.article_id = :article and c.id > :after order by c.id", articleId, action);
    }

    /** Every comment of the site in id order, a page at a time. */
    void eachComment(Consumer<ExportedComment> action) {
        page(" where c.id > :after order by c.id", 0, action);
    }

    private void page(String condition, long articleId, Consumer<ExportedComment> action) {
        long after = 0;
        while (true) {
            MapSqlParameterSource parameters = new MapSqlParameterSource("after", after).addValue("article",
                    articleId);
            List<ExportedComment> page = this.jdbc.query(
                    COMMENT_COLUMNS + condition + " fetch first " + COMMENT_PAGE + " rows only", parameters,
                    ExportRows::comment);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(action);
            after = page.get(page.size() - 1).id();
        }
    }

    private List<ExportedArticle> withBodies(List<ExportedArticle> articles) {
        Map<Long, List<ExportedBlock>> bodies = new LinkedHashMap<>();
        articles.forEach((article) -> bodies.put(article.id(), new ArrayList<>()));
        this.jdbc.query("""
                select b.article_id, b.kind, b.body_text, p.caption, p.credit, p.image_url, p.alt_text
                  from article_block b left join photo_caption p on p.id = b.photo_id
                 where b.article_id in (:ids)
                 order by b.article_id, b.block_order""", new MapSqlParameterSource("ids", bodies.keySet()),
                (ResultSet row) -> {
                    bodies.get(row.getLong("article_id"))
                        .add(new ExportedBlock(row.getString("kind"), row.getString("body_text"),
                                row.getString("caption"), row.getString("credit"), row.getString("image_url"),
                                row.getString("alt_text")));
                });
        return articles.stream()
            .map((article) -> article.withBody(Collections.unmodifiableList(bodies.get(article.id()))))
            .toList();
    }

    private static ExportedArticle article(ResultSet row, int number) throws SQLException {
        return new ExportedArticle(row.getLong("id"), row.getString("slug"), row.getString("headline"),
                row.getString("byline"), row.getString("standfirst"), "PUBLISHED".equals(row.getString("status")),
                instant(row, "published_at"), instant(row, "first_published_at"), instant(row, "updated_at"),
                row.getBoolean("comments_open"), List.of());
    }

    private static ExportedComment comment(ResultSet row, int number) throws SQLException {
        long id = row.getLong("id");
        long parent = row.getLong("parent_id");
        long thread = row.getLong("thread_id");
        return new ExportedComment(id, row.getLong("article_id"), row.getString("slug"),
                (parent != 0) ? parent : null, (thread != 0) ? thread : id, row.getInt("depth"),
                row.getString("author_name"), row.getString("author_email"), row.getString("author_website"),
                row.getString("client_address"), instant(row, "created_at"), row.getString("status"),
                row.getBoolean("staff"), row.getString("body"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return (value != null) ? value.toInstant() : null;
    }

    /** An article as exported: its fields and its body's blocks in order. */
    record ExportedArticle(long id, String slug, String headline, String byline, String standfirst,
            boolean published, Instant publishedAt, Instant firstPublishedAt, Instant updatedAt,
            boolean commentsOpen, List<ExportedBlock> body) {

        ExportedArticle withBody(List<ExportedBlock> blocks) {
            return new ExportedArticle(this.id, this.slug, this.headline, this.byline, this.standfirst,
                    this.published, this.publishedAt, this.firstPublishedAt, this.updatedAt, this.commentsOpen,
                    blocks);
        }

    }

    /** One block of a body: {@code PARAGRAPH} and {@code SUBHEADING} have text, {@code PHOTO} the rest. */
    record ExportedBlock(String kind, String text, String caption, String credit, String imageUrl,
            String altText) {

    }

    /**
     * A comment as exported.
     *
     * @param threadId the id of the top-level comment of its thread (its own id when top-level)
     */
    record ExportedComment(long id, long articleId, String articleSlug, Long parentId, long threadId, int depth,
            String authorName, String authorEmail, String authorWebsite, String clientAddress, Instant createdAt,
            String status, boolean staff, String body) {

    }

}
