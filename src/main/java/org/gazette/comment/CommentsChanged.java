package org.gazette.comment;

/**
 * Published when a comment readers can see (approved before or after) is posted,
 * moved, edited or deleted: what readers see of the article has changed.
 *
 * @param articleId the article the comment belongs to
 */
public record CommentsChanged(Long articleId) {

}
