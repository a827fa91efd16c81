package org.gazette.exchange;

import java.time.Duration;
import java.time.Instant;

/**
 * An import started on the desk, as its row stands: the job on the node that runs it
 * writes its progress about once a second ({@code updatedAt}), so a running job whose row
 * has not moved for {@link #STALE_AFTER} was lost with its node.
 */
record ImportJob(long id, String fileName, long fileBytes, String format, State state, String phase, long bytesRead,
        long articles, long comments, long skipped, String summary, String message, String startedBy,
        Instant startedAt, Instant updatedAt, Instant finishedAt) {

    /** How long a running job's row may stand still before the job counts as lost. */
    static final Duration STALE_AFTER = Duration.ofSeconds(30);

    /** Whether it was running on a node that stopped or died: its row stopped moving. */
    boolean lost(Instant now) {
        return this.state == State.RUNNING && this.updatedAt.plus(STALE_AFTER).isBefore(now);
    }

    /** Where a job stands. */
    enum State {

        RUNNING, DONE, FAILED

    }

}
