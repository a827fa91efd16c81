package org.gazette.moderation;

import java.time.Instant;
import java.util.List;

import org.gazette.comment.Comment;
import org.gazette.comment.CommentStatus;
import org.gazette.comment.StatusReason;

/**
 * One comment as the queue shows it to an editor: the text as readers see it, who
 * wrote it (email and client address included), where it stands and why, the author's
 * history and the actions it allows.
 */
public final class QueueRow {

    private static final int EXCERPT = 140;

    private final Comment comment;

    private final String html;

    private final AuthorHistory history;

    private final ModerationEvent lastChange;

    private final List<RowAction> actions;

    private final boolean replyable;

    QueueRow(Comment comment, String html, AuthorHistory history, ModerationEvent lastChange,
            List<RowAction> actions, boolean replyable) {
        this.comment = comment;
        this.html = html;
        this.history = history;
        this.lastChange = lastChange;
        this.actions = actions;
        this.replyable = replyable;
    }

    public long getId() {
        return this.comment.getId();
    }

    public long getVersion() {
        return this.comment.getVersion();
    }

    /** The bulk checkbox's value: id and the version shown, {@code 12:3}. */
    public String getToken() {
        return new CommentRef(this.comment.getId(), this.comment.getVersion()).token();
    }

    /** The element id, {@code c12}. */
    public String getAnchor() {
        return "c" + this.comment.getId();
    }

    public String getAuthorName() {
        return this.comment.getAuthorName();
    }

    public String getAuthorEmail() {
        return this.comment.getAuthorEmail();
    }

    public String getAuthorWebsite() {
        return this.comment.getAuthorWebsite();
    }

    public String getClientAddress() {
        return this.comment.getClientAddress();
    }

    public Instant getPostedAt() {
        return this.comment.getCreatedAt();
    }

    public boolean isEdited() {
        return this.lastChange != null && AuditAction.EDIT.name().equals(this.lastChange.getAction());
    }

    /** The text as readers see it: escaped, with only the allowed markup live. */
    public String getHtml() {
        return this.html;
    }

    public boolean isStaff() {
        return this.comment.isStaff();
    }

    public String getStatusKey() {
        return this.comment.getStatus().key();
    }

    public String getStatusLabelKey() {
        return "desk.status." + this.comment.getStatus().key();
    }

    public Long getArticleId() {
        return this.comment.getArticleId();
    }

    public String getArticleSlug() {
        return this.comment.getArticle().getSlug();
    }

    public String getArticleHeadline() {
        return this.comment.getArticle().getHeadline();
    }

    public boolean isReply() {
        return this.comment.getParentId() != null;
    }

    public Long getParentId() {
        return this.comment.getParentId();
    }

    public String getParentAuthor() {
        return isReply() ? this.comment.getParent().getAuthorName() : null;
    }

    /** The start of the text replied to, on one line. */
    public String getParentExcerpt() {
        return isReply() ? excerpt(this.comment.getParent().getBody()) : null;
    }

    /** The message key of why the comment is where it is ({@code desk.reason.FIRST_TIME}). */
    public String getReasonKey() {
        StatusReason reason = this.comment.getStatusReason();
        return (reason != null) ? "desk.reason." + reason.name() : "desk.reason.none";
    }

    /** The matched term or figure ("casino", "3 links"), or {@code null}. */
    public String getReasonDetail() {
        return this.comment.getStatusDetail();
    }

    /** Whether an editor moved it last (then {@link #getLastChange()} says who). */
    public boolean isMovedByEditor() {
        return this.lastChange != null && this.comment.getStatusReason() == StatusReason.EDITOR;
    }

    /** The message key of the last change's label ({@code desk.log.action.APPROVE}), or {@code null}. */
    public String getLastChangeKey() {
        return (this.lastChange != null) ? "desk.log.action." + this.lastChange.getAction() : null;
    }

    /** The latest audit line about this comment, or {@code null}. */
    public ModerationEvent getLastChange() {
        return this.lastChange;
    }

    public AuthorHistory getHistory() {
        return this.history;
    }

    public List<RowAction> getActions() {
        return this.actions;
    }

    /** Whether an editor may answer it as staff (pending ones are approved with the reply). */
    public boolean isReplyable() {
        return this.replyable;
    }

    /** Whether replying also approves it (a pending comment). */
    public boolean isApproveWithReply() {
        return this.comment.getStatus() == CommentStatus.PENDING;
    }

    public boolean isApproved() {
        return this.comment.isApproved();
    }

    static String excerpt(String text) {
        String line = oneLine(text).strip();
        if (line.codePointCount(0, line.length()) <= EXCERPT) {
            return line;
        }
        int end = line.offsetByCodePoints(0, EXCERPT);
        int space = line.lastIndexOf(' ', end);
        return line.substring(0, (space > EXCERPT / 2) ? space : end).strip() + "\u2026";
    }

    /** The text with each run of ASCII whitespace (what the regex {@code \s+} matches) as one space. */
    private static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                space = true;
                continue;
            }
            if (space) {
                line.append(' ');
                space = false;
            }
            line.append(c);
        }
        if (space) {
            line.append(' ');
        }
        return line.toString();
    }

    /**
     * An action button of a row.
     *
     * @param key the action's URL name ({@code not-spam})
     * @param kind how it looks: {@code primary} (it publishes or brings back),
     * {@code secondary} (it takes away) or {@code danger} (it destroys)
     */
    public record RowAction(String key, String kind) {

        static RowAction of(DeskAction action) {
            String kind = action.isDelete() ? "danger" : (action.isRestoring() ? "primary" : "secondary");
            return new RowAction(action.key(), kind);
        }

        public String getKey() {
            return this.key;
        }

        public String getLabelKey() {
            return "desk.action." + this.key;
        }

        public boolean isDanger() {
            return "danger".equals(this.kind);
        }

        /** The button's classes. */
        public String getButtonClass() {
            return switch (this.kind) {
                case "primary" -> "button button-small";
                case "danger" -> "button button-small button-danger";
                default -> "button button-small button-secondary";
            };
        }

    }

}
