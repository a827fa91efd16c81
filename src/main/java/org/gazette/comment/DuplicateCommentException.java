package org.gazette.comment;

/** The author already posted the same text on the same article. */
public class DuplicateCommentException extends RuntimeException {

    public DuplicateCommentException() {
        super("Duplicate comment");
    }

}
