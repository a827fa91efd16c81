package org.gazette.comment;

/**
 * A comment that was accepted: where it is and, when readers cannot see it yet, the
 * token that lets its author see it.
 *
 * @param id the comment's id
 * @param verdict the status it was stored in and why
 * @param page the comment page its thread is on
 * @param heldToken the author's token when the comment is not approved, else {@code null}
 */
public record PostedComment(long id, Verdict verdict, int page, String heldToken) {

    public boolean isApproved() {
        return this.verdict.status() == CommentStatus.APPROVED;
    }

}
