package org.gazette.comment;

/**
 * What screening decided for an accepted comment: its status and why.
 *
 * @param status the status the comment is stored in
 * @param reason the rule that decided
 * @param detail the matched term or figure, if any
 */
public record Verdict(CommentStatus status, StatusReason reason, String detail) {

    static Verdict approved(StatusReason reason) {
        return new Verdict(CommentStatus.APPROVED, reason, null);
    }

    static Verdict held(StatusReason reason, String detail) {
        return new Verdict(CommentStatus.PENDING, reason, detail);
    }

    static Verdict spam(StatusReason reason, String detail) {
        return new Verdict(CommentStatus.SPAM, reason, detail);
    }

    /** The reason as an editor reads it, e.g. "held: moderation word (casino)". */
    public String describe() {
        return (this.detail != null) ? this.reason.label() + " (" + this.detail + ")" : this.reason.label();
    }

}
