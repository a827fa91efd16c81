package org.gazette.moderation;

import java.time.Instant;

/**
 * One article in the desk's list.
 *
 * @param id the article
 * @param headline its headline
 * @param slug its slug
 * @param published whether readers see it
 * @param publishedAt its dateline
 * @param approvedComments how many approved comments it has
 * @param commentsOpen whether it takes comments
 */
record ArticleRow(long id, String headline, String slug, boolean published, Instant publishedAt,
        long approvedComments, boolean commentsOpen) {

}
