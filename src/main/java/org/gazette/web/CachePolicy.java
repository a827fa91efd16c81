package org.gazette.web;

/** Cache-Control values: shared pages revalidate every time; personal ones are never stored. */
final class CachePolicy {

    /**
     * Anonymous pages: the same bytes for every reader. Browsers revalidate on every view
     * (a commenter never meets a stale copy of the page they just posted to); a shared
     * cache keeps a page for one second, so a change made on any node reaches readers
     * behind it within about a second, and revalidates with the ETag after that (a 304
     * costs a node little). When no node answers, the cache may serve its last copy for
     * a day rather than an error.
     */
    static final String PUBLIC = "public, max-age=0, must-revalidate, s-maxage=1, stale-if-error=86400";

    /** Pages that carry something of one reader's (their held comment, what they typed). */
    static final String PRIVATE = "private, no-store";

    private CachePolicy() {
    }

}
