package org.gazette.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A desk import as the page and its JSON show it: the state (with a job lost with its node
 * told apart), the share of the file read, the counts and rate as text, the summary's
 * lines or the refusal.
 *
 * @param state {@code running}, {@code done}, {@code failed} or {@code lost}
 * @param percent the share of the file read in the current pass, 0 to 100
 * @param showsCounts whether the counts are worth showing (not for a file refused at once)
 */
record ImportJobView(long id, String fileName, String state, String stateText, int percent, String progressText,
        boolean showsCounts, List<String> summary, String message, String startedBy, Instant startedAt, Instant finishedAt) {

    static ImportJobView of(ImportJob job, Instant now, MessageSource messages) {
        String state = job.lost(now) ? "lost" : job.state().name().toLowerCase(java.util.Locale.ROOT);
        int percent = (job.fileBytes() <= 0) ? 0 : (int) Math.min(100, job.bytesRead() * 100 / job.fileBytes());
        String phase = "CHECKING".equals(job.phase()) ? "checking" : "writing";
        Instant until = (job.finishedAt() != null) ? job.finishedAt() : job.updatedAt();
        Duration elapsed = Duration.between(job.startedAt(), until);
        String progress = message(messages, "import.job.progress", ProgressMeter.count(job.articles(), "article"),
                ProgressMeter.count(job.comments(), "comment"), ProgressMeter.rate(job.comments(), elapsed.toNanos()),
                ProgressMeter.seconds(elapsed));
        String stateText = switch (state) {
            case "running" -> message(messages, "import.job.running." + phase, percent);
            case "lost" -> message(messages, "import.job.lost");
            default -> message(messages, "import.job." + state);
        };
        String lostMessage = job.lost(now) ? message(messages, "import.job.lost.message") : job.message();
        List<String> summary = (job.summary() != null) ? job.summary().lines().toList() : List.of();
        boolean showsCounts = job.state() != ImportJob.State.FAILED || job.articles() > 0 || job.comments() > 0;
        return new ImportJobView(job.id(), job.fileName(), state, stateText, percent, progress, showsCounts, summary,
                lostMessage,
                job.startedBy(), job.startedAt(), job.finishedAt());
    }

    public boolean isRunning() {
        return "running".equals(this.state);
    }

    private static String message(MessageSource messages, String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

}
