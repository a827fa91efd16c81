package org.gazette.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.gazette.article.ArticleStatus;

/**
 * An article as a file has it, before it is stored.
 *
 * @param sourceKey what identifies it in its source, so a second import finds it
 * @param slug the slug the source gives it, or {@code null} to make one from the headline
 * @param headline the headline
 * @param publishedAt its date
 * @param byline who wrote it, or {@code null}
 * @param standfirst the short introduction under the headline, or {@code null}
 * @param status published or draft
 * @param commentsOpen whether it takes comments
 * @param blocks the body, in order
 */
record Draft(String sourceKey, String slug, String headline, Instant publishedAt, String byline, String standfirst,
        ArticleStatus status, boolean commentsOpen, List<Block> blocks) {

    /** The longest headline stored. */
    static final int MAX_HEADLINE = 500;

    /** The longest paragraph or subheading stored. */
    static final int MAX_BLOCK = 20_000;

    static final int MAX_BYLINE = 300;

    static final int MAX_STANDFIRST = 1_000;

    static final int MAX_CAPTION = 4_000;

    static final int MAX_CREDIT = 300;

    static final int MAX_URL = 1_000;

    Draft {
        Objects.requireNonNull(sourceKey, "sourceKey must not be null");
        Objects.requireNonNull(headline, "headline must not be null");
        blocks = List.copyOf(blocks);
        byline = shortened(blank(byline), MAX_BYLINE);
        standfirst = shortened(blank(standfirst), MAX_STANDFIRST);
    }

    /** What makes the draft impossible to store, or {@code null}. */
    String problem() {
        if (this.headline.length() > MAX_HEADLINE) {
            return "a headline longer than " + MAX_HEADLINE + " characters";
        }
        for (Block block : this.blocks) {
            if (block instanceof Paragraph paragraph && paragraph.text().length() > MAX_BLOCK) {
                return "a paragraph longer than " + MAX_BLOCK + " characters";
            }
            if (block instanceof Subheading subheading && subheading.text().length() > MAX_BLOCK) {
                return "a subheading longer than " + MAX_BLOCK + " characters";
            }
        }
        return null;
    }

    private static String blank(String text) {
        return (text == null || text.isBlank()) ? null : text.strip();
    }

    /** Cuts a text at a word before the limit, with an ellipsis. */
    static String shortened(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, (cut > max / 2) ? cut : max - 1).strip() + "…";
    }

    /** One block of the body. */
    sealed interface Block permits Paragraph, Subheading, Photo {

    }

    record Paragraph(String text) implements Block {

    }

    record Subheading(String text) implements Block {

    }

    /**
     * A photo: where its image is (if anywhere), its alternative text, caption and credit.
     *
     * @param imageUrl an http(s) address of the image, or {@code null}
     * @param altText the image's description, or {@code null}
     * @param caption the caption, possibly empty
     * @param credit who took it, or {@code null}
     */
    record Photo(String imageUrl, String altText, String caption, String credit) implements Block {

        Photo {
            imageUrl = (imageUrl != null && imageUrl.length() <= MAX_URL
                    && (imageUrl.startsWith("https://") || imageUrl.startsWith("http://"))) ? imageUrl : null;
            altText = shortened(blank(altText), MAX_URL);
            caption = Objects.requireNonNullElse(shortened(blank(caption), MAX_CAPTION), "");
            credit = shortened(blank(credit), MAX_CREDIT);
        }

    }

}
