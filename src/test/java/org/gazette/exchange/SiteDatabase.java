package org.gazette.exchange;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * A fresh H2 file database for the command line's tests: migrated as the application
 * would, filled with plain SQL, and read back the same way.
 */
final class SiteDatabase {

    private final String url;

    private final JdbcTemplate jdbc;

    SiteDatabase(Path directory) {
        this.url = "jdbc:h2:file:" + directory.resolve("gazette").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        DriverManagerDataSource dataSource = new DriverManagerDataSource(this.url, "sa", "");
        this.jdbc = new JdbcTemplate(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /** The argument that points a command at this database. */
    String urlArgument() {
        return "--spring.datasource.url=" + this.url;
    }

    JdbcTemplate jdbc() {
        return this.jdbc;
    }

    long article(String slug, String headline, String byline, String standfirst, boolean published,
            boolean commentsOpen, Instant publishedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        this.jdbc.update((connection) -> {
            var insert = connection.prepareStatement("""
                    insert into article (slug, headline, summary, byline, standfirst, status, published_at,
                                         first_published_at, comments_open, created_at, updated_at)
                    values (?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] { "id" });
            insert.setString(1, slug);
            insert.setString(2, headline);
            insert.setString(3, byline);
            insert.setString(4, standfirst);
            insert.setString(5, published ? "PUBLISHED" : "DRAFT");
            insert.setTimestamp(6, Timestamp.from(publishedAt));
            insert.setTimestamp(7, published ? Timestamp.from(publishedAt) : null);
            insert.setBoolean(8, commentsOpen);
            insert.setTimestamp(9, Timestamp.from(publishedAt));
            insert.setTimestamp(10, Timestamp.from(publishedAt));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    void paragraph(long article, int order, String text) {
        this.jdbc.update("insert into article_block (article_id, block_order, kind, body_text) values (?, ?, ?, ?)",
                article, order, "PARAGRAPH", text);
    }

    void subheading(long article, int order, String text) {
        this.jdbc.update("insert into article_block (article_id, block_order, kind, body_text) values (?, ?, ?, ?)",
                article, order, "SUBHEADING", text);
    }

    void photo(long article, int order, String caption, String credit, String imageUrl, String altText) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        this.jdbc.update((connection) -> {
            var insert = connection.prepareStatement(
                    "insert into photo_caption (caption, credit, image_url, alt_text) values (?, ?, ?, ?)",
                    new String[] { "id" });
            insert.setString(1, caption);
            insert.setString(2, credit);
            insert.setString(3, imageUrl);
            insert.setString(4, altText);
            return insert;
        }, key);
        this.jdbc.update("insert into article_block (article_id, block_order, kind, photo_id) values (?, ?, ?, ?)",
                article, order, "PHOTO", key.getKey().longValue());
    }

    /** A comment; a reply takes its thread and depth from its parent. */
    long comment(long article, Long parent, String name, String email, String website, String address,
            String status, boolean staff, String body, Instant at) {
        Long thread = null;
        int depth = 1;
        if (parent != null) {
            Map<String, Object> row = this.jdbc.queryForMap("select id, thread_id, depth from comment where id = ?",
                    parent);
            thread = (row.get("thread_id") != null) ? ((Number) row.get("thread_id")).longValue() : parent;
            depth = ((Number) row.get("depth")).intValue() + 1;
        }
        Long threadId = thread;
        int level = depth;
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        this.jdbc.update((connection) -> {
            var insert = connection.prepareStatement("""
                    insert into comment (article_id, parent_id, thread_id, depth, author_name, author_email,
                                         author_website, body, body_hash, status, staff, client_address,
                                         created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, 'hash', ?, ?, ?, ?, ?)""", new String[] { "id" });
            insert.setLong(1, article);
            insert.setObject(2, parent);
            insert.setObject(3, threadId);
            insert.setInt(4, level);
            insert.setString(5, name);
            insert.setString(6, email);
            insert.setString(7, website);
            insert.setString(8, body);
            insert.setString(9, status);
            insert.setBoolean(10, staff);
            insert.setString(11, address);
            insert.setTimestamp(12, Timestamp.from(at));
            insert.setTimestamp(13, Timestamp.from(at));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    List<Map<String, Object>> comments() {
        return this.jdbc.queryForList("""
                select c.*, a.slug from comment c join article a on a.id = c.article_id order by c.id""");
    }

    List<Map<String, Object>> articles() {
        return this.jdbc.queryForList("select * from article order by id");
    }

}
