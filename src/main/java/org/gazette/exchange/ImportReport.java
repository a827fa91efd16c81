package org.gazette.exchange;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.gazette.comment.CommentStatus;

/**
 * What an import did.
 *
 * @param file the file's name
 * @param format what kind of file it was
 * @param articlesCreated articles created
 * @param articlesPresent articles already there from an earlier import of the same source
 * @param stubs articles created as drafts for Disqus threads that matched no article:
 * the editor should look at them (their comments are there)
 * @param commentsCreated comments created, by status
 * @param commentsPresent comments already there, by status
 * @param skipped what was not imported, by reason ({@code pingback}, {@code trackback},
 * {@code attachment}, {@code page}...), with how many
 * @param elapsed how long the import took
 */
public record ImportReport(String file, ImportFormat format, long articlesCreated, long articlesPresent,
        List<Stub> stubs, Map<CommentStatus, Long> commentsCreated, Map<CommentStatus, Long> commentsPresent,
        Map<String, Long> skipped, Duration elapsed) {

    public ImportReport {
        stubs = List.copyOf(stubs);
        commentsCreated = Map.copyOf(commentsCreated);
        commentsPresent = Map.copyOf(commentsPresent);
        skipped = Map.copyOf(skipped);
    }

    /** Comments created, every status. */
    public long commentsCreatedTotal() {
        return this.commentsCreated.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Comments already there, every status. */
    public long commentsPresentTotal() {
        return this.commentsPresent.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * A draft article created for a Disqus thread that matched no article.
     *
     * @param slug the new article's slug
     * @param link the thread's link in the export
     * @param title the thread's title
     */
    public record Stub(String slug, String link, String title) {

    }

}
