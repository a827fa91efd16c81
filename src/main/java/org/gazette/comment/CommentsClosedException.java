package org.gazette.comment;

/** The article takes no more comments. */
public class CommentsClosedException extends RuntimeException {

    public CommentsClosedException(String slug) {
        super("Comments are closed on '" + slug + "'");
    }

}
