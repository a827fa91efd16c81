package org.gazette.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

/**
 * A news article: headline, dateline and a body made of ordered blocks. Whoever
 * changes one publishes {@code Change.article(id)}, which moves its stored page version.
 */
@Entity
public class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;

    private String headline;

    private String summary;

    private String byline;

    private String standfirst;

    @Enumerated(EnumType.STRING)
    private ArticleStatus status = ArticleStatus.PUBLISHED;

    /** When it was first published; from then on the slug never changes. */
    private Instant firstPublishedAt;

    private Instant publishedAt;

    private boolean commentsOpen = true;

    private String sourceKey;

    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    /** The version of what readers see of it, moved by the database ({@code SharedChanges}), never here. */
    @Column(insertable = false, updatable = false)
    private long pageVersion;

    @Column(insertable = false, updatable = false)
    private Instant pageChangedAt;

    @OneToMany(mappedBy = "article", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("blockOrder")
    private List<ArticleBlock> blocks = new ArrayList<>();

    protected Article() {
    }

    public Article(String slug, String headline, Instant publishedAt, Instant now) {
        this.slug = slug;
        this.headline = headline;
        this.summary = "";
        this.publishedAt = publishedAt;
        this.firstPublishedAt = publishedAt;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void addParagraph(String text) {
        add(ArticleBlock.paragraph(this, this.blocks.size(), text));
        if (this.summary.isEmpty()) {
            this.summary = Summaries.of(text);
        }
    }

    public void addSubheading(String text) {
        add(ArticleBlock.subheading(this, this.blocks.size(), text));
    }

    public void addPhoto(PhotoCaption photo) {
        add(ArticleBlock.photo(this, this.blocks.size(), photo));
    }

    private void add(ArticleBlock block) {
        this.blocks.add(block);
    }

    /** Opens or closes the article for new comments. */
    public void setCommentsOpen(boolean open, Instant now) {
        this.commentsOpen = open;
        this.updatedAt = now;
    }

    public void importedFrom(String sourceKey) {
        this.sourceKey = sourceKey;
    }

    /**
     * What an article imported from another system brings beyond its body: its status,
     * byline and standfirst. A draft has not been published, so its slug may still change.
     */
    public void importedAs(ArticleStatus status, String byline, String standfirst) {
        this.status = status;
        this.byline = byline;
        this.standfirst = standfirst;
        if (status == ArticleStatus.DRAFT) {
            this.firstPublishedAt = null;
        }
    }

    public Long getId() {
        return this.id;
    }

    public String getSlug() {
        return this.slug;
    }

    public String getHeadline() {
        return this.headline;
    }

    public String getSummary() {
        return this.summary;
    }

    public String getByline() {
        return this.byline;
    }

    public String getStandfirst() {
        return this.standfirst;
    }

    public ArticleStatus getStatus() {
        return this.status;
    }

    /** Whether readers can see it. */
    public boolean isPublished() {
        return this.status == ArticleStatus.PUBLISHED;
    }

    public Instant getFirstPublishedAt() {
        return this.firstPublishedAt;
    }

    public Instant getPublishedAt() {
        return this.publishedAt;
    }

    public boolean isCommentsOpen() {
        return this.commentsOpen;
    }

    public String getSourceKey() {
        return this.sourceKey;
    }

    public Instant getCreatedAt() {
        return this.createdAt;
    }

    public Instant getUpdatedAt() {
        return this.updatedAt;
    }

    public long getVersion() {
        return this.version;
    }

    public List<ArticleBlock> getBlocks() {
        return Collections.unmodifiableList(this.blocks);
    }

}
