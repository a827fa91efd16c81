package org.gazette.article;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A photo placed in an article's body: its caption, the credit, and the image and
 * its alternative text when the newsroom has them.
 */
@Entity
public class PhotoCaption {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String caption;

    private String credit;

    private String imageUrl;

    private String altText;

    private Integer width;

    private Integer height;

    protected PhotoCaption() {
    }

    public PhotoCaption(String caption, String credit) {
        this(caption, credit, null, null);
    }

    public PhotoCaption(String caption, String credit, String imageUrl, String altText) {
        this.caption = caption;
        this.credit = credit;
        this.imageUrl = imageUrl;
        this.altText = altText;
    }

    /**
     * A photo with its image's size in pixels (from {@link StoredPhoto}), so that the page
     * reserves the image's space before it loads.
     */
    public PhotoCaption(String caption, String credit, String imageUrl, String altText, int width, int height) {
        this(caption, credit, imageUrl, altText);
        this.width = width;
        this.height = height;
    }

    public Long getId() {
        return this.id;
    }

    public String getCaption() {
        return this.caption;
    }

    public String getCredit() {
        return this.credit;
    }

    public String getImageUrl() {
        return this.imageUrl;
    }

    public String getAltText() {
        return this.altText;
    }

    /** The image's width in pixels, or {@code null} when unknown. */
    public Integer getWidth() {
        return this.width;
    }

    /** The image's height in pixels, or {@code null} when unknown. */
    public Integer getHeight() {
        return this.height;
    }

    /** Whether there is an image to show; without one a placeholder frame stands in. */
    public boolean hasImage() {
        return this.imageUrl != null && !this.imageUrl.isBlank();
    }

    public boolean hasCredit() {
        return this.credit != null && !this.credit.isBlank();
    }

}
