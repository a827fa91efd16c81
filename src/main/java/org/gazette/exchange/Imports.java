package org.gazette.exchange;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import javax.xml.stream.XMLStreamConstants;

import org.gazette.article.ArticleImporter;
import org.gazette.article.SiteProperties;
import org.gazette.comment.CommentImports;
import org.gazette.comment.CommentStatus;

import org.springframework.stereotype.Service;

/**
 * Imports a file into Gazette: a WordPress export (WXR 1.1 or 1.2), a Disqus export, an
 * article in Markdown with a front-matter header, or a plain-text capture, told apart by
 * their content.
 * <p>
 * An export is read twice, streaming: first all of it is checked and nothing is written,
 * so a malformed file is refused (with its line, element and reason) with nothing of it
 * stored; then it is written one article with its comments per transaction, so a
 * failure on the way (the database going away) leaves whole threads only, and running
 * the import again finishes it. (A Disqus export whose threads are spread too widely
 * over the file is written in several passes, see {@link DisqusReader}.) Everything is
 * keyed by the source's own ids: importing the same file twice adds nothing and reports
 * it all as already present.
 */
@Service
public class Imports {

    /** The largest single-article file (Markdown, capture) read. */
    static final long MAX_ARTICLE_FILE = 10L * 1024 * 1024;

    /** Comments gathered into one transaction (whole articles only). */
    static final int GROUP_COMMENTS = 2_000;

    /** Articles gathered into one transaction at most. */
    static final int GROUP_ARTICLES = 100;

    private static final int SNIFF_BYTES = 64 * 1024;

    private final ArticleWriter writer;

    private final ArticleImporter captures;

    private final SiteProperties site;

    private final Clock clock;

    private final ImportProperties properties;

    Imports(ArticleWriter writer, ArticleImporter captures, SiteProperties site, Clock clock,
            ImportProperties properties) {
        this.writer = writer;
        this.captures = captures;
        this.site = site;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Imports the file.
     * @param file the file to read
     * @param options what the file cannot tell (which WordPress users are staff)
     * @param progress told how far the import has come
     * @return what was imported, found already there and skipped
     * @throws ImportRefusedException the file cannot be read or is malformed: nothing of
     * it was stored
     */
    public ImportReport run(Path file, ImportOptions options, ImportProgress progress) {
        long started = System.nanoTime();
        String name = String.valueOf(file.getFileName());
        long size;
        try {
            size = Files.size(file);
        }
        catch (IOException ex) {
            throw new ImportRefusedException(name, 0, null, "cannot be read: " + ex.getMessage());
        }
        ImportFormat format = detect(file, name);
        Tally tally = new Tally(name, format, started);
        switch (format) {
            case WORDPRESS -> {
                Ticker checking = new Ticker(ImportCounts.Phase.CHECKING, progress, size, started);
                readExport(file, name, checking, (xml) -> {
                    new WordPressReader(xml, options, this.site.timeZone(), this.clock).read(new CheckingSink(checking));
                    return null;
                });
                Ticker writing = new Ticker(ImportCounts.Phase.WRITING, progress, size, started);
                WritingSink sink = new WritingSink(tally, writing);
                readExport(file, name, writing, (xml) -> {
                    new WordPressReader(xml, options, this.site.timeZone(), this.clock).read(sink);
                    return null;
                });
                sink.flush();
            }
            case DISQUS -> {
                Ticker checking = new Ticker(ImportCounts.Phase.CHECKING, progress, size, started);
                DisqusReader.Layout layout = readExport(file, name, checking,
                        (xml) -> DisqusReader.check(xml, new CheckingSink(checking)));
                List<Set<String>> passes = layout.passes(this.properties.disqusPostsHeld());
                Ticker writing = new Ticker(ImportCounts.Phase.WRITING, progress, size, started);
                writing.passes = Math.max(1, passes.size());
                WritingSink sink = new WritingSink(tally, writing);
                for (Set<String> pass : passes) {
                    readExport(file, name, writing, (xml) -> {
                        DisqusReader.write(xml, layout, pass, sink);
                        return null;
                    });
                    sink.flush();
                }
            }
            case MARKDOWN -> {
                byte[] bytes = readSmall(file, name, size);
                Draft draft = new MarkdownReader(name, this.site.timeZone()).read("markdown:" + sha256(bytes),
                        utf8(bytes, name), this.clock.instant());
                tally.add(this.writer.write(draft));
            }
            case CAPTURE -> {
                byte[] bytes = readSmall(file, name, size);
                String text = utf8(bytes, name);
                try {
                    boolean created = this.captures.importCapture("capture:" + sha256(bytes), text).isPresent();
                    tally.articles(created);
                }
                catch (IllegalArgumentException ex) {
                    throw new ImportRefusedException(name, 0, null, ex.getMessage());
                }
            }
        }
        ImportReport report = tally.report();
        progress.advanced(new ImportCounts(ImportCounts.Phase.WRITING, tally.articlesCreated + tally.articlesPresent,
                report.commentsCreatedTotal() + report.commentsPresentTotal(),
                tally.skipped.values().stream().mapToLong(Long::longValue).sum(), size, size, report.elapsed()));
        return report;
    }

    /** Tells the format from the file's first bytes (its root element, for XML). */
    ImportFormat detect(Path file, String name) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        catch (IOException ex) {
            throw new ImportRefusedException(name, 0, null, "cannot be read: " + ex.getMessage());
        }
        int start = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        while (start < head.length && Character.isWhitespace(head[start])) {
            start++;
        }
        if (start == head.length) {
            throw new ImportRefusedException(name, 0, null, "the file is empty");
        }
        if (head[start] == '<') {
            try (XmlInput xml = new XmlInput(name, Files.newInputStream(file))) {
                if (xml.nextTag() != XMLStreamConstants.START_ELEMENT) {
                    throw xml.refusedHere(null, "no root element");
                }
                if (xml.localName().equals("rss")) {
                    return ImportFormat.WORDPRESS;
                }
                if (xml.localName().equals("disqus") && xml.namespace().equals(DisqusReader.NAMESPACE)) {
                    return ImportFormat.DISQUS;
                }
                throw xml.refusedHere(xml.name(),
                        "not a WordPress export (<rss> with the wp namespace) or a Disqus export (<disqus>)");
            }
            catch (IOException ex) {
                throw new ImportRefusedException(name, 0, null, "cannot be read: " + ex.getMessage());
            }
        }
        String text = new String(head, start, head.length - start, StandardCharsets.UTF_8);
        String first = text.lines().findFirst().orElse("").strip();
        return first.equals("---") ? ImportFormat.MARKDOWN : ImportFormat.CAPTURE;
    }

