package org.gazette.comment;

/**
 * Published on every write of a comment, whoever can see it: posted, moved to another
 * status, edited or deleted. What counts comments by status or by author (the desk's
 * tabs and histories) has changed; {@link CommentsChanged} is the narrower event for
 * what readers see.
 *
 * @param articleId the article the comment belongs to
 */
public record CommentWritten(Long articleId) {

}
