package org.gazette.comment;

/** The same name already posted the same text on the same article. */
public class DuplicateCommentException extends RuntimeException {

    public DuplicateCommentException() {
        super("Duplicate comment");
    }

}
