package org.gazette.article;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTests {

    @Test
    void derivesSeedSlugFromHeadline() {
        assertThat(Slugs.of("As talks with Russia halt, NATO chief warns of new war in Europe"))
            .isEqualTo("as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe");
    }

    @Test
    void stripsAccentsAndFoldsLetters() {
        assertThat(Slugs.of("Mélanie Joly à Montréal")).isEqualTo("melanie-joly-a-montreal");
        assertThat(Slugs.of("Straße, Søren, Łódź, Œuvre")).isEqualTo("strasse-soren-lodz-oeuvre");
    }

    @Test
    void dropsApostrophesWithinWords() {
        assertThat(Slugs.of("Stoltenberg’s warning: Moscow's demands")).isEqualTo("stoltenbergs-warning-moscows-demands");
    }

    @Test
    void collapsesPunctuationAndTrimsDashes() {
        assertThat(Slugs.of("  “Important consequences” — for Russia!?  ")).isEqualTo("important-consequences-for-russia");
        assertThat(Slugs.of("NATO-Russia   Council (2022)")).isEqualTo("nato-russia-council-2022");
    }

    @Test
    void cutsLongSlugAtDash() {
        String slug = Slugs.of("Allies halt supplies of equipment to Ukraine as tensions run high and the talks "
                + "in Brussels end without agreement on anything");
        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH)
            .isEqualTo("allies-halt-supplies-of-equipment-to-ukraine-as-tensions-run-high-and-the-talks")
            .doesNotEndWith("-");
    }

    @Test
    void cutsSlugOfOneLongWordAtMaximum() {
        assertThat(Slugs.of("x".repeat(100))).isEqualTo("x".repeat(Slugs.MAX_LENGTH));
    }

    @Test
    void fallsBackWhenNothingIsLeft() {
        assertThat(Slugs.of("Привет, мир")).isEqualTo(Slugs.FALLBACK);
        assertThat(Slugs.of("!!!")).isEqualTo(Slugs.FALLBACK);
    }

}
