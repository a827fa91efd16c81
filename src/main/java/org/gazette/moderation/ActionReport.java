package org.gazette.moderation;

import java.io.Serializable;
import java.util.List;

import org.gazette.comment.CommentStatus;

/**
 * What an action on one or more comments did: how many moved, which were changed by
 * another editor meanwhile (and left alone), and which could not take the action.
 *
 * @param action the action
 * @param done how many comments it moved (or deleted)
 * @param conflicts comments another editor changed or deleted since the page was shown
 * @param refusals comments the action does not apply to
 */
record ActionReport(DeskAction action, int done, List<Conflict> conflicts, List<Refusal> refusals)
        implements Serializable {

    ActionReport {
        conflicts = List.copyOf(conflicts);
        refusals = List.copyOf(refusals);
    }

    /**
     * A comment that changed under the editor: its state now.
     *
     * @param id the comment's id
     * @param authorName its author, or {@code null} when it no longer exists
     * @param current its status now, or {@code null} when another editor deleted it
     * @param lastEditor who changed it last, or {@code null} if unknown
     * @param lastAction what they did ({@link AuditAction} name), or {@code null}
     */
    record Conflict(long id, String authorName, CommentStatus current, String lastEditor, String lastAction)
            implements Serializable {

        boolean deleted() {
            return this.current == null;
        }

    }

    /**
     * A comment the action does not apply to.
     *
     * @param id the comment's id
     * @param authorName its author
     * @param status its status
     * @param reason why
     */
    record Refusal(long id, String authorName, CommentStatus status, Reason reason) implements Serializable {

    }

    /** Why an action was refused. */
    enum Reason {

        /** The action is not allowed from the comment's status. */
        NOT_ALLOWED,
        /** A permanent delete of a comment that has replies. */
        HAS_REPLIES

    }

}
