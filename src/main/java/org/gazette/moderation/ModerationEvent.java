package org.gazette.moderation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One line of the audit log: who did what, when, to which comment, from which state
 * to which, or from which address they signed in. Append-only: the entity is immutable
 * and nothing deletes it (on PostgreSQL a trigger refuses it too).
 */
@Entity
@Immutable
@Table(name = "moderation_event")
public class ModerationEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant occurredAt;

    private String editor;

    private String action;

    private Long commentId;

    private Long articleId;

    private String fromStatus;

    private String toStatus;

    private String detail;

    private String clientAddress;

    protected ModerationEvent() {
    }

    ModerationEvent(Instant occurredAt, String editor, AuditAction action, Long commentId, Long articleId,
            String fromStatus, String toStatus, String detail) {
        this.occurredAt = occurredAt;
        this.editor = editor;
        this.action = action.name();
        this.commentId = commentId;
        this.articleId = articleId;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.detail = detail;
    }

    ModerationEvent(Instant occurredAt, String editor, AuditAction action, String clientAddress, String detail) {
        this(occurredAt, editor, action, null, null, null, null, detail);
        this.clientAddress = clientAddress;
    }

    public Long getId() {
        return this.id;
    }

    public Instant getOccurredAt() {
        return this.occurredAt;
    }

    public String getEditor() {
        return this.editor;
    }

    public String getAction() {
        return this.action;
    }

    public Long getCommentId() {
        return this.commentId;
    }

    public Long getArticleId() {
        return this.articleId;
    }

    public String getFromStatus() {
        return this.fromStatus;
    }

    public String getToStatus() {
        return this.toStatus;
    }

    public String getDetail() {
        return this.detail;
    }

    /** Where a sign-in, failed sign-in, sign-out or password change came from; {@code null} for other lines. */
    public String getClientAddress() {
        return this.clientAddress;
    }

}
