package org.gazette.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An article's body as the desk's form writes it: paragraphs separated by blank lines; a
 * paragraph starting {@code ## } is a subheading; a paragraph whose first line is an
 * image in Markdown syntax, {@code ![alt text](/media/photo.jpg)}, is a photo whose
 * further lines are its caption, with the credit in parentheses at its end
 * ({@code ![]()} for a captioned frame without an image). The reverse,
 * {@link #of(List)}, gives the text an article's blocks are edited as.
 */
public final class BodyText {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\u00a0]*\\n(?:[ \\t\\u00a0]*\\n)*");

    private static final Pattern IMAGE_LINE = Pattern.compile("!\\[([^\\]]*)\\]\\(([^()\\s]*)\\)");

    private static final Pattern CREDIT = Pattern.compile("(?s)(.*?)\\s*\\(([^()]*)\\)");

    private static final String SUBHEADING = "## ";

    private BodyText() {
    }

    /** The blocks of a body, in order; a blank body has none. */
    public static List<Block> parse(String body) {
        String text = (body != null) ? body.replace("\r\n", "\n").replace('\r', '\n').strip() : "";
        List<Block> blocks = new ArrayList<>();
        if (text.isEmpty()) {
            return blocks;
        }
        for (String chunk : BLANK_LINES.split(text)) {
            blocks.add(block(chunk.strip()));
        }
        return blocks;
    }

    /** The body text of an article's blocks, as the form shows it for editing. */
    public static String of(List<ArticleBlock> blocks) {
        List<String> parts = new ArrayList<>();
        for (ArticleBlock block : blocks) {
            if (block.isSubheading()) {
                parts.add(SUBHEADING + block.getText());
            }
            else if (block.isPhoto()) {
                PhotoCaption photo = block.getPhoto();
                parts.add(photoText(photo.getAltText(), photo.getImageUrl(), photo.getCaption(), photo.getCredit()));
            }
            else {
                parts.add(block.getText());
            }
        }
        return String.join("\n\n", parts);
    }

    /** A photo block's text: the image line, then the caption with its credit. */
    public static String photoText(String altText, String imageUrl, String caption, String credit) {
        String image = "![" + blankIfNull(altText) + "](" + blankIfNull(imageUrl) + ")";
        String captionLine = blankIfNull(caption);
        if (credit != null && !credit.isBlank()) {
            captionLine = captionLine.isEmpty() ? "(" + credit + ")" : captionLine + " (" + credit + ")";
        }
        return captionLine.isEmpty() ? image : image + "\n" + captionLine;
    }

    private static Block block(String chunk) {
        if (chunk.startsWith(SUBHEADING) || chunk.equals("##")) {
            return new Subheading(joinLines(chunk.substring(2)));
        }
        if (chunk.startsWith("![")) {
            int end = chunk.indexOf('\n');
            String first = (end < 0) ? chunk : chunk.substring(0, end).strip();
            String rest = (end < 0) ? "" : joinLines(chunk.substring(end + 1));
            Matcher image = IMAGE_LINE.matcher(first);
            if (!image.matches()) {
                return new MalformedPhoto(chunk);
            }
            String caption = rest;
            String credit = "";
            Matcher credited = CREDIT.matcher(rest);
            if (credited.matches()) {
                caption = credited.group(1).strip();
                credit = credited.group(2).strip();
            }
            return new Photo(image.group(1).strip(), image.group(2).strip(), caption, credit);
        }
        return new Paragraph(joinLines(chunk));
    }

    /** The lines of one block as one line: a line break inside a paragraph is a space. */
    private static String joinLines(String text) {
        return text.strip().replaceAll("[ \\t\\u00a0]*\\n[ \\t\\u00a0]*", " ");
    }

    private static String blankIfNull(String text) {
        return (text != null) ? text : "";
    }

    /** One block of a body as written. */
    public sealed interface Block permits Paragraph, Subheading, Photo, MalformedPhoto {

    }

    /** A paragraph of text. */
    public record Paragraph(String text) implements Block {

    }

    /** A subheading, written {@code ## Text}. */
    public record Subheading(String text) implements Block {

    }

    /**
     * A photo: the image's address and alt text (both empty for a frame without an
     * image), the caption and the credit (empty when there is none).
     */
    public record Photo(String altText, String imageUrl, String caption, String credit) implements Block {

        public boolean hasImage() {
            return !this.imageUrl.isEmpty();
        }

    }

    /** A paragraph that starts like an image but is not written as one. */
    public record MalformedPhoto(String text) implements Block {

    }

}
