package org.gazette.article;

import java.util.List;

import org.gazette.article.BodyText.MalformedPhoto;
import org.gazette.article.BodyText.Paragraph;
import org.gazette.article.BodyText.Photo;
import org.gazette.article.BodyText.Subheading;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BodyTextTests {

    @Test
    void splitsParagraphsAtBlankLinesAndJoinsTheLinesOfOne() {
        assertThat(BodyText.parse("First line\r\nstill first.\r\n\r\n  \r\nSecond.\n\n\n\nThird."))
            .containsExactly(new Paragraph("First line still first."), new Paragraph("Second."),
                    new Paragraph("Third."));
    }

    @Test
    void aParagraphStartingWithTwoHashesAndASpaceIsASubheading() {
        assertThat(BodyText.parse("## “Important consequences” for Russia\n\n#hashtag stays text"))
            .containsExactly(new Subheading("“Important consequences” for Russia"),
                    new Paragraph("#hashtag stays text"));
    }

    @Test
    void readsAPhotoWithAltTextCaptionAndCreditAtTheEnd() {
        assertThat(BodyText.parse("""
                ![Stoltenberg at a lectern](/media/ab12.jpg)
                NATO Secretary General Jens Stoltenberg in Brussels on Wednesday, January 12, 2022.
                (Olivier Hoslet / Associated Press)"""))
            .containsExactly(new Photo("Stoltenberg at a lectern", "/media/ab12.jpg",
                    "NATO Secretary General Jens Stoltenberg in Brussels on Wednesday, January 12, 2022.",
                    "Olivier Hoslet / Associated Press"));
    }

    @Test
    void anEmptyImageIsACaptionedFrameWithoutAnImage() {
        Photo frame = (Photo) BodyText.parse("![]()\nA caption. (Credit Name)").get(0);
        assertThat(frame.hasImage()).isFalse();
        assertThat(frame.caption()).isEqualTo("A caption.");
        assertThat(frame.credit()).isEqualTo("Credit Name");
    }

    @Test
    void aCaptionWithoutParenthesesAtItsEndHasNoCredit() {
        Photo photo = (Photo) BodyText.parse("![A map](/media/map.png)\nThe border (see above) today.").get(0);
        assertThat(photo.caption()).isEqualTo("The border (see above) today.");
        assertThat(photo.credit()).isEmpty();
    }

    @Test
    void anImageLineNotWrittenAsMarkdownIsMalformed() {
        assertThat(BodyText.parse("![alt text](/media/a b.jpg)\nCaption")).singleElement()
            .isInstanceOf(MalformedPhoto.class);
    }

    @Test
    void writesBlocksBackAsTheTextTheyWereReadFrom() {
        Article article = Article.draft("a", "A", java.time.Instant.EPOCH, java.time.Instant.EPOCH);
        article.addParagraph("One.");
        article.addSubheading("Two");
        article.addPhoto(new PhotoCaption("Caption.", "Credit", "/media/x.jpg", "Alt"));
        article.addPhoto(new PhotoCaption("Frame caption.", null));
        String text = BodyText.of(article.getBlocks());
        assertThat(text).isEqualTo("One.\n\n## Two\n\n![Alt](/media/x.jpg)\nCaption. (Credit)\n\n![]()\nFrame caption.");
        assertThat(BodyText.parse(text)).containsExactly(new Paragraph("One."), new Subheading("Two"),
                new Photo("Alt", "/media/x.jpg", "Caption.", "Credit"), new Photo("", "", "Frame caption.", ""));
    }

    @Test
    void aBlankBodyHasNoBlocks() {
        assertThat(BodyText.parse(" \r\n\n ")).isEqualTo(List.of());
        assertThat(BodyText.parse(null)).isEmpty();
    }

}
