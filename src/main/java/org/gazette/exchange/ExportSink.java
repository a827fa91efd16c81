package org.gazette.exchange;

import java.util.List;

import org.gazette.comment.CommentImports;

/** Receives what a reader finds in a file, an article with its comments at a time. */
interface ExportSink {

    /**
     * An article and its comments; for a Disqus thread, which names an article rather
     * than holding one, see {@link #thread}.
     */
    void article(Draft draft, List<CommentImports.Incoming> comments);

    /** A Disqus thread's comments, for the article its link names (or a stub of it). */
    void thread(DisqusThread thread, List<CommentImports.Incoming> comments);

    /** Something not imported, and why ({@code pingback}, {@code attachment}...). */
    void skipped(String reason);

    /** A comment read (progress). */
    void commentRead();

}
