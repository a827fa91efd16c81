package org.gazette.moderation;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.List;

import org.gazette.Change;
import org.gazette.comment.CommentService;
import org.gazette.comment.CommentStatus;
import org.gazette.comment.ReplyForm;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Comments for the desk's tests, posted through the readers' real path (so they are
 * held, approved or marked spam by the real rules), and a clean slate before each test.
 */
final class DeskFixtures {

    static final String SLUG = "as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    static final String ARTICLE = "/articles/" + SLUG;

    static final String CLIENT = "203.0.113.7";

    private final CommentService comments;

    private final ModerationService moderation;

    private final JdbcTemplate jdbc;

    private final ApplicationEventPublisher events;

    DeskFixtures(CommentService comments, ModerationService moderation, JdbcTemplate jdbc,
            ApplicationEventPublisher events) {
        this.comments = comments;
        this.moderation = moderation;
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Removes every comment and log line (the log is append-only for the application, not
     * for a test's set-up: on PostgreSQL its triggers are skipped for the clean-up), and
     * tells the desk so: the clean-up bypassed the application, so the tab counts and
     * histories it keeps, and the pages, must be read again.
     */
    void clean() {
        this.jdbc.update("update comment set parent_id = null");
        this.jdbc.update("delete from comment");
        this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
            boolean postgresql = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            try (Statement statement = connection.createStatement()) {
                if (postgresql) {
                    statement.execute("set session_replication_role = replica");
                }
                try {
                    statement.execute("delete from moderation_event");
                }
                finally {
                    if (postgresql) {
                        statement.execute("set session_replication_role = default");
                    }
                }
            }
            return null;
        });
        this.events.publishEvent(Change.everything());
    }

    /** A first-time commenter's comment: held (first-time moderation). */
    long held(String name, String email, String text) {
        return post(SLUG, name, email, null, text, null, false);
    }

    /** A held comment with a website, on the given article. */
    long held(String slug, String name, String email, String website, String text) {
        return post(slug, name, email, website, text, null, false);
    }

    /** A comment approved by an editor. */
    long approved(String name, String email, String text) {
        long id = held(name, email, text);
        act(DeskAction.APPROVE, id);
        return id;
    }

    /** A reply to an approved comment, held. */
    long heldReply(long parentId, String name, String email, String text) {
        return post(SLUG, name, email, null, text, parentId, false);
    }

    /** A comment that filled the honeypot: stored as spam. */
    long spam(String name, String email, String text) {
        return post(SLUG, name, email, null, text, null, true);
    }

    /** A comment moved to Trash from the status it is in. */
    long trashed(String name, String email, String text) {
        long id = held(name, email, text);
        act(DeskAction.TRASH, id);
        return id;
    }

    void act(DeskAction action, long id) {
        ActionReport report = this.moderation.apply("setup", action, List.of(ref(id)));
        if (report.done() != 1) {
            throw new IllegalStateException("Set-up action " + action + " on " + id + " failed: " + report);
        }
    }

    /** The comment as an editor's page would show it now. */
    CommentRef ref(long id) {
        return new CommentRef(id, version(id));
    }

    long version(long id) {
        return this.jdbc.queryForObject("select version from comment where id = ?", Long.class, id);
    }

    CommentStatus status(long id) {
        List<String> status = this.jdbc.queryForList("select status from comment where id = ?", String.class, id);
        return status.isEmpty() ? null : CommentStatus.valueOf(status.get(0));
    }

    boolean exists(long id) {
        return status(id) != null;
    }

    String body(long id) {
        return this.jdbc.queryForObject("select body from comment where id = ?", String.class, id);
    }

    /** Log lines as "editor ACTION commentId FROM->TO". */
    List<String> log() {
        return this.jdbc.query(
                "select editor, action, comment_id, from_status, to_status from moderation_event order by id",
                (rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " "
                        + rs.getString(4) + "->" + rs.getString(5));
    }

    /** The body of a MockMvc answer, as the browser would decode it. */
    static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        catch (UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private long post(String slug, String name, String email, String website, String text, Long parentId,
            boolean honeypot) {
        ReplyForm form = new ReplyForm();
        form.setAuthor(name);
        form.setEmail(email);
        form.setUrl(website);
        form.setComment(text);
        form.setReplyTo(parentId);
        if (honeypot) {
            form.setSubject("cheap watches");
        }
        return this.comments.submit(slug, form, CLIENT).id();
    }

}
