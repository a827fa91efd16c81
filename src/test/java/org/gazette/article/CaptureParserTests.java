package org.gazette.article;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.gazette.article.CaptureParser.Block;
import org.gazette.article.CaptureParser.Paragraph;
import org.gazette.article.CaptureParser.ParsedArticle;
import org.gazette.article.CaptureParser.Photo;
import org.gazette.article.CaptureParser.Subheading;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CaptureParserTests {

    private static final String HEADLINE = "As talks with Russia halt, NATO chief warns of new war in Europe";

    private final CaptureParser parser = new CaptureParser();

    static String seed() throws IOException {
        try (InputStream in = CaptureParserTests.class.getResourceAsStream("/content/nato-russia-talks.txt")) {
            assertThat(in).as("seed resource").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static <T extends Block> List<T> blocksOf(ParsedArticle article, Class<T> type) {
        return article.blocks().stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Nested
    class Seed {

        private final ParsedArticle article;

        Seed() throws IOException {
            this.article = CaptureParserTests.this.parser.parse(seed());
        }

        @Test
        void readsHeadlineAndDropsItsRepetition() {
            assertThat(this.article.headline()).isEqualTo(HEADLINE);
            assertThat(this.article.blocks()).doesNotContain(new Paragraph(HEADLINE), new Subheading(HEADLINE));
        }

        @Test
        void readsDatelineFromHeader() {
            assertThat(this.article.dateline()).isEqualTo(LocalDate.of(2022, 1, 12));
        }

        @Test
        void startsWithFirstParagraph() {
            assertThat(this.article.blocks().get(0)).isEqualTo(new Paragraph(
                    "The threat of another war in Europe is very real, NATO Secretary General Jens Stoltenberg said today after talks with Russia at the military alliance headquarters in Brussels."));
        }

        @Test
        void findsTwoPhotosWithCaptionsAndCredits() {
            List<Photo> photos = blocksOf(this.article, Photo.class);
            assertThat(photos).extracting(Photo::credit)
                .containsExactly("Olivier Hoslet / Associated Press", "Sean Kilpatrick / The Canadian Press");
            assertThat(photos.get(0).caption()).startsWith("NATO Secretary General Jens Stoltenberg, center,")
                .endsWith("on Wednesday, January 12, 2022.");
            assertThat(photos.get(1).caption()).startsWith("Prime Minister Justin Trudeau shakes hands")
                .endsWith("Kadaga, Latvia, July 10, 2018.");
            assertThat(photos).allSatisfy((photo) -> assertThat(photo.caption()).doesNotContain("(", ")", "Press"));
        }

        @Test
        void findsExactlyTwoSubheadings() {
            assertThat(blocksOf(this.article, Subheading.class)).extracting(Subheading::text)
                .containsExactly("“Important consequences” for Russia", "Allies halt supplies of equipment to Ukraine");
        }

        @Test
        void keepsQuoteEndingWithOpeningQuoteMarkAsParagraph() {
            assertThat(blocksOf(this.article, Paragraph.class)).extracting(Paragraph::text)
                .filteredOn((text) -> text.startsWith("“There are significant differences"))
                .singleElement()
                .satisfies((text) -> assertThat(text).endsWith("engaged on substantive issues. “"));
        }

        @Test
        void keepsParentheticalInTextAsParagraph() {
            assertThat(blocksOf(this.article, Paragraph.class)).extracting(Paragraph::text)
                .anySatisfy((text) -> assertThat(text).startsWith("Last month, the Ukrainian Canadian Congress (UCC)"));
        }

        @Test
        void dropsCommentForm() {
            assertThat(this.article.blocks()).noneSatisfy((block) -> assertThat(block.toString())
                .containsAnyOf("Leave a Reply", "Your email address", "Required fields"));
            assertThat(this.article.blocks().get(this.article.blocks().size() - 1)).isEqualTo(new Paragraph(
                    "The EU has accused the Wagner group of human rights abuses in Ukraine and in many other countries, including torture and extrajudicial killings."));
        }

        @Test
        void keepsBlocksInOrder() {
            assertThat(this.article.blocks()).hasSize(25);
            assertThat(blocksOf(this.article, Paragraph.class)).hasSize(21);
            assertThat(this.article.blocks()).extracting((block) -> block.getClass().getSimpleName())
                .containsExactly("Paragraph", "Paragraph", "Paragraph", "Paragraph", "Paragraph", "Paragraph",
                        "Paragraph", "Photo", "Paragraph", "Paragraph", "Paragraph", "Subheading", "Paragraph",
                        "Paragraph", "Photo", "Paragraph", "Paragraph", "Paragraph", "Subheading", "Paragraph",
                        "Paragraph", "Paragraph", "Paragraph", "Paragraph", "Paragraph");
        }

        @Test
        void keepsTextAsItIs() {
            assertThat(blocksOf(this.article, Paragraph.class)).extracting(Paragraph::text)
                .contains("Stoltenberg said any use of force against Ukraine by the Russians would be “a serious strategic error” for which Russia would pay a high price.")
                .anySatisfy((text) -> assertThat(text).endsWith("were taken by Russia, ”Trudeau said."));
        }

    }

    @Test
    void parsesArticleWithoutCaptions() {
        ParsedArticle article = this.parser.parse("""
                Headline

                First paragraph.

                Second paragraph.
                """);
        assertThat(article.blocks()).containsExactly(new Paragraph("First paragraph."),
                new Paragraph("Second paragraph."));
    }

    @Test
    void readsSingleNameCredit() {
        ParsedArticle article = this.parser.parse("""
                Headline

                Crowds gather in the square on Monday. (Reuters)

                The minister arrived late! (John Smith)
                """);
        assertThat(article.blocks()).containsExactly(new Photo("Crowds gather in the square on Monday.", "Reuters"),
                new Photo("The minister arrived late!", "John Smith"));
    }

    @Test
    void readsCreditsWithInitialsAndCommas() {
        ParsedArticle article = this.parser.parse("""
                Headline

                The president speaks. (AP Photo/Evan Vucci, File)

                She said “no.” (J.D. Smith / The Canadian Press)
                """);
        assertThat(article.blocks()).containsExactly(new Photo("The president speaks.", "AP Photo/Evan Vucci, File"),
                new Photo("She said “no.”", "J.D. Smith / The Canadian Press"));
    }

    @Test
    void keepsParentheticalRemarkThatIsNoCreditAsParagraph() {
        ParsedArticle article = this.parser.parse("""
                Headline

                The Ukrainian Canadian Congress (UCC) asked for more weapons.

                Prices rose sharply in the spring and kept on rising all through the summer months (again)

                The vote passed. (See the full results below)

                He left early. (He said he was tired. Nobody believed him.)

                Sales fell. (Really?)
                """);
        assertThat(article.blocks()).allSatisfy((block) -> assertThat(block).isInstanceOf(Paragraph.class));
    }

    @Test
    void normalisesWindowsAndOldMacLineEndings() {
        ParsedArticle windows = this.parser.parse(
                "\uFEFFDateline: 2022-01-12\r\n---\r\nHeadline\r\n\r\nFirst line\r\nsecond line.\r\n\r\nA subheading\r\n\r\nLast. (Reuters)\r\n");
        ParsedArticle mac = this.parser.parse("Headline\r\rFirst line\rsecond line.\r\rA subheading\r\rLast. (Reuters)");
        assertThat(windows.headline()).isEqualTo("Headline");
        assertThat(windows.dateline()).isEqualTo(LocalDate.of(2022, 1, 12));
        List<Block> expected = List.of(new Paragraph("First line second line."), new Subheading("A subheading"),
                new Photo("Last.", "Reuters"));
        assertThat(windows.blocks()).isEqualTo(expected);
        assertThat(mac.blocks()).isEqualTo(expected);
    }

    @Test
    void joinsLinesOfOneParagraphWithSpace() {
        ParsedArticle article = this.parser.parse("Headline\n\n  One line\nand the next,\t\nand the last.  \n");
        assertThat(article.blocks()).containsExactly(new Paragraph("One line and the next, and the last."));
    }

    @Test
    void parsesHeadlineOnly() {
        ParsedArticle article = this.parser.parse("Just a headline\n\n");
        assertThat(article.headline()).isEqualTo("Just a headline");
        assertThat(article.blocks()).isEmpty();
    }

    @Test
    void dropsRepeatedHeadlineOnlyOnce() {
        ParsedArticle article = this.parser.parse("Echo\n\nEcho\n\nEcho\n");
        assertThat(article.blocks()).containsExactly(new Subheading("Echo"));
    }

    @Test
    void treatsQuotedLinesAsParagraphs() {
        ParsedArticle article = this.parser.parse("""
                Headline

                “We will not back down.”

                “Not now”

                We must act. “

                Then he said “Stop.”

                “Important consequences” for Russia
                """);
        assertThat(article.blocks()).containsExactly(new Paragraph("“We will not back down.”"),
                new Paragraph("“Not now”"), new Paragraph("We must act. “"), new Paragraph("Then he said “Stop.”"),
                new Subheading("“Important consequences” for Russia"));
    }

    @Test
    void recognisesSubheadingsByLengthAndPunctuation() {
        String longLine = "This line has no closing punctuation but is far too long to be a heading of any kind here";
        ParsedArticle article = this.parser.parse("Headline\n\nWhat happens next\n\nWhat happens next?\n\nIn short:\n\n"
                + "One two three four five six seven eight nine ten eleven twelve thirteen\n\n" + longLine
                + "\n\n2022\n\nMr. Trudeau goes to the U.S. and Riga\n\nSales fell. Prices rose\n\nThe boys’\n");
        assertThat(article.blocks()).containsExactly(new Subheading("What happens next"),
                new Paragraph("What happens next?"), new Paragraph("In short:"),
                new Paragraph("One two three four five six seven eight nine ten eleven twelve thirteen"),
                new Paragraph(longLine), new Paragraph("2022"), new Subheading("Mr. Trudeau goes to the U.S. and Riga"),
                new Paragraph("Sales fell. Prices rose"), new Subheading("The boys’"));
    }

    @Test
    void readsFileWithoutHeader() {
        ParsedArticle article = this.parser.parse("Breaking: markets fall\n\nStocks fell today.\n");
        assertThat(article.headline()).isEqualTo("Breaking: markets fall");
        assertThat(article.dateline()).isNull();
        assertThat(article.blocks()).containsExactly(new Paragraph("Stocks fell today."));
    }

    @Test
    void ignoresUnknownHeaderKeys() {
        ParsedArticle article = this.parser.parse("Source: somewhere\ndateline:2023-05-06\nAuthor: X\n---\n\nHeadline\n");
        assertThat(article.headline()).isEqualTo("Headline");
        assertThat(article.dateline()).isEqualTo(LocalDate.of(2023, 5, 6));
    }

    @Test
    void acceptsHeaderWithoutDateline() {
        ParsedArticle article = this.parser.parse("Source: somewhere\n---\nHeadline\n\nText.");
        assertThat(article.dateline()).isNull();
        assertThat(article.blocks()).containsExactly(new Paragraph("Text."));
    }

    @Test
    void rejectsMalformedDateline() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse("Dateline: 12/01/2022\n---\nHeadline\n"))
            .withMessageContaining("Malformed Dateline '12/01/2022'")
            .withMessageContaining("line 1")
            .withMessageContaining("2022-01-12");
        assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse("Dateline: 2022-02-30\n---\nHeadline\n"))
            .withMessageContaining("Malformed Dateline '2022-02-30'");
    }

    @Test
    void rejectsUnclosedHeader() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse("Dateline: 2022-01-12\nHeadline\n"))
            .withMessageContaining("not closed")
            .withMessageContaining("---");
    }

    @Test
    void rejectsEmptyCapture() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse(""))
            .withMessageContaining("empty");
        assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse("\uFEFF \r\n\r\n\t\n"))
            .withMessageContaining("empty");
    }

    @Test
    void rejectsHeaderWithoutHeadline() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse("Dateline: 2022-01-12\n---\n\n"))
            .withMessageContaining("no headline");
    }

    @Test
    void dropsCommentFormVariants() {
        assertThat(this.parser.parse("H\n\nText.\n\nLeave a Reply to Jane Doe Cancel reply\n\nComment *\n").blocks())
            .containsExactly(new Paragraph("Text."));
        assertThat(this.parser.parse("H\n\nText.\n\nLeave a Comment\n\nName *\n").blocks())
            .containsExactly(new Paragraph("Text."));
        assertThat(this.parser.parse("H\n\nText.\n\nYour email address will not be published. Required fields are marked *\n\nComment *")
            .blocks()).containsExactly(new Paragraph("Text."));
    }

    @Test
    void keepsSentencesThatMerelyMentionReplies() {
        ParsedArticle article = this.parser.parse("H\n\nLeave a reply below.\n\nLeave a Reply, he said, and they did.\n");
        assertThat(article.blocks()).containsExactly(new Paragraph("Leave a reply below."),
                new Paragraph("Leave a Reply, he said, and they did."));
    }

}
