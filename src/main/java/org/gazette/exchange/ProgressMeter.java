package org.gazette.exchange;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows how far a command has come: on a terminal a bar with the counts, the rate and
 * the share of the file read, redrawn in place ({@code \r}) a few times a second; when
 * the output is a file or a pipe, a plain line every few seconds and one at the end.
 */
final class ProgressMeter {

    private static final int BAR_WIDTH = 24;

    private static final long REDRAW_NANOS = Duration.ofMillis(100).toNanos();

    private final PrintStream out;

    private final boolean terminal;

    private final long plainEveryNanos;

    private final LongSupplier nanoTime;

    private final String label;

    private final long started;

    private long lastShown;

    private int lastWidth;

    private Snapshot last = new Snapshot(0, 0, 0, 0, -1);

    ProgressMeter(PrintStream out, boolean terminal, Duration plainEvery, LongSupplier nanoTime, String label) {
        this.out = out;
        this.terminal = terminal;
        this.plainEveryNanos = plainEvery.toNanos();
        this.nanoTime = nanoTime;
        this.label = label;
        this.started = nanoTime.getAsLong();
        this.lastShown = this.started;
    }

    /** The counts so far; shown if it is time. */
    void advanced(Snapshot now) {
        this.last = now;
        long time = this.nanoTime.getAsLong();
        if (time - this.lastShown >= (this.terminal ? REDRAW_NANOS : this.plainEveryNanos)) {
            show(now, time);
            this.lastShown = time;
        }
    }

    /** Shows the last counts once more and ends the line. */
    void finish() {
        show(this.last, this.nanoTime.getAsLong());
        if (this.terminal) {
            this.out.print('\n');
        }
        this.out.flush();
    }

    private void show(Snapshot now, long time) {
        String line = line(now, time);
        if (this.terminal) {
            int pad = Math.max(0, this.lastWidth - line.length());
            this.out.print("\r" + line + " ".repeat(pad));
            this.lastWidth = line.length();
        }
        else {
            this.out.println(line);
        }
        this.out.flush();
    }

    String line(Snapshot now, long time) {
        StringBuilder line = new StringBuilder(this.label).append(": ");
        if (now.bytesTotal() > 0) {
            int percent = (int) Math.min(100, now.bytesRead() * 100 / now.bytesTotal());
            if (this.terminal) {
                int filled = percent * BAR_WIDTH / 100;
                line.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ");
            }
            line.append(String.format(Locale.ROOT, "%3d%%  ", percent));
        }
        line.append(count(now.articles(), "article")).append(", ").append(count(now.comments(), "comment"));
        if (now.skipped() > 0) {
            line.append(", ").append(String.format(Locale.ROOT, "%,d skipped", now.skipped()));
        }
        line.append(", ").append(rate(now.comments(), time - this.started)).append(" comments/s");
        return line.toString();
    }

    static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, (n == 1) ? "" : "s");
    }

    static String rate(long count, long nanos) {
        double seconds = Math.max(nanos, 1) / 1e9;
        return String.format(Locale.ROOT, "%,.0f", count / seconds);
    }

    static String seconds(Duration elapsed) {
        return String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
    }

    /** Counts at one moment; {@code bytesTotal} is -1 when unknown. */
    record Snapshot(long articles, long comments, long skipped, long bytesRead, long bytesTotal) {

    }

}
