package org.gazette.exchange;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import javax.xml.stream.XMLStreamException;

import org.gazette.article.SiteProperties;
import org.gazette.exchange.ExportRows.ExportedArticle;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports the whole site, or one article, as WXR or JSON Lines, streaming from the
 * database to the output a page at a time, in one read-only transaction on one
 * connection. The transaction is {@code REPEATABLE READ} so that the file shows the site as
 * it was when the export began, not each page of rows as of its own query (the databases'
 * default {@code READ COMMITTED}), where an article published meanwhile could be in the
 * file without its comments. PostgreSQL takes one snapshot at the first query; H2 fixes
 * each table when the export first reads it, a few milliseconds apart. The snapshot is
 * held for the whole export, which delays the reuse of old row versions meanwhile.
 */
@Service
public class SiteExport {

    private final ExportRows rows;

    private final SiteProperties site;

    private final Clock clock;

    SiteExport(ExportRows rows, SiteProperties site, Clock clock) {
        this.rows = rows;
        this.site = site;
        this.clock = clock;
    }

    /**
     * Writes the export; refuses an unknown slug before writing anything.
     * @param slug the one article to export, or empty for the whole site
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ExportSummary export(ExportFormat format, Optional<String> slug, OutputStream out,
            ExportProgress progress) {
        long started = System.nanoTime();
        Optional<ExportedArticle> one = Optional.empty();
        if (slug.isPresent()) {
            one = this.rows.article(slug.get());
            if (one.isEmpty()) {
                throw new ExportRefusedException("No article has the slug '" + slug.get() + "'");
            }
        }
        Tally tally = new Tally(progress);
        try {
            if (format == ExportFormat.WXR) {
                wxr(one, slug, out, tally);
            }
            else {
                jsonLines(one, out, tally);
            }
        }
        catch (XMLStreamException ex) {
            throw new ExportFailedException("Could not write the export: " + ex.getMessage(), ex);
        }
        return new ExportSummary(format, tally.articles, tally.comments, Duration.ofNanos(System.nanoTime() - started));
    }

    private void wxr(Optional<ExportedArticle> one, Optional<String> slug, OutputStream out, Tally tally)
            throws XMLStreamException {
        try (WxrWriter writer = new WxrWriter(out, this.site.origin(), this.site.timeZone())) {
            writer.start("Gazette", this.rows.bylines(slug), this.clock.instant());
            Sink<ExportedArticle> item = (article) -> {
                writer.startArticle(article);
                this.rows.eachCommentOf(article.id(), (comment) -> {
                    try {
                        writer.comment(comment);
                    }
                    catch (XMLStreamException ex) {
                        throw new ExportFailedException("Could not write the export: " + ex.getMessage(), ex);
                    }
                    tally.comment();
                });
                writer.endArticle();
                tally.article();
            };
            if (one.isPresent()) {
                item.accept(one.get());
            }
            else {
                this.rows.eachArticle((article) -> {
                    try {
                        item.accept(article);
                    }
                    catch (XMLStreamException ex) {
                        throw new ExportFailedException("Could not write the export: " + ex.getMessage(), ex);
                    }
                });
            }
            writer.end();
        }
    }

    private void jsonLines(Optional<ExportedArticle> one, OutputStream out, Tally tally) {
        try (JsonLinesWriter writer = new JsonLinesWriter(out)) {
            if (one.isPresent()) {
                tally.article();
                this.rows.eachCommentOf(one.get().id(), (comment) -> {
                    writer.comment(comment);
                    tally.comment();
                });
            }
            else {
                this.rows.eachComment((comment) -> {
                    writer.comment(comment);
                    tally.comment();
                });
            }
            writer.end();
        }
    }

    @FunctionalInterface
    private interface Sink<T> {

        void accept(T value) throws XMLStreamException;

    }

    /** What has been written so far, told to the progress every so many comments. */
    private static final class Tally {

        private final ExportProgress progress;

        long articles;

        long comments;

        Tally(ExportProgress progress) {
            this.progress = progress;
        }

        void article() {
            this.articles++;
            this.progress.advanced(this.articles, this.comments);
        }

        void comment() {
            this.comments++;
            if (this.comments % 1_000 == 0) {
                this.progress.advanced(this.articles, this.comments);
            }
        }

    }

}
