package org.gazette.exchange;

import java.time.Duration;

/**
 * How far an import has come, for a progress bar. The file is read twice: once to
 * check all of it ({@link Phase#CHECKING}, nothing is written), then to write it
 * ({@link Phase#WRITING}); the byte count starts again for each. A Disqus export that
 * is written in several passes counts each pass's bytes as its share of the file, so
 * the bar still runs once from 0 to 100.
 *
 * @param phase what is being done
 * @param articles articles read so far (written, in the writing phase)
 * @param comments comments read so far (written or found already there)
 * @param skipped items skipped so far (pingbacks, pages, attachments...)
 * @param bytesRead bytes of the file read in this phase
 * @param totalBytes the size of the file
 * @param elapsed time since the import started
 */
public record ImportCounts(Phase phase, long articles, long comments, long skipped, long bytesRead,
        long totalBytes, Duration elapsed) {

    /** The share of the file read in this phase, 0 to 100. */
    public int percent() {
        return (this.totalBytes <= 0) ? 100 : (int) Math.min(100, this.bytesRead * 100 / this.totalBytes);
    }

    /** Comments per second since the import started. */
    public double commentsPerSecond() {
        return this.comments / Math.max(0.001, this.elapsed.toNanos() / 1e9);
    }

    /** The two passes over a file. */
    public enum Phase {

        /** Reading the whole file to check it; nothing is written. */
        CHECKING,

        /** Writing it, article by article. */
        WRITING

    }

}
