package org.gazette.exchange;

import java.time.Instant;

/**
 * A Disqus thread: the page its comments were under.
 *
 * @param id Disqus's id for it ({@code dsq:id})
 * @param link the page's address, whose last path segment is matched to an article's slug
 * @param title the page's title, the headline of a stub article
 * @param createdAt when it was created
 * @param closed whether it took no more comments
 */
record DisqusThread(String id, String link, String title, Instant createdAt, boolean closed) {

    /** The slug the link names: its last non-empty path segment, or {@code null}. */
    String linkSlug() {
        if (this.link == null) {
            return null;
        }
        String path = this.link.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "").replaceFirst("[?#].*$", "");
        String[] segments = path.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            String segment = segments[i].strip().toLowerCase(java.util.Locale.ROOT);
            if (!segment.isEmpty()) {
                segment = segment.replaceFirst("\\.(html?|php)$", "");
                return segment.matches("[a-z0-9]+(?:-[a-z0-9]+)*") ? segment : null;
            }
        }
        return null;
    }

    String sourceKey() {
        return "disqus:thread:" + this.id;
    }

}
