package org.gazette.moderation;

import java.time.Duration;
import java.time.Instant;

import org.gazette.article.Article;

/**
 * One article on the settings page.
 *
 * @param id the article's id
 * @param slug its slug, for the link
 * @param headline its headline
 * @param publishedAt its dateline
 * @param open whether it takes comments (the editors' switch)
 * @param closedByAge when the switch is on but the close-after-days rule has closed it:
 * the moment it closed; otherwise {@code null}
 */
record SettingsArticle(long id, String slug, String headline, Instant publishedAt, boolean open,
        Instant closedByAge) {

    static SettingsArticle of(Article article, int closeAfterDays, Instant now) {
        Instant closes = (closeAfterDays > 0) ? article.getPublishedAt().plus(Duration.ofDays(closeAfterDays)) : null;
        boolean aged = article.isCommentsOpen() && closes != null && !now.isBefore(closes);
        return new SettingsArticle(article.getId(), article.getSlug(), article.getHeadline(),
                article.getPublishedAt(), article.isCommentsOpen(), aged ? closes : null);
    }

}
