package org.gazette.exchange;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordPressContentTests {

    @Test
    void blankLinesSeparateParagraphsAsWordPressWritesThem() {
        assertThat(WordPressContent.blocks("First line\nstill first.\n\nSecond <em>one</em>.\n\n\n<p>Third.</p>"))
            .containsExactly(new Draft.Paragraph("First line still first."), new Draft.Paragraph("Second one."),
                    new Draft.Paragraph("Third."));
    }

    @Test
    void captionShortcodeBecomesAPhotoWithItsCreditInParentheses() {
        List<Draft.Block> blocks = WordPressContent.blocks("[caption id=\"a\" width=\"300\"]<a href=\"/x\">"
                + "<img src=\"https://site.example/a.jpg\" alt=\"Alt\" /></a> The river at night. (Jo Lee / Herald)"
                + "[/caption]");

        assertThat(blocks).containsExactly(
                new Draft.Photo("https://site.example/a.jpg", "Alt", "The river at night.", "Jo Lee / Herald"));
    }

    @Test
    void oldCaptionShortcodeTakesItsCaptionFromTheAttribute() {
        assertThat(WordPressContent.blocks("[caption caption=\"Old style\"]<img src=\"https://s.example/b.jpg\">"
                + "[/caption]")).containsExactly(new Draft.Photo("https://s.example/b.jpg", null, "Old style", null));
    }

    @Test
    void figureBecomesAPhotoWithItsCiteAsCredit() {
        assertThat(WordPressContent.blocks("<figure class=\"wp-block-image\"><img src=\"https://s.example/c.jpg\" "
                + "alt=\"C\"><figcaption>Crowds <cite>A. Photographer</cite></figcaption></figure>"))
            .containsExactly(new Draft.Photo("https://s.example/c.jpg", "C", "Crowds", "A. Photographer"));
    }

    @Test
    void headingsBecomeSubheadingsAndScriptsVanish() {
        assertThat(WordPressContent.blocks("<h3>Costs</h3>\n\nText<script>alert(1)</script> here.\n\n[gallery ids=\"1,2\"]"))
            .containsExactly(new Draft.Subheading("Costs"), new Draft.Paragraph("Text here."));
    }

    @Test
    void anImageAloneInAParagraphIsAPhotoAndOnlyWebAddressesAreKept() {
        assertThat(WordPressContent.blocks("<p><img src=\"javascript:alert(1)\" alt=\"x\"></p>"))
            .containsExactly(new Draft.Photo(null, "x", "", null));
    }

}
