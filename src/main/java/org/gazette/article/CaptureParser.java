package org.gazette.article;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the plain-text capture of a news page into a {@link ParsedArticle}.
 * <p>
 * The format, as the seed article shows it:
 * <ul>
 * <li>an optional metadata header at the top: {@code Key: value} lines closed by a line
 * {@code ---}; {@code Dateline: 2022-01-12} is read, other keys are ignored (a later line
 * wins over an earlier one with the same key);</li>
 * <li>the first line after it is the headline; a first block repeating the headline is a
 * capture artefact and dropped;</li>
 * <li>blocks are separated by blank lines; the lines of one block are joined with a
 * space;</li>
 * <li>a block ending in a credit in parentheses after a finished sentence is a photo
 * caption, e.g. {@code ... 2022. (Olivier Hoslet / Associated Press)};</li>
 * <li>a short block without closing punctuation is a subheading;</li>
 * <li>the page's comment form ({@code Leave a Reply}, {@code Your email address will not
 * be published...}) ends the article: it and everything after it is dropped.</li>
 * </ul>
 * Line endings (CRLF, CR) are normalised and a leading byte order mark is dropped;
 * otherwise the text is kept as it is, typos and curly quotes included. This class is
 * stateless and thread-safe.
 */
public final class CaptureParser {

    /** The longest subheading, in characters. */
    static final int SUBHEADING_MAX_LENGTH = 80;

    /** The longest subheading, in words. */
    static final int SUBHEADING_MAX_WORDS = 12;

    /** The longest credit, in characters. */
    static final int CREDIT_MAX_LENGTH = 100;

    /** The longest credit, in words. */
    static final int CREDIT_MAX_WORDS = 12;

    private static final String HEADER_END = "---";

    private static final String DATELINE = "dateline";

