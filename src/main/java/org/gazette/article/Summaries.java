package org.gazette.article;

/**
 * Shortens a paragraph to a meta description of at most 160 characters, cut at a
 * word boundary.
 */
final class Summaries {

    static final int MAX = 160;

    private Summaries() {
    }

    static String of(String paragraph) {
        String text = paragraph.strip().replaceAll("\\s+", " ");
        if (text.length() <= MAX) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX - 1);
        if (cut < MAX / 2) {
            cut = MAX - 1;
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }

}
