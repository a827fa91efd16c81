package org.gazette.article;

import org.jspecify.annotations.Nullable;

/**
 * What a save on the desk did to an article, for the audit log and the next page.
 *
 * @param id the article
 * @param slug its slug after the save
 * @param headline its headline after the save
 * @param created whether the save created it
 * @param edited whether its text changed
 * @param before its status before, {@code null} for a new article
 * @param after its status after
 */
public record ArticleSaved(long id, String slug, String headline, boolean created, boolean edited,
        @Nullable ArticleStatus before, ArticleStatus after) {

    /** Whether the save published it. */
    public boolean published() {
        return this.after == ArticleStatus.PUBLISHED && this.before != ArticleStatus.PUBLISHED;
    }

    /** Whether the save took it back from readers. */
    public boolean unpublished() {
        return this.before == ArticleStatus.PUBLISHED && this.after == ArticleStatus.DRAFT;
    }

}
