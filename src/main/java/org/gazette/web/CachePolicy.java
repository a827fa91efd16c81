package org.gazette.web;

/** Cache-Control values: shared pages revalidate every time; personal ones are never stored. */
final class CachePolicy {

    /** Anonymous pages: the same bytes for every reader, revalidated on every view. */
    static final String PUBLIC = "public, max-age=0, must-revalidate";

    /** Pages that carry something of one reader's (their held comment, what they typed). */
    static final String PRIVATE = "private, no-store";

    private CachePolicy() {
    }

}
