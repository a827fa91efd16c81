package org.gazette.moderation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.gazette.comment.Comment;
import org.gazette.comment.CommentStatus;

/**
 * The editors' actions on a comment, as the desk names them in URLs
 * ({@code /moderation/comments/12/not-spam}) and in the audit log. Which statuses each
 * may start from is the comment's own rule ({@link Comment.Action}).
 */
enum DeskAction {

    APPROVE("approve", Comment.Action.APPROVE, AuditAction.APPROVE),
    UNAPPROVE("unapprove", Comment.Action.UNAPPROVE, AuditAction.UNAPPROVE),
    SPAM("spam", Comment.Action.SPAM, AuditAction.SPAM),
    NOT_SPAM("not-spam", Comment.Action.NOT_SPAM, AuditAction.NOT_SPAM),
    TRASH("trash", Comment.Action.TRASH, AuditAction.TRASH),
    RESTORE("restore", Comment.Action.RESTORE, AuditAction.RESTORE),
    DELETE("delete", Comment.Action.DELETE, AuditAction.DELETE);

    private final String key;

    private final Comment.Action rule;

    private final AuditAction audit;

    DeskAction(String key, Comment.Action rule, AuditAction audit) {
        this.key = key;
        this.rule = rule;
        this.audit = audit;
    }

    /** The name in URLs and forms: {@code not-spam}. */
    String key() {
        return this.key;
    }

    AuditAction audit() {
        return this.audit;
    }

    boolean allowedFrom(CommentStatus status) {
        return this.rule.allowedFrom(status);
    }

    boolean isDelete() {
        return this == DELETE;
    }

    /** Whether it publishes a comment or brings one back (the desk's primary buttons). */
    boolean isRestoring() {
        return this == APPROVE || this == NOT_SPAM || this == RESTORE;
    }

    /**
     * Moves the comment (every action but {@link #DELETE}, which the service carries
     * out itself).
     * @throws IllegalStateException the move is not allowed from the comment's status
     */
    void applyTo(Comment comment, Instant when) {
        switch (this) {
            case APPROVE -> comment.approve(when);
            case UNAPPROVE -> comment.unapprove(when);
            case SPAM -> comment.markSpam(when);
            case NOT_SPAM -> comment.markNotSpam(when);
            case TRASH -> comment.trash(when);
            case RESTORE -> comment.restore(when);
            case DELETE -> comment.checkDeletable();
        }
    }

    /** The actions an editor may take on a comment in the given status, in the desk's order. */
    static List<DeskAction> allowedActions(CommentStatus status) {
        return Arrays.stream(values()).filter((action) -> action.allowedFrom(status)).toList();
    }

    static Optional<DeskAction> fromKey(String key) {
        return Arrays.stream(values()).filter((action) -> action.key.equals(key)).findFirst();
    }

}
