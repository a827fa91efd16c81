package org.gazette.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.gazette.comment.CommentStatus;

/**
 * An import's report in a few lines for people: articles, comments by status, what was
 * skipped and why, the stubs an editor should look at, the time and the rate. The command
 * line prints it; the desk keeps it with the job.
 */
final class ImportSummaryText {

    private static final int STUBS_SHOWN = 10;

    private ImportSummaryText() {
    }

    static List<String> lines(ImportReport report) {
        List<String> lines = new ArrayList<>();
        lines.add(report.file() + " (" + formatName(report.format()) + "): "
                + ProgressMeter.count(report.articlesCreated(), "article") + " created, "
                + report.articlesPresent() + " already there");
        lines.add("  comments created: " + byStatus(report.commentsCreated()) + "; already there: "
                + byStatus(report.commentsPresent()));
        lines.add("  skipped: " + (report.skipped().isEmpty() ? "nothing"
                : report.skipped()
                    .entrySet()
                    .stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map((entry) -> String.format(Locale.ROOT, "%,d %s", entry.getValue(), entry.getKey()))
                    .collect(Collectors.joining(", "))));
        if (!report.stubs().isEmpty()) {
            lines.add("  " + ProgressMeter.count(report.stubs().size(), "thread")
                    + " matched no article and became drafts to look at:");
            report.stubs()
                .stream()
                .limit(STUBS_SHOWN)
                .forEach((stub) -> lines.add("    " + stub.slug() + " (" + stub.link() + ")"));
            if (report.stubs().size() > STUBS_SHOWN) {
                lines.add("    and " + (report.stubs().size() - STUBS_SHOWN) + " more");
            }
        }
        long comments = report.commentsCreatedTotal() + report.commentsPresentTotal();
        lines.add("  in " + ProgressMeter.seconds(report.elapsed()) + ", "
                + ProgressMeter.rate(comments, report.elapsed().toNanos()) + " comments/s");
        return lines;
    }

    static String formatName(ImportFormat format) {
        return switch (format) {
            case WORDPRESS -> "WordPress export";
            case DISQUS -> "Disqus export";
            case MARKDOWN -> "Markdown";
            case CAPTURE -> "capture";
        };
    }

    private static String byStatus(Map<CommentStatus, Long> counts) {
        StringBuilder text = new StringBuilder();
        for (CommentStatus status : CommentStatus.values()) {
            long n = counts.getOrDefault(status, 0L);
            if (n > 0) {
                if (!text.isEmpty()) {
                    text.append(", ");
                }
                text.append(String.format(Locale.ROOT, "%,d %s", n, status.key()));
            }
        }
        return text.isEmpty() ? "none" : text.toString();
    }

}
