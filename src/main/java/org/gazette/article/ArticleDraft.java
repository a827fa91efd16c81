package org.gazette.article;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.gazette.article.BodyText.Block;
import org.gazette.article.BodyText.MalformedPhoto;
import org.gazette.article.BodyText.Paragraph;
import org.gazette.article.BodyText.Photo;
import org.gazette.article.BodyText.Subheading;

/**
 * An article as an editor wrote it on the desk, checked: {@link #check} applies the
 * form's rules (required fields, the columns' sizes, photos from the library with alt
 * text) and answers either a draft ready to save or the problems, each for its field
 * with a message code and its arguments.
 *
 * @param headline the headline, trimmed
 * @param dateline the day the article is dated
 * @param byline who wrote it, or {@code null}
 * @param standfirst the line under the headline, or {@code null}
 * @param body the blocks of the body, none malformed
 * @param commentsOpen whether it takes comments
 */
public record ArticleDraft(String headline, LocalDate dateline, String byline, String standfirst, List<Block> body,
        boolean commentsOpen) {

    /** The longest headline (the column's size). */
    public static final int HEADLINE_MAX = 500;

    /** The longest byline. */
    public static final int BYLINE_MAX = 300;

    /** The longest standfirst. */
    public static final int STANDFIRST_MAX = 1000;

    /** The longest paragraph. */
    public static final int PARAGRAPH_MAX = 20000;

    /** The longest subheading. */
    public static final int SUBHEADING_MAX = 500;

    /** The longest caption. */
    public static final int CAPTION_MAX = 4000;

    /** The longest credit. */
    public static final int CREDIT_MAX = 300;

    /** The longest alt text. */
    public static final int ALT_TEXT_MAX = 1000;

    private static final int FIRST_YEAR = 1900;

    private static final int LAST_YEAR = 9999;

    public ArticleDraft {
        body = List.copyOf(body);
    }

    /**
     * Checks what an editor typed.
     * @param text the form's fields as typed
     * @param photos the library the body's images must come from
     * @return the draft, or every problem found
     */
    public static Checked check(Text text, PhotoShelf photos) {
        List<Problem> problems = new ArrayList<>();
        String headline = strip(text.headline());
        if (headline.isEmpty()) {
            problems.add(new Problem("headline", "article.headline.required"));
        }
        else if (headline.length() > HEADLINE_MAX) {
            problems.add(new Problem("headline", "article.headline.tooLong", HEADLINE_MAX));
        }
        LocalDate dateline = dateline(strip(text.dateline()), problems);
        String byline = optional(text.byline(), "byline", BYLINE_MAX, problems);
        String standfirst = optional(text.standfirst(), "standfirst", STANDFIRST_MAX, problems);
        List<Block> body = BodyText.parse(text.body());
        if (body.isEmpty()) {
            problems.add(new Problem("body", "article.body.required"));
        }
        checkBody(body, photos, problems);
        if (!problems.isEmpty()) {
            return new Invalid(problems);
        }
        return new Valid(new ArticleDraft(headline, dateline, byline, standfirst, body, text.commentsOpen()));
    }

    /** The draft an existing article reads as: what the form shows for editing it. */
    public static Text textOf(Article article, ZoneId zone) {
        return new Text(article.getHeadline(), article.getPublishedAt().atZone(zone).toLocalDate().toString(),
                article.getByline(), article.getStandfirst(), BodyText.of(article.getBlocks()),
                article.isCommentsOpen());
    }

    private static LocalDate dateline(String dateline, List<Problem> problems) {
        if (dateline.isEmpty()) {
            problems.add(new Problem("dateline", "article.dateline.required"));
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(dateline);
            if (day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR) {
                return day;
            }
        }
        catch (DateTimeParseException ex) {
            // refused below
        }
        problems.add(new Problem("dateline", "article.dateline.invalid"));
        return null;
    }

    private static String optional(String value, String field, int max, List<Problem> problems) {
        String text = strip(value);
        if (text.length() > max) {
            problems.add(new Problem(field, "article." + field + ".tooLong", max));
        }
        return text.isEmpty() ? null : text;
    }

    private static void checkBody(List<Block> body, PhotoShelf photos, List<Problem> problems) {
        int paragraphs = 0;
        int subheadings = 0;
        int photoNumber = 0;
        for (Block block : body) {
            if (block instanceof Paragraph paragraph) {
                paragraphs++;
                if (paragraph.text().length() > PARAGRAPH_MAX) {
                    problems.add(body("article.body.paragraphTooLong", paragraphs, PARAGRAPH_MAX));
                }
            }
            else if (block instanceof Subheading subheading) {
                subheadings++;
                if (subheading.text().isEmpty()) {
                    problems.add(body("article.body.subheadingEmpty", subheadings));
                }
                else if (subheading.text().length() > SUBHEADING_MAX) {
                    problems.add(body("article.body.subheadingTooLong", subheadings, SUBHEADING_MAX));
                }
            }
            else if (block instanceof Photo photo) {
                photoNumber++;
                checkPhoto(photo, photoNumber, photos, problems);
            }
            else if (block instanceof MalformedPhoto) {
                photoNumber++;
                problems.add(body("article.body.photoMalformed", photoNumber));
            }
        }
    }

    private static void checkPhoto(Photo photo, int n, PhotoShelf photos, List<Problem> problems) {
        if (photo.hasImage()) {
            if (!photos.holds(photo.imageUrl())) {
                problems.add(body("article.body.photoUnknown", n, photo.imageUrl()));
            }
            if (photo.altText().isEmpty()) {
                problems.add(body("article.body.altRequired", n));
            }
            else if (photo.altText().length() > ALT_TEXT_MAX) {
                problems.add(body("article.body.altTooLong", n, ALT_TEXT_MAX));
            }
        }
        else if (!photo.altText().isEmpty()) {
            problems.add(body("article.body.altWithoutImage", n));
        }
        if (photo.caption().isEmpty()) {
            problems.add(body("article.body.captionRequired", n));
        }
        else if (photo.caption().length() > CAPTION_MAX) {
            problems.add(body("article.body.captionTooLong", n, CAPTION_MAX));
        }
        if (photo.credit().length() > CREDIT_MAX) {
            problems.add(body("article.body.creditTooLong", n, CREDIT_MAX));
        }
    }

    private static Problem body(String code, Object... arguments) {
        return new Problem("body", code, arguments);
    }

    private static String strip(String value) {
        return (value != null) ? value.strip() : "";
    }

    /**
     * The form's fields as an editor typed them.
     *
     * @param headline the headline
     * @param dateline the date, {@code YYYY-MM-DD}
     * @param byline the byline, blank for none
     * @param standfirst the standfirst, blank for none
     * @param body the body text (see {@link BodyText})
     * @param commentsOpen whether it takes comments
     */
    public record Text(String headline, String dateline, String byline, String standfirst, String body,
            boolean commentsOpen) {

    }

    /** The outcome of {@link #check}. */
    public sealed interface Checked permits Valid, Invalid {

    }

    /** Everything typed obeys the rules. */
    public record Valid(ArticleDraft draft) implements Checked {

    }

    /** Something typed breaks a rule. */
    public record Invalid(List<Problem> problems) implements Checked {

    }

    /**
     * A rule broken.
     *
     * @param field the form field it belongs to
     * @param code the message code saying what to do
     * @param arguments the message's arguments
     */
    public record Problem(String field, String code, Object... arguments) {

    }

}
