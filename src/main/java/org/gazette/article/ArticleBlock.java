package org.gazette.article;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;

/**
 * One block of an article's body, in order: a paragraph, a subheading or a photo.
 */
@Entity
public class ArticleBlock {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    private Article article;

    private int blockOrder;

    @Enumerated(EnumType.STRING)
    private BlockKind kind;

    @Column(name = "body_text")
    private String text;

    @OneToOne(fetch = FetchType.LAZY, cascade = CascadeType.ALL)
    @JoinColumn(name = "photo_id")
    private PhotoCaption photo;

    protected ArticleBlock() {
    }

    private ArticleBlock(Article article, int blockOrder, BlockKind kind, String text, PhotoCaption photo) {
        this.article = article;
        this.blockOrder = blockOrder;
        this.kind = kind;
        this.text = text;
        this.photo = photo;
    }

    static ArticleBlock paragraph(Article article, int order, String text) {
        return new ArticleBlock(article, order, BlockKind.PARAGRAPH, text, null);
    }

    static ArticleBlock subheading(Article article, int order, String text) {
        return new ArticleBlock(article, order, BlockKind.SUBHEADING, text, null);
    }

    static ArticleBlock photo(Article article, int order, PhotoCaption photo) {
        return new ArticleBlock(article, order, BlockKind.PHOTO, null, photo);
    }

    public Long getId() {
        return this.id;
    }

    public int getBlockOrder() {
        return this.blockOrder;
    }

    public BlockKind getKind() {
        return this.kind;
    }

    public boolean isParagraph() {
        return this.kind == BlockKind.PARAGRAPH;
    }

    public boolean isSubheading() {
        return this.kind == BlockKind.SUBHEADING;
    }

    public boolean isPhoto() {
        return this.kind == BlockKind.PHOTO;
    }

    public String getText() {
        return this.text;
    }

    public PhotoCaption getPhoto() {
        return this.photo;
    }

}
