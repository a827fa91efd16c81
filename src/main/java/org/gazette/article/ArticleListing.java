package org.gazette.article;

import java.time.Instant;

/**
 * A published article as lists show it (the front page, the feed, the sitemap), without
 * its body.
 *
 * @param id the article
 * @param slug its address
 * @param headline the headline
 * @param byline who wrote it, or {@code null}
 * @param standfirst the line under the headline, or {@code null}
 * @param summary the stored summary of its first paragraph
 * @param publishedAt the dateline
 * @param updatedAt when the article itself last changed
 * @param pageChangedAt when anything readers see of it (its comments too) last changed
 */
public record ArticleListing(long id, String slug, String headline, String byline, String standfirst,
        String summary, Instant publishedAt, Instant updatedAt, Instant pageChangedAt) {

    /** Whether it carries a byline. */
    public boolean hasByline() {
        return this.byline != null && !this.byline.isBlank();
    }

    /** The standfirst, or the stored summary where it has none. */
    public String teaser() {
        return (this.standfirst != null && !this.standfirst.isBlank()) ? this.standfirst : this.summary;
    }

    /** When the article itself last changed, never before its dateline. */
    public Instant revisedAt() {
        return (this.updatedAt == null || this.updatedAt.isBefore(this.publishedAt)) ? this.publishedAt
                : this.updatedAt;
    }

}
