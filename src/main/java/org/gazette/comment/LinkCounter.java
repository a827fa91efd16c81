package org.gazette.comment;

/**
 * Counts the links in a comment, for the rule that holds a comment with more than
 * {@code max-links} of them for moderation.
 * <p>
 * A link is what a reader of the rendered comment can follow: an address in the text
 * that {@link CommentRenderer} turns into a link, or an {@code <a href>} tag it honours.
 * Each counts once, so {@code <a href="https://example.com">https://example.com</a>}
 * is one link, while the same address written twice is two. Addresses that are shown
 * but not linked (inside {@code <code>} or inside another link) and {@code <a>} tags
 * whose href is not an http(s) URL are not counted; an address inside markup shown as
 * text is linked, and counted, like any other.
 */
final class LinkCounter {

    private LinkCounter() {
    }

    /**
     * Count the links in the given comment text.
     * @param text the normalised comment text
     * @return the number of links
     */
    static int count(String text) {
        return CommentRenderer.countLinks(text);
    }

}