    private static final Pattern HEADER_LINE = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)\\s*:(.*)");

    /**
     * The end of one sentence and the start of another: a word of three or more lower-case
     * letters (not an abbreviation such as "Mr." or "U.S.") or any word before "!" or "?",
     * then more text.
     */
    private static final Pattern SENTENCE_BOUNDARY = Pattern
        .compile("(?:\\p{Ll}{3,}[.…]|[!?])[\"'”’»)\\]]*\\s+\\S");

    private static final Pattern COMMENT_FORM_TITLE = Pattern
        .compile("(?i)leave an? (?:reply|comment)(?: to .{1,100})?");

    private static final String COMMENT_FORM_NOTE = "your email address will not be published";

    /** Punctuation that closes a sentence or clause: a line ending in one is not a heading. */
    private static final String CLOSING_PUNCTUATION = ".!?:;,…";

    /** Punctuation that ends a sentence: a caption's text ends in one before the credit. */
    private static final String SENTENCE_END = ".!?…";

    private static final String QUOTES = "\"'“”„‟«»‘’‚‛";

    private static final String CLOSING_QUOTES = "\"'”’»";

    /** What may follow the closing punctuation of a sentence: quotation marks and brackets. */
    private static final String TRAILING_CLOSERS = QUOTES + ")]";

    /** Characters a credit never holds (sentence punctuation and quotation marks). */
    private static final String NOT_IN_CREDIT = "!?;()“”„\"«»";

    /**
     * Parses a capture.
     * @param capture the text of the capture
     * @return the article it holds
     * @throws IllegalArgumentException if the capture is empty, has a header but no
     * headline, a header without its closing {@code ---} line or a malformed dateline
     */
    public ParsedArticle parse(String capture) {
        Objects.requireNonNull(capture, "capture must not be null");
        List<String> lines = normalise(capture).lines().toList();
        Header header = readHeader(lines);
        int index = skipBlankLines(lines, header.end());
        if (index == lines.size()) {
            throw new IllegalArgumentException(header.present()
                    ? "The capture has a header but no headline after its '---' line"
                    : "The capture is empty: expected a headline on its first line");
        }
        String headline = trim(lines.get(index));
        List<String> texts = blocks(lines.subList(index + 1, lines.size()));
        if (!texts.isEmpty() && sameText(texts.get(0), headline)) {
            texts.remove(0);
        }
        List<Block> blocks = new ArrayList<>();
        for (String text : texts) {
            if (isCommentForm(text)) {
                break;
            }
            blocks.add(classify(text));
        }
        return new ParsedArticle(headline, header.dateline(), blocks);
    }

    private static String normalise(String capture) {
        String text = capture.startsWith("\uFEFF") ? capture.substring(1) : capture;
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Reads the metadata header: {@code Key: value} lines closed by a line {@code ---}.
     * Lines that do not end in such a line are no header, but the capture's first lines.
     */
    private static Header readHeader(List<String> lines) {
        int start = skipBlankLines(lines, 0);
        String datelineValue = null;
        int datelineLine = 0;
        for (int index = start; index < lines.size(); index++) {
            String line = trim(lines.get(index));
            if (line.equals(HEADER_END)) {
                LocalDate dateline = (datelineValue != null) ? parseDateline(datelineValue, datelineLine) : null;
                return new Header(true, dateline, index + 1);
            }
            Matcher matcher = HEADER_LINE.matcher(line);
            if (!matcher.matches()) {
                break;
            }
            if (matcher.group(1).toLowerCase(Locale.ROOT).equals(DATELINE)) {
                datelineValue = matcher.group(2).strip();
                datelineLine = index + 1;
            }
        }
        if (start < lines.size() && startsWithKnownKey(trim(lines.get(start)))) {
            throw new IllegalArgumentException("The capture's header starting on line " + (start + 1)
                    + " is not closed: expected 'Key: value' lines followed by a line '---'");
        }
        return new Header(false, null, 0);
    }

    private static boolean startsWithKnownKey(String line) {
        Matcher matcher = HEADER_LINE.matcher(line);
        return matcher.matches() && matcher.group(1).toLowerCase(Locale.ROOT).equals(DATELINE);
    }

    private static LocalDate parseDateline(String value, int lineNumber) {
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("Malformed Dateline '" + value + "' on line " + lineNumber
                    + " of the capture's header: expected a date like 2022-01-12", ex);
        }
    }

    private static int skipBlankLines(List<String> lines, int from) {
        int index = from;
        while (index < lines.size() && trim(lines.get(index)).isEmpty()) {
            index++;
        }
        return index;
    }

    /** Groups lines into blocks separated by blank lines, each joined with a space. */
    private static List<String> blocks(List<String> lines) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        for (String line : lines) {
            String text = trim(line);
            if (text.isEmpty()) {
                addBlock(blocks, block);
            }
            else {
                block.append(block.isEmpty() ? "" : " ").append(text);
            }
        }
        addBlock(blocks, block);
        return blocks;
    }

    private static void addBlock(List<String> blocks, StringBuilder block) {
        if (!block.isEmpty()) {
            blocks.add(block.toString());
            block.setLength(0);
        }
    }

    private static boolean sameText(String a, String b) {
        return a.replaceAll("\\s+", " ").equals(b.replaceAll("\\s+", " "));
    }

    private static boolean isCommentForm(String text) {
        return (COMMENT_FORM_TITLE.matcher(text).matches() && !endsWithAny(text, SENTENCE_END))
                || text.toLowerCase(Locale.ROOT).startsWith(COMMENT_FORM_NOTE);
    }

    private static Block classify(String text) {
        Photo photo = photo(text);
        if (photo != null) {
            return photo;
        }
        return isSubheading(text) ? new Subheading(text) : new Paragraph(text);
    }

    /**
     * A caption ends with a credit in parentheses, right after a finished sentence: the
     * credit is short, has no sentence punctuation (periods only after initials, as in
     * "J.D. Smith") and reads like a name (most of its words capitalised).
     */
    private static Photo photo(String text) {
        if (!text.endsWith(")")) {
            return null;
        }
        int open = text.lastIndexOf('(');
        if (open <= 0) {
            return null;
        }
        String caption = trim(text.substring(0, open));
        String credit = trim(text.substring(open + 1, text.length() - 1));
        if (caption.isEmpty() || !endsWithAny(caption, SENTENCE_END + CLOSING_QUOTES) || !isCredit(credit)) {
            return null;
        }
        return new Photo(caption, credit);
    }

    private static boolean isCredit(String credit) {
        if (credit.isEmpty() || credit.length() > CREDIT_MAX_LENGTH) {
            return false;
        }
        int first = credit.codePointAt(0);
        if (!Character.isUpperCase(first) && !Character.isDigit(first)) {
            return false;
        }
        for (int i = 0; i < credit.length(); i++) {
            char c = credit.charAt(i);
            if (NOT_IN_CREDIT.indexOf(c) >= 0 || (c == '.' && !followsInitial(credit, i))) {
                return false;
            }
        }
        String[] words = credit.split("[\\s/]+");
        long lowercase = 0;
        for (String word : words) {
            if (!word.isEmpty() && Character.isLowerCase(word.codePointAt(0))) {
                lowercase++;
            }
        }
        return words.length <= CREDIT_MAX_WORDS && lowercase * 2 <= words.length;
    }

    /** Whether the period at {@code index} follows a single capital letter (an initial). */
    private static boolean followsInitial(String text, int index) {
        return index >= 1 && Character.isUpperCase(text.charAt(index - 1))
                && (index == 1 || !Character.isLetter(text.charAt(index - 2)));
    }

    /**
     * A subheading is short, holds a letter and has no closing punctuation, also not
     * inside closing quotation marks or brackets ({@code ... issues. “},
     * {@code Sales fell. (Really?)}). A quoted sentence, starting and ending with a
     * quotation mark, is a paragraph, and so are two sentences in a line
     * ({@code The vote passed. (See below)}).
     */
    private static boolean isSubheading(String text) {
        if (text.length() > SUBHEADING_MAX_LENGTH || text.split("\\s+").length > SUBHEADING_MAX_WORDS
                || text.chars().noneMatch(Character::isLetter)) {
            return false;
        }
        boolean quoted = QUOTES.indexOf(text.charAt(0)) >= 0 && QUOTES.indexOf(text.charAt(text.length() - 1)) >= 0;
        if (quoted || SENTENCE_BOUNDARY.matcher(text).find()) {
            return false;
        }
        int end = text.length();
        while (end > 0 && (TRAILING_CLOSERS.indexOf(text.charAt(end - 1)) >= 0 || isSpace(text.charAt(end - 1)))) {
            end--;
        }
        return end > 0 && CLOSING_PUNCTUATION.indexOf(text.charAt(end - 1)) < 0;
    }

    private static boolean endsWithAny(String text, String characters) {
        return !text.isEmpty() && characters.indexOf(text.charAt(text.length() - 1)) >= 0;
    }

    /** Strips whitespace, no-break spaces, zero-width spaces and byte order marks at both ends. */
    private static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    /**
     * The metadata header.
     *
     * @param present whether the capture has one
     * @param dateline its dateline, or {@code null}
     * @param end the index of the first line after it
     */
    private record Header(boolean present, LocalDate dateline, int end) {

    }

    /**
     * What a capture holds.
     *
     * @param headline the headline
     * @param dateline the day from the header's {@code Dateline}, or {@code null} when the
     * capture has none
     * @param blocks the body, in order
     */
    public record ParsedArticle(String headline, LocalDate dateline, List<Block> blocks) {

        public ParsedArticle {
            Objects.requireNonNull(headline, "headline must not be null");
            blocks = List.copyOf(blocks);
        }

    }

    /** One block of a parsed body. */
    public sealed interface Block permits Paragraph, Subheading, Photo {

    }

    /**
     * A paragraph of text.
     *
     * @param text its text
     */
    public record Paragraph(String text) implements Block {

    }

    /**
     * A subheading.
     *
     * @param text its text
     */
    public record Subheading(String text) implements Block {

    }

    /**
     * A photo, of which the capture holds the caption and the credit only.
     *
     * @param caption the caption text, without the credit
     * @param credit who took or supplied the photo
     */
    public record Photo(String caption, String credit) implements Block {

    }

}
