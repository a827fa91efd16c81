package org.gazette.moderation;

/**
 * Another editor changed (or deleted) the comment since the editor's page showed it,
 * so the desk did nothing.
 */
class CommentChangedException extends RuntimeException {

    private final transient ActionReport.Conflict conflict;

    CommentChangedException(ActionReport.Conflict conflict) {
        super("This comment was changed by another editor.", null, false, false);
        this.conflict = conflict;
    }

    ActionReport.Conflict conflict() {
        return this.conflict;
    }

}
