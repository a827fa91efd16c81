package org.gazette.comment;

import java.time.Instant;
import java.util.Comparator;

/**
 * Where a top-level comment stands in its article's thread order: oldest first, ties
 * broken by id.
 *
 * @param id the top-level comment
 * @param createdAt when it was posted
 */
public record ThreadKey(Long id, Instant createdAt) {

    static final Comparator<ThreadKey> ORDER = Comparator.comparing(ThreadKey::createdAt)
        .thenComparing(ThreadKey::id);

    boolean isBefore(ThreadKey other) {
        return ORDER.compare(this, other) < 0;
    }

}
