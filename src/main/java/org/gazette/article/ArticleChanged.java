package org.gazette.article;

/**
 * Published when an article is saved or removed, so whatever shows it can drop what it
 * rendered.
 *
 * @param articleId the article
 */
public record ArticleChanged(Long articleId) {

}
