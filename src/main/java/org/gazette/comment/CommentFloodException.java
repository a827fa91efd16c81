package org.gazette.comment;

import java.time.Duration;

/** The same client address commented less than the flood interval ago. */
public class CommentFloodException extends RuntimeException {

    private final Duration retryAfter;

    public CommentFloodException(Duration retryAfter) {
        super("Too soon after the last comment");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
    }

}
