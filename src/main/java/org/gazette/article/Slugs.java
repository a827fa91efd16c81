package org.gazette.article;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Derives the URL slug of an article from its headline: accents stripped, lower case,
 * runs of anything but ASCII letters and digits turned into a single {@code -}, at most
 * {@value #MAX_LENGTH} characters, cut at a dash. Apostrophes vanish rather than split a
 * word ({@code Stoltenberg’s} gives {@code stoltenbergs}). A headline with no Latin
 * letter or digit at all gives {@value #FALLBACK}.
 */
public final class Slugs {

    /** The longest slug {@link #of(String)} returns. */
    public static final int MAX_LENGTH = 80;

    /** The slug of a headline that has nothing to make one from. */
    public static final String FALLBACK = "article";

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final Pattern APOSTROPHES = Pattern.compile("['’ʼ]");

    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /**
     * Returns the slug for a headline.
     * @param headline the headline
     * @return its slug, never empty
     */
    public static String of(String headline) {
        String text = Normalizer.normalize(headline, Normalizer.Form.NFKD);
        text = MARKS.matcher(text).replaceAll("");
        text = foldLetters(text.toLowerCase(Locale.ROOT));
        text = APOSTROPHES.matcher(text).replaceAll("");
        text = SEPARATORS.matcher(text).replaceAll("-");
        text = stripDashes(text);
        if (text.length() > MAX_LENGTH) {
            int cut = text.lastIndexOf('-', MAX_LENGTH);
            text = stripDashes(text.substring(0, (cut > 0) ? cut : MAX_LENGTH));
        }
        return text.isEmpty() ? FALLBACK : text;
    }

    /** Latin letters that have no decomposition into a base letter and an accent. */
    private static String foldLetters(String text) {
        return text.replace("ß", "ss")
            .replace("æ", "ae")
            .replace("œ", "oe")
            .replace("ø", "o")
            .replace("ł", "l")
            .replace("đ", "d")
            .replace("ð", "d")
            .replace("þ", "th")
            .replace("ı", "i");
    }

    private static String stripDashes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '-') {
            end--;
        }
        return text.substring(start, end);
    }

}
