package org.gazette.web;

/** Cache-Control values: shared pages revalidate every time; personal ones are never stored. */
final class CachePolicy {

    /**
     * Anonymous pages: the same bytes for every reader. Browsers revalidate on every view
     * (a commenter never meets a stale copy of the page they just posted to); a shared
     * cache may keep a page briefly and serve it while it revalidates.
     */
    static final String PUBLIC = "public, max-age=0, must-revalidate, s-maxage=30, stale-while-revalidate=60";

    /** Pages that carry something of one reader's (their held comment, what they typed). */
    static final String PRIVATE = "private, no-store";

    private CachePolicy() {
    }

}