    /** One streaming pass over an export, its bytes counted for the progress. */
    private <T> T readExport(Path file, String name, Ticker ticker, Function<XmlInput, T> pass) {
        try (CountingInputStream in = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file),
                1 << 16)); XmlInput xml = new XmlInput(name, in)) {
            ticker.reading(in);
            T read = pass.apply(xml);
            ticker.emit();
            return read;
        }
        catch (IOException ex) {
            throw new ImportRefusedException(name, 0, null, "cannot be read: " + ex.getMessage());
        }
    }

    private static byte[] readSmall(Path file, String name, long size) {
        if (size > MAX_ARTICLE_FILE) {
            throw new ImportRefusedException(name, 0, null,
                    "larger than the " + (MAX_ARTICLE_FILE >> 20) + " MB accepted for a single article");
        }
        try {
            return Files.readAllBytes(file);
        }
        catch (IOException ex) {
            throw new ImportRefusedException(name, 0, null, "cannot be read: " + ex.getMessage());
        }
    }

    private static String utf8(byte[] bytes, String name) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
        catch (CharacterCodingException ex) {
            throw new ImportRefusedException(name, 0, null, "not UTF-8 text");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Counts what a pass has read and tells the progress listener now and then. */
    private static final class Ticker {

        static final long EVERY_NANOS = 500_000_000L;

        static final long EVERY_ITEMS = 1_000;

        final ImportCounts.Phase phase;

        final ImportProgress progress;

        final long total;

        final long started;

        /** The pass being read now. */
        CountingInputStream bytes;

        /** The bytes of the passes read before it (a Disqus export may take several). */
        long before;

        /** How many passes over the file this phase takes: the bytes told are their share. */
        int passes = 1;

        long articles;

        long comments;

        long skipped;

        long sinceLast;

        long lastAt = System.nanoTime();

        Ticker(ImportCounts.Phase phase, ImportProgress progress, long total, long started) {
            this.phase = phase;
            this.progress = progress;
            this.total = total;
            this.started = started;
        }

        void reading(CountingInputStream in) {
            if (this.bytes != null) {
                this.before += this.bytes.count();
            }
            this.bytes = in;
        }

        void tick() {
            this.sinceLast++;
            if (this.sinceLast >= EVERY_ITEMS || System.nanoTime() - this.lastAt >= EVERY_NANOS) {
                emit();
            }
        }

        void emit() {
            this.sinceLast = 0;
            this.lastAt = System.nanoTime();
            this.progress.advanced(new ImportCounts(this.phase, this.articles, this.comments, this.skipped,
                    (this.before + ((this.bytes != null) ? this.bytes.count() : 0)) / this.passes, this.total,
                    Duration.ofNanos(this.lastAt - this.started)));
        }

    }

    /** The first pass: counts only. */
    private static final class CheckingSink implements ExportSink {

        private final Ticker ticker;

        CheckingSink(Ticker ticker) {
            this.ticker = ticker;
        }

        @Override
        public void article(Draft draft, List<CommentImports.Incoming> comments) {
            this.ticker.articles++;
            this.ticker.tick();
        }

        @Override
        public void thread(DisqusThread thread, List<CommentImports.Incoming> comments) {
            this.ticker.articles++;
            this.ticker.tick();
        }

        @Override
        public void skipped(String reason) {
            this.ticker.skipped++;
        }

        @Override
        public void commentRead() {
            this.ticker.comments++;
            this.ticker.tick();
        }

    }

    /**
     * The second pass: writes whole articles with their comments, gathered into groups
     * of about {@value #GROUP_COMMENTS} comments per transaction.
     */
    private final class WritingSink implements ExportSink {

        private final Tally tally;

        private final Ticker ticker;

        private final List<ArticleWriter.Piece> pending = new ArrayList<>();

        private int pendingComments;

        WritingSink(Tally tally, Ticker ticker) {
            this.tally = tally;
            this.ticker = ticker;
        }

        @Override
        public void article(Draft draft, List<CommentImports.Incoming> comments) {
            add(new ArticleWriter.Piece(draft, null, comments));
        }

        @Override
        public void thread(DisqusThread thread, List<CommentImports.Incoming> comments) {
            add(new ArticleWriter.Piece(null, thread, comments));
        }

        private void add(ArticleWriter.Piece piece) {
            this.pending.add(piece);
            this.pendingComments += piece.comments().size();
            if (this.pendingComments >= GROUP_COMMENTS || this.pending.size() >= GROUP_ARTICLES) {
                flush();
            }
        }

        void flush() {
            if (this.pending.isEmpty()) {
                return;
            }
            List<ArticleWriter.Written> written;
            try {
                written = Imports.this.writer.writeAll(List.copyOf(this.pending));
            }
            catch (ArticleWriter.ArticleFailedException ex) {
                throw new ImportFailedException(this.tally.file + ": stopped while writing " + ex.getMessage()
                        + ". The articles before it are stored whole, that one not at all; run the import again "
                        + "once the cause is fixed", ex);
            }
            for (ArticleWriter.Written each : written) {
                this.tally.add(each);
                if (each.stubSlug() != null) {
                    this.tally.stubs.add(new ImportReport.Stub(each.stubSlug(), each.thread().link(),
                            each.thread().title()));
                }
                this.ticker.articles++;
            }
            this.pending.clear();
            this.pendingComments = 0;
            this.ticker.tick();
        }

        @Override
        public void skipped(String reason) {
            this.tally.skipped.merge(reason, 1L, Long::sum);
            this.ticker.skipped++;
        }

        @Override
        public void commentRead() {
            this.ticker.comments++;
            this.ticker.tick();
        }

    }

    /** What the import did so far. */
    private static final class Tally {

        final String file;

        final ImportFormat format;

        final long started;

        long articlesCreated;

        long articlesPresent;

        final List<ImportReport.Stub> stubs = new ArrayList<>();

        final Map<CommentStatus, Long> created = new EnumMap<>(CommentStatus.class);

        final Map<CommentStatus, Long> present = new EnumMap<>(CommentStatus.class);

        final Map<String, Long> skipped = new LinkedHashMap<>();

        Tally(String file, ImportFormat format, long started) {
            this.file = file;
            this.format = format;
            this.started = started;
        }

        void articles(boolean created) {
            if (created) {
                this.articlesCreated++;
            }
            else {
                this.articlesPresent++;
            }
        }

        void add(ArticleWriter.Written written) {
            articles(written.created());
            written.comments().created().forEach((status, count) -> this.created.merge(status, (long) count, Long::sum));
            written.comments().present().forEach((status, count) -> this.present.merge(status, (long) count, Long::sum));
        }

        ImportReport report() {
            return new ImportReport(this.file, this.format, this.articlesCreated, this.articlesPresent, this.stubs,
                    this.created, this.present, this.skipped, Duration.ofNanos(System.nanoTime() - this.started));
        }

    }

}
