package org.gazette.article;

import java.time.Instant;

/**
 * What the validators of an article's pages are made of, as stored: the version of what
 * readers see of it and when that last changed, and what decides when its comments close
 * by the calendar.
 *
 * @param id the article
 * @param pageVersion the stored page version, moved by every change readers see
 * @param pageChangedAt when it last moved
 * @param publishedAt the dateline
 * @param commentsOpen whether it takes comments, the calendar aside
 */
public record ArticleStamp(long id, long pageVersion, Instant pageChangedAt, Instant publishedAt,
        boolean commentsOpen) {

}
