package org.gazette.article;

import java.time.Instant;

/**
 * What the front page's validators are made of, as stored: the highest page version of
 * any article (every change to a listed article or its count takes a new, higher one),
 * how many articles there are, and when the latest change was made.
 *
 * @param pageVersion the highest page version, 0 without articles
 * @param articles how many articles there are
 * @param changedAt when the latest change was made, or {@code null} without articles
 */
public record SiteStamp(long pageVersion, long articles, Instant changedAt) {

}
