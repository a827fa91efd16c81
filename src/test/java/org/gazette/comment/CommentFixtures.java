package org.gazette.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.EntityManager;
import org.gazette.SharedChanges;
import org.gazette.article.Article;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores comments straight into the database, as real rows in a given status, for tests
 * that need a thread in place without posting every comment through the form, and
 * publishes each write as the application's own writers do. The author's email is made
 * from the name ({@code Ann Lee} writes as {@code ann.lee@mail.example}).
 */
public final class CommentFixtures {

    public static final String EMAIL_DOMAIN = "@mail.example";

    private final CommentRepository comments;

    private final TransactionTemplate transactions;

    private final EntityManager entityManager;

    private final SharedChanges changes;

    public CommentFixtures(CommentRepository comments, TransactionTemplate transactions, EntityManager entityManager,
            SharedChanges changes) {
        this.comments = comments;
        this.transactions = transactions;
        this.entityManager = entityManager;
        this.changes = changes;
    }

    /** Every comment stored on the article, in any status, in the order they were stored. */
    public List<Comment> storedOn(Article article) {
        return this.entityManager
            .createQuery("select c from Comment c where c.articleId = :article order by c.id", Comment.class)
            .setParameter("article", article.getId())
            .getResultList();
    }

    /** How many comments are stored, on any article, in any status. */
    public long total() {
        return this.comments.count();
    }

    public static String emailOf(String name) {
        return name.toLowerCase(Locale.ROOT).replace(' ', '.') + EMAIL_DOMAIN;
    }

    public Comment approved(Article article, Comment parent, String name, String text, Instant at) {
        return store(article, parent, name, text, Verdict.approved(StatusReason.MODERATION_OFF), at);
    }

    public Comment held(Article article, Comment parent, String name, String text, Instant at) {
        return store(article, parent, name, text, Verdict.held(StatusReason.FIRST_TIME, null), at);
    }

    public Comment spam(Article article, Comment parent, String name, String text, Instant at) {
        return store(article, parent, name, text, Verdict.spam(StatusReason.HONEYPOT, null), at);
    }

    /** Moves an approved or held comment to the trash, as an editor would. */
    public Comment trash(Comment comment, Instant at) {
        return this.transactions.execute((status) -> {
            Comment managed = this.comments.findById(comment.getId()).orElseThrow();
            managed.trash(at);
            this.changes.publish(managed.change());
            return managed;
        });
    }

    /** Marks a held or approved comment as spam, as an editor would. */
    public Comment markSpam(Comment comment, Instant at) {
        return this.transactions.execute((status) -> {
            Comment managed = this.comments.findById(comment.getId()).orElseThrow();
            managed.markSpam(at);
            this.changes.publish(managed.change());
            return managed;
        });
    }

    /** Approves a held comment, as an editor would. */
    public Comment approve(Comment comment, Instant at) {
        return this.transactions.execute((status) -> {
            Comment managed = this.comments.findById(comment.getId()).orElseThrow();
            managed.approve(at);
            this.changes.publish(managed.change());
            return managed;
        });
    }

    /**
     * Stores {@code count} approved threads of five comments each, one second apart from
     * {@code start}: a top-level comment, two replies to it and a reply to each reply.
     * @return the top-level comments, oldest first
     */
    public List<Comment> threadsOfFive(Article article, int count, Instant start) {
        return this.transactions.execute((status) -> {
            List<Comment> roots = new ArrayList<>();
            Instant at = start;
            for (int i = 1; i <= count; i++) {
                Comment root = save(article, null, "Reader " + i, "Thread " + i + " opens.", at);
                Comment first = save(article, root, "First " + i, "First reply in thread " + i + ".", at);
                Comment second = save(article, root, "Second " + i, "Second reply in thread " + i + ".", at);
                save(article, first, "Third " + i, "Reply to the first reply in " + i + ".", at);
                save(article, second, "Fourth " + i, "Reply to the second reply in " + i + ".", at);
                roots.add(root);
                at = at.plusSeconds(1);
            }
            return roots;
        });
    }

    private Comment save(Article article, Comment parent, String name, String text, Instant at) {
        Comment saved = this.comments.save(new Comment(article, parent, new Author(name, emailOf(name), null), text,
                Verdict.approved(StatusReason.MODERATION_OFF), "192.0.2.1", at));
        this.changes.publish(saved.change());
        return saved;
    }

    private Comment store(Article article, Comment parent, String name, String text, Verdict verdict, Instant at) {
        return this.transactions.execute((status) -> {
            Comment saved = this.comments.saveAndFlush(new Comment(article, parent,
                    new Author(name, emailOf(name), null), text, verdict, "192.0.2.1", at));
            this.changes.publish(saved.change());
            return saved;
        });
    }

}
