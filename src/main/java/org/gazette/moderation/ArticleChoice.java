package org.gazette.moderation;

/**
 * An article as the desk names it: in the article filter, a queue row or a log line.
 *
 * @param id the article's id
 * @param slug its address
 * @param headline its headline
 */
public record ArticleChoice(Long id, String slug, String headline) {

    public Long getId() {
        return this.id;
    }

    public String getSlug() {
        return this.slug;
    }

    public String getHeadline() {
        return this.headline;
    }

}
