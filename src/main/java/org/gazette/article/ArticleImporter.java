package org.gazette.article;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

import org.gazette.Change;
import org.gazette.SharedChanges;
import org.gazette.article.CaptureParser.Block;
import org.gazette.article.CaptureParser.Paragraph;
import org.gazette.article.CaptureParser.ParsedArticle;
import org.gazette.article.CaptureParser.Photo;
import org.gazette.article.CaptureParser.Subheading;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Imports plain-text captures (see {@link CaptureParser}) as articles.
 * <p>
 * Imports are idempotent: each capture has a source key (for built-in content, its file
 * name) and a key imported once is skipped afterwards. The slug comes from the headline
 * ({@link Slugs}); when another article has it, {@code -2}, {@code -3}... is appended.
 * <p>
 * A dateline is a day, but an article's {@code publishedAt} is an instant: the day is
 * stored as its noon in the newsroom's zone ({@link SiteProperties#timeZone()}), so the
 * instant falls on the same calendar day in every zone within twelve hours of it, and
 * a page showing it in another zone does not move it to the day before. A capture
 * without a dateline is dated at the moment of its import (which is on the import day).
 */
@Service
public class ArticleImporter {

    private final CaptureParser parser = new CaptureParser();

    private final ArticleRepository articles;

    private final SiteProperties site;

    private final SharedChanges changes;

    private final Clock clock;

    public ArticleImporter(ArticleRepository articles, SiteProperties site, SharedChanges changes, Clock clock) {
        this.articles = articles;
        this.site = site;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Imports a capture unless one with the same source key was imported before.
     * @param sourceKey what identifies the capture, such as its file name
     * @param capture the text of the capture
     * @return the new article, or empty if the source key was imported before
     * @throws IllegalArgumentException if the capture cannot be parsed
     */
    @Transactional
    public Optional<Article> importCapture(String sourceKey, String capture) {
        Assert.hasText(sourceKey, "sourceKey must not be empty");
        if (this.articles.existsBySourceKey(sourceKey)) {
            return Optional.empty();
        }
        return Optional.of(save(sourceKey, this.parser.parse(capture)));
    }

    private Article save(String sourceKey, ParsedArticle parsed) {
        Instant now = this.clock.instant();
        Instant publishedAt = publishedAt(parsed.dateline(), now);
        Article article = new Article(freeSlug(parsed.headline()), parsed.headline(), publishedAt, now);
        article.importedFrom(sourceKey);
        for (Block block : parsed.blocks()) {
            add(article, block);
        }
        Article saved = this.articles.save(article);
        this.changes.publish(Change.article(saved.getId()));
        return saved;
    }

    private Instant publishedAt(LocalDate dateline, Instant now) {
        if (dateline == null) {
            return now;
        }
        return dateline.atTime(LocalTime.NOON).atZone(this.site.timeZone()).toInstant();
    }

    private String freeSlug(String headline) {
        String base = Slugs.of(headline);
        String slug = base;
        for (int n = 2; this.articles.existsBySlug(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private static void add(Article article, Block block) {
        if (block instanceof Paragraph paragraph) {
            article.addParagraph(paragraph.text());
        }
        else if (block instanceof Subheading subheading) {
            article.addSubheading(subheading.text());
        }
        else if (block instanceof Photo photo) {
            article.addPhoto(new PhotoCaption(photo.caption(), photo.credit()));
        }
    }

}
