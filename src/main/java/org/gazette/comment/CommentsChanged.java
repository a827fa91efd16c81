package org.gazette.comment;

/**
 * Published when a comment is posted, moved, edited or deleted: what readers see of
 * the article may have changed.
 *
 * @param articleId the article the comment belongs to
 */
public record CommentsChanged(Long articleId) {

}
