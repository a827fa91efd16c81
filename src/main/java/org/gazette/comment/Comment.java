package org.gazette.comment;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.gazette.Change;
import org.gazette.ClientAddresses;
import org.gazette.article.Article;

/**
 * A reader's comment on an article, or a reply to another comment. Its status moves
 * only through the lifecycle methods, which refuse illegal moves. Whoever writes one
 * publishes its {@link #change()}.
 */
@Entity
public class Comment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    private Article article;

    @Column(name = "article_id", insertable = false, updatable = false)
    private Long articleId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Comment parent;

    @Column(name = "parent_id", insertable = false, updatable = false)
    private Long parentId;

    /** The top-level comment of this comment's thread; {@code null} for a top-level comment. */
    private Long threadId;

    private int depth;

    private String authorName;

    private String authorEmail;

    private String authorWebsite;

    private String body;

    private String bodyHash;

    @Enumerated(EnumType.STRING)
    private CommentStatus status;

    @Enumerated(EnumType.STRING)
    private CommentStatus trashedFrom;

    @Enumerated(EnumType.STRING)
    private StatusReason statusReason;

    private String statusDetail;

    private boolean staff;

    private String clientAddress;

    /** The network flood control counts the client by ({@link ClientAddresses#limitKey}). */
    private String clientNetwork;

    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    /** Whether the comment was approved as read from the database. */
    @Transient
    private boolean approvedWhenStored;

    protected Comment() {
    }

    Comment(Article article, Comment parent, Author author, String body, Verdict verdict, String clientAddress,
            Instant now) {
        this.article = article;
        this.articleId = article.getId();
        this.parent = parent;
        if (parent != null) {
            this.parentId = parent.getId();
            this.threadId = (parent.threadId != null) ? parent.threadId : parent.id;
            this.depth = parent.depth + 1;
        }
        else {
            this.depth = 1;
        }
        this.authorName = author.name();
        this.authorEmail = author.email();
        this.authorWebsite = author.website();
        this.body = body;
        this.bodyHash = BodyHash.of(body);
        this.status = verdict.status();
        this.statusReason = verdict.reason();
        this.statusDetail = verdict.detail();
        this.staff = verdict.reason() == StatusReason.STAFF;
        this.clientAddress = clientAddress;
        this.clientNetwork = (clientAddress != null) ? ClientAddresses.limitKey(clientAddress) : null;
        this.createdAt = now;
        this.updatedAt = now;
    }

    // lifecycle ------------------------------------------------------------

    /** Publishes a held comment. */
    public void approve(Instant when) {
        move(Action.APPROVE, CommentStatus.APPROVED, when);
    }

    /** Takes an approved comment back into the queue. */
    public void unapprove(Instant when) {
        move(Action.UNAPPROVE, CommentStatus.PENDING, when);
    }

    public void markSpam(Instant when) {
        move(Action.SPAM, CommentStatus.SPAM, when);
    }

    /** A comment wrongly marked spam goes back to the queue for a decision. */
    public void markNotSpam(Instant when) {
        move(Action.NOT_SPAM, CommentStatus.PENDING, when);
    }

    public void trash(Instant when) {
        CommentStatus from = this.status;
        move(Action.TRASH, CommentStatus.TRASH, when);
        this.trashedFrom = from;
    }

    /** Takes a comment out of the trash, back to the status it was trashed from. */
    public void restore(Instant when) {
        CommentStatus target = (this.trashedFrom != null) ? this.trashedFrom : CommentStatus.PENDING;
        move(Action.RESTORE, target, when);
        this.trashedFrom = null;
    }

    /** Refuses a permanent delete unless the comment is in Spam or Trash. */
    public void checkDeletable() {
        Action.DELETE.check(this.status);
    }

    /** Replaces the text (an editor's correction); the caller keeps the original in the audit log. */
    public void editBody(String newBody, Instant when) {
        this.body = newBody;
        this.bodyHash = BodyHash.of(newBody);
        this.updatedAt = when;
    }

    private void move(Action action, CommentStatus target, Instant when) {
        action.check(this.status);
        this.status = target;
        this.statusReason = StatusReason.EDITOR;
        this.statusDetail = null;
        this.updatedAt = when;
    }

    /** The editors' actions and the statuses each may start from. */
    public enum Action {

        APPROVE(CommentStatus.PENDING), UNAPPROVE(CommentStatus.APPROVED),
        SPAM(CommentStatus.PENDING, CommentStatus.APPROVED), NOT_SPAM(CommentStatus.SPAM),
        TRASH(CommentStatus.PENDING, CommentStatus.APPROVED, CommentStatus.SPAM), RESTORE(CommentStatus.TRASH),
        DELETE(CommentStatus.SPAM, CommentStatus.TRASH);

        private final Set<CommentStatus> from;

        Action(CommentStatus first, CommentStatus... rest) {
            this.from = EnumSet.of(first, rest);
        }

        public boolean allowedFrom(CommentStatus status) {
            return this.from.contains(status);
        }

        void check(CommentStatus status) {
            if (!allowedFrom(status)) {
                throw new IllegalStateException("Cannot " + name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + " a comment that is " + status.key());
            }
        }

    }

    // queries --------------------------------------------------------------

    /**
     * What writing this comment as it is now changes, for {@link org.gazette.SharedChanges}:
     * only approved comments are shown (a removed comment stands as the same placeholder
     * whatever its status), so a comment that was not approved when read and is not
     * approved now changes only the desk's queue; otherwise it changes the article's
     * public pages, and with them the place of its own thread if it is top-level, or of
     * any thread if it is a reply (which may show or hide its thread's first comment as
     * a placeholder).
     */
    public Change change() {
        if (!this.approvedWhenStored && !isApproved()) {
            return Change.queue(this.articleId);
        }
        return Change.comments(this.articleId, isTopLevel() ? this.createdAt : null);
    }

    @PostLoad
    void loaded() {
        this.approvedWhenStored = isApproved();
    }

    public boolean isApproved() {
        return this.status == CommentStatus.APPROVED;
    }

    public boolean isTopLevel() {
        return this.parentId == null;
    }

    public Long getId() {
        return this.id;
    }

    public Article getArticle() {
        return this.article;
    }

    public Long getArticleId() {
        return this.articleId;
    }

    public Long getParentId() {
        return this.parentId;
    }

    public Comment getParent() {
        return this.parent;
    }

    /** The id of the top-level comment this one belongs under (its own id when top-level). */
    public Long getRootId() {
        return (this.threadId != null) ? this.threadId : this.id;
    }

    public int getDepth() {
        return this.depth;
    }

    public String getAuthorName() {
        return this.authorName;
    }

    public String getAuthorEmail() {
        return this.authorEmail;
    }

    public String getAuthorWebsite() {
        return this.authorWebsite;
    }

    public String getBody() {
        return this.body;
    }

    public CommentStatus getStatus() {
        return this.status;
    }

    public CommentStatus getTrashedFrom() {
        return this.trashedFrom;
    }

    public StatusReason getStatusReason() {
        return this.statusReason;
    }

    public String getStatusDetail() {
        return this.statusDetail;
    }

    public boolean isStaff() {
        return this.staff;
    }

    public String getClientAddress() {
        return this.clientAddress;
    }

    /** Forgets the client address and its network (the retention job). */
    public void clearClientAddress() {
        this.clientAddress = null;
        this.clientNetwork = null;
    }

    public Instant getCreatedAt() {
        return this.createdAt;
    }

    public Instant getUpdatedAt() {
        return this.updatedAt;
    }

    public long getVersion() {
        return this.version;
    }

}
