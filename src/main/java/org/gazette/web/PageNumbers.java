package org.gazette.web;

/** Page numbers as readers type them into a URL: a plain positive number, or nothing for the first. */
final class PageNumbers {

    private static final int MAX_DIGITS = 9;

    private PageNumbers() {
    }

    /** The page asked for: absent is 1; anything but a plain positive number is 0, a page that never exists. */
    static int parse(String page) {
        if (page == null) {
            return 1;
        }
        if (page.isEmpty() || page.length() > MAX_DIGITS || !page.chars().allMatch((c) -> c >= '0' && c <= '9')) {
            return 0;
        }
        return Integer.parseInt(page);
    }

    /** How many pages {@code items} fill at {@code size} a page: at least one, which may be empty. */
    static int count(long items, int size) {
        return (int) Math.max(1, (items + size - 1) / size);
    }

}
