package org.gazette.article;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import org.gazette.Change;
import org.gazette.SharedChanges;
import org.gazette.article.ArticleDraft.Checked;
import org.gazette.article.BodyText.Block;
import org.gazette.article.BodyText.Paragraph;
import org.gazette.article.BodyText.Photo;
import org.gazette.article.BodyText.Subheading;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing articles on the desk: create, edit, publish and unpublish. The slug comes
 * from the headline as the importer makes it, follows the headline while the article
 * has never been published and never changes after; an edit replaces the body's blocks
 * of the same article, so its id, comments and URL stay. A save over a version another
 * editor saved since is refused ({@link ArticleChangedException}). Each write publishes
 * {@code Change.article(id)} in its transaction.
 */
@Service
public class ArticleDesk {

    private final ArticleRepository articles;

    private final PhotoLibrary photos;

    private final SiteProperties site;

    private final SharedChanges changes;

    private final Clock clock;

    public ArticleDesk(ArticleRepository articles, PhotoLibrary photos, SiteProperties site, SharedChanges changes,
            Clock clock) {
        this.articles = articles;
        this.photos = photos;
        this.site = site;
        this.changes = changes;
        this.clock = clock;
    }

    /** Applies the form's rules, with the photo library this site has. */
    @Transactional(readOnly = true)
    public Checked check(ArticleDraft.Text text) {
        return ArticleDraft.check(text, (url) -> this.photos.lookUp(url).isPresent());
    }

    /** An article with its body, for the form. */
    @Transactional(readOnly = true)
    public Optional<Article> find(long id) {
        return this.articles.findWithBodyById(id);
    }

    /** The newsroom's time zone, in which a dateline is a day. */
    public ZoneId zone() {
        return this.site.timeZone();
    }

    /** What the form shows for a new article: dated today, taking comments. */
    public ArticleDraft.Text blank() {
        return new ArticleDraft.Text("", LocalDate.now(this.clock.withZone(this.site.timeZone())).toString(), "", "",
                "", true);
    }

    /**
     * The article as readers would see it, never saved: the page's preview.
     * @param draft the checked draft
     * @param slug the slug it has, or {@code null} for a new one
     */
    public Article preview(ArticleDraft draft, String slug) {
        Instant now = this.clock.instant();
        Article article = Article.draft((slug != null) ? slug : Slugs.of(draft.headline()), draft.headline(),
                publishedAt(draft.dateline()), now);
        article.revise(draft.headline(), publishedAt(draft.dateline()), draft.byline(), draft.standfirst(),
                draft.commentsOpen(), now);
        addBody(article, draft);
        return article;
    }

    /**
     * Creates an article, as a draft or published at once.
     * @param draft the checked draft
     * @param publish whether readers see it now
     * @return what was done
     */
    @Transactional
    public ArticleSaved create(ArticleDraft draft, boolean publish) {
        Instant now = this.clock.instant();
        Article article = Article.draft(freeSlug(draft.headline(), null), draft.headline(),
                publishedAt(draft.dateline()), now);
        article.revise(draft.headline(), publishedAt(draft.dateline()), draft.byline(), draft.standfirst(),
                draft.commentsOpen(), now);
        addBody(article, draft);
        if (publish) {
            article.publish(now);
        }
        Article saved = this.articles.save(article);
        this.changes.publish(Change.article(saved.getId()));
        return new ArticleSaved(saved.getId(), saved.getSlug(), saved.getHeadline(), true, true, null,
                saved.getStatus());
    }

    /**
     * Saves an edit of an article and puts it in the status asked for. Nothing is written
     * when neither the text nor the status changes.
     * @param id the article
     * @param version the version the form was filled in over
     * @param draft the checked draft
     * @param status whether it is to be published or a draft after the save
     * @return what was done
     * @throws ArticleChangedException another editor saved it since the form was shown
     * @throws org.springframework.dao.OptimisticLockingFailureException another editor
     * saved it while this was being saved
     */
    @Transactional
    public ArticleSaved save(long id, long version, ArticleDraft draft, ArticleStatus status) {
        Article article = this.articles.findWithBodyById(id).orElseThrow(() -> new ArticleNotFoundException(id));
        if (article.getVersion() != version) {
            throw new ArticleChangedException(id);
        }
        ArticleStatus before = article.getStatus();
        Instant now = this.clock.instant();
        boolean edited = !draft.equals(current(article));
        if (edited) {
            article.revise(draft.headline(), publishedAt(draft.dateline()), draft.byline(), draft.standfirst(),
                    draft.commentsOpen(), now);
            if (!article.isSlugFixed()) {
                article.moveTo(freeSlug(draft.headline(), id));
            }
            article.clearBody();
            this.articles.saveAndFlush(article);
            addBody(article, draft);
        }
        if (status != before) {
            if (status == ArticleStatus.PUBLISHED) {
                article.publish(now);
            }
            else {
                article.unpublish(now);
            }
        }
        if (edited || status != before) {
            this.articles.saveAndFlush(article);
            this.changes.publish(Change.article(id));
        }
        return new ArticleSaved(id, article.getSlug(), article.getHeadline(), false, edited, before,
                article.getStatus());
    }

    /** The draft the stored article amounts to, to tell whether a save changes anything. */
    private ArticleDraft current(Article article) {
        Checked checked = ArticleDraft.check(ArticleDraft.textOf(article, this.site.timeZone()), (url) -> true);
        return (checked instanceof ArticleDraft.Valid valid) ? valid.draft() : null;
    }

    private Instant publishedAt(LocalDate dateline) {
        return dateline.atTime(LocalTime.NOON).atZone(this.site.timeZone()).toInstant();
    }

    /** The headline's slug as the importer makes it, with -2, -3... when another article has it. */
    private String freeSlug(String headline, Long id) {
        String base = Slugs.of(headline);
        String slug = base;
        for (int n = 2; taken(slug, id); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private boolean taken(String slug, Long id) {
        return (id != null) ? this.articles.existsBySlugAndIdNot(slug, id) : this.articles.existsBySlug(slug);
    }

    /**
     * Stores an uploaded photo in the library.
     * @return where it is served and its size
     * @throws PhotoRefusedException if the file is refused, with the editor's message
     */
    public StoredPhoto storePhoto(String fileName, byte[] bytes) {
        return this.photos.store(fileName, bytes);
    }

    private void addBody(Article article, ArticleDraft draft) {
        for (Block block : draft.body()) {
            if (block instanceof Paragraph paragraph) {
                article.addParagraph(paragraph.text());
            }
            else if (block instanceof Subheading subheading) {
                article.addSubheading(subheading.text());
            }
            else if (block instanceof Photo photo) {
                article.addPhoto(photo(photo));
            }
        }
    }

    /** The photo of a block, with its image's size from the library when it has an image. */
    private PhotoCaption photo(Photo photo) {
        String credit = emptyAsNull(photo.credit());
        if (!photo.hasImage()) {
            return new PhotoCaption(photo.caption(), credit);
        }
        return this.photos.lookUp(photo.imageUrl())
            .map((stored) -> new PhotoCaption(photo.caption(), credit, stored.url(), photo.altText(), stored.width(),
                    stored.height()))
            .orElseThrow(() -> new IllegalStateException("No photo at " + photo.imageUrl()));
    }

    private static String emptyAsNull(String text) {
        return text.isEmpty() ? null : text;
    }

}
