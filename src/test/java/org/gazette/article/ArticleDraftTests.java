package org.gazette.article;

import java.time.LocalDate;
import java.util.List;

import org.gazette.article.ArticleDraft.Checked;
import org.gazette.article.ArticleDraft.Invalid;
import org.gazette.article.ArticleDraft.Problem;
import org.gazette.article.ArticleDraft.Text;
import org.gazette.article.ArticleDraft.Valid;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ArticleDraftTests {

    private static final PhotoShelf LIBRARY = "/media/known.jpg"::equals;

    @Test
    void acceptsAWholeArticleTrimmedWithOptionalFieldsLeftOut() {
        ArticleDraft draft = valid(new Text("  Headline  ", "2022-01-12", " ", "", "Body.", false));
        assertThat(draft.headline()).isEqualTo("Headline");
        assertThat(draft.dateline()).isEqualTo(LocalDate.of(2022, 1, 12));
        assertThat(draft.byline()).isNull();
        assertThat(draft.standfirst()).isNull();
        assertThat(draft.commentsOpen()).isFalse();
        assertThat(draft.body()).containsExactly(new BodyText.Paragraph("Body."));
    }

    @Test
    void refusesMissingHeadlineDatelineAndBodyEachOnItsField() {
        assertThat(problems(new Text(" ", "", null, null, "\n\n", true))).extracting(Problem::field, Problem::code)
            .containsExactly(tuple("headline", "article.headline.required"),
                    tuple("dateline", "article.dateline.required"), tuple("body", "article.body.required"));
    }

    @Test
    void capsTheHeadlineBylineAndStandfirstAtTheirColumnsSizes() {
        assertThat(check(text("h".repeat(500), "Body."))).isInstanceOf(Valid.class);
        assertThat(problems(new Text("h".repeat(501), "2022-01-12", "b".repeat(301), "s".repeat(1001), "Body.",
                true)))
            .extracting(Problem::field, Problem::code)
            .containsExactly(tuple("headline", "article.headline.tooLong"), tuple("byline", "article.byline.tooLong"),
                    tuple("standfirst", "article.standfirst.tooLong"));
    }

    @Test
    void refusesADatelineThatIsNotADate() {
        assertThat(problems(new Text("H", "12/01/2022", "", "", "Body.", true))).extracting(Problem::code)
            .containsExactly("article.dateline.invalid");
        assertThat(problems(new Text("H", "2022-02-30", "", "", "Body.", true))).extracting(Problem::code)
            .containsExactly("article.dateline.invalid");
    }

    @Test
    void anImageMustBeAPhotoInTheLibrary() {
        assertThat(check(text("H", "![A lectern](/media/known.jpg)\nCaption. (Credit)"))).isInstanceOf(Valid.class);
        assertThat(problems(text("H", "Intro.\n\n![A lectern](/media/elsewhere.jpg)\nCaption.")))
            .extracting(Problem::field, Problem::code, (p) -> List.of(p.arguments()))
            .containsExactly(tuple("body", "article.body.photoUnknown", List.of(1, "/media/elsewhere.jpg")));
        assertThat(problems(text("H", "![A lectern](https://evil.example/x.jpg)\nCaption."))).extracting(Problem::code)
            .containsExactly("article.body.photoUnknown");
    }

    @Test
    void anImageNeedsAltTextAndAFrameWithoutOneHasNone() {
        assertThat(problems(text("H", "![](/media/known.jpg)\nCaption."))).extracting(Problem::code)
            .containsExactly("article.body.altRequired");
        assertThat(problems(text("H", "![Described]()\nCaption."))).extracting(Problem::code)
            .containsExactly("article.body.altWithoutImage");
        assertThat(check(text("H", "![]()\nA frame's caption. (Credit)"))).isInstanceOf(Valid.class);
    }

    @Test
    void everyPhotoNeedsACaptionAndNumbersItsProblems() {
        assertThat(problems(text("H", "![]()\nFirst.\n\n![]()\n\n![A](/media/nowhere.jpg")))
            .extracting(Problem::code, (p) -> p.arguments()[0])
            .containsExactly(tuple("article.body.captionRequired", 2), tuple("article.body.photoMalformed", 3));
    }

    @Test
    void refusesAnEmptySubheadingAndOverlongBlocks() {
        assertThat(problems(text("H", "##\n\n" + "p".repeat(20001) + "\n\n## " + "s".repeat(501))))
            .extracting(Problem::code)
            .containsExactly("article.body.subheadingEmpty", "article.body.paragraphTooLong",
                    "article.body.subheadingTooLong");
    }

    private static Text text(String headline, String body) {
        return new Text(headline, "2022-01-12", "", "", body, true);
    }

    private static Checked check(Text text) {
        return ArticleDraft.check(text, LIBRARY);
    }

    private static ArticleDraft valid(Text text) {
        Checked checked = check(text);
        assertThat(checked).isInstanceOf(Valid.class);
        return ((Valid) checked).draft();
    }

    private static List<Problem> problems(Text text) {
        Checked checked = check(text);
        assertThat(checked).isInstanceOf(Invalid.class);
        return ((Invalid) checked).problems();
    }

}
