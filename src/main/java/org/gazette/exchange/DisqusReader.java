package org.gazette.exchange;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;

import org.gazette.comment.CommentImports;
import org.gazette.comment.CommentStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Disqus export ("Export comments"): its threads, then its posts, each naming its
 * thread and the post it answers. A deleted post goes to the trash, a spam one to spam,
 * the rest are approved. Posts are written as Gazette keeps them (see {@link #text}).
 * Source keys are {@code disqus:{post id}}.
 * <p>
 * The export lists posts apart from their threads, in the order they were written, so
 * a thread's posts are spread over the file. The checking pass ({@link #check}) keeps
 * only the threads and where each one's posts begin and end ({@link Layout}); a writing
 * pass ({@link #write}) holds a thread's posts until its last one is read and then hands
 * the whole thread over. When more posts than the import may hold would be waiting at
 * once, the threads are split between several writing passes ({@link Layout#passes}),
 * so memory stays bounded whatever the size of the file.
 */
final class DisqusReader {

    static final String NAMESPACE = "http://disqus.com";

    static final String INTERNALS = "http://disqus.com/disqus-internals";

    private final XmlInput xml;

    /** Checking: the threads the file declares (a writing pass takes them from the layout). */
    private final Map<String, DisqusThread> threads;

    /** Checking: where each thread's posts are, filled in as they are read. */
    private final @Nullable Map<String, Span> spans;

    /** Writing: the threads of this pass, with the posts of theirs read so far. */
    private final Map<String, Held> held;

    private long postIndex;

    private DisqusReader(XmlInput xml, Map<String, DisqusThread> threads, @Nullable Map<String, Span> spans,
            Map<String, Held> held) {
        this.xml = xml;
        this.threads = threads;
        this.spans = spans;
        this.held = held;
    }

    /**
     * The checking pass: reads and checks every thread and post, and hands each thread
     * that has posts over without them, to be counted.
     * @return the threads and where their posts are, for the writing passes
     */
    static Layout check(XmlInput xml, ExportSink sink) {
        DisqusReader reader = new DisqusReader(xml, new LinkedHashMap<>(), new LinkedHashMap<>(), Map.of());
        reader.read(sink);
        reader.spans.forEach((thread, span) -> {
            if (!reader.threads.containsKey(thread)) {
                throw xml.refusedAt(span.firstLine, "thread", "a post names thread " + thread
                        + ", which the file does not have");
            }
        });
        reader.spans.forEach((thread, span) -> {
            span.thread = reader.threads.get(thread);
            sink.thread(span.thread, List.of());
        });
        return new Layout(reader.spans);
    }

    /**
     * A writing pass: hands each thread of {@code pass} over with all its posts as soon
     * as its last post is read; posts of other threads are read and passed by.
     * @throws ImportFailedException a thread's posts are not as the checking pass found
     * them (the file changed in between)
     */
    static void write(XmlInput xml, Layout layout, Set<String> pass, ExportSink sink) {
        Map<String, Held> held = new LinkedHashMap<>();
        pass.forEach((thread) -> held.put(thread, new Held(layout.spans.get(thread))));
        DisqusReader reader = new DisqusReader(xml, Map.of(), null, held);
        reader.read(sink);
        reader.held.forEach((thread, posts) -> {
            if (posts.comments != null) {
                throw new ImportFailedException(xml.file() + ": thread " + thread + " has " + posts.comments.size()
                        + " posts where the check found " + posts.expected + "; the file changed during the import",
                        null);
            }
        });
    }

    private void read(ExportSink sink) {
        if (this.xml.nextTag() != XMLStreamConstants.START_ELEMENT || !this.xml.localName().equals("disqus")
                || !this.xml.namespace().equals(NAMESPACE)) {
            throw this.xml.refusedHere(null, "not a Disqus export: expected <disqus xmlns=\"" + NAMESPACE + "\">");
        }
        while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = this.xml.localName();
            if (name.equals("thread") && this.spans != null) {
                thread();
            }
            else if (name.equals("post")) {
                post(sink);
            }
            else {
                this.xml.skip();
            }
        }
        if (this.xml.nextTag() != XMLStreamConstants.END_DOCUMENT) {
            throw this.xml.refusedHere(null, "content after the end of <disqus>");
        }
    }

    private void thread() {
        int line = this.xml.line();
        String id = this.xml.attribute(INTERNALS, "id");
        String link = null;
        String title = null;
        Instant created = null;
        boolean closed = false;
        while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (this.xml.localName()) {
                case "link" -> link = this.xml.text(WordPressReader.FIELD_CAP).strip();
                case "title" -> title = this.xml.text(WordPressReader.FIELD_CAP).strip();
                case "createdAt" -> created = date(this.xml.line(), this.xml.name(),
                        this.xml.text(WordPressReader.FIELD_CAP));
                case "isClosed" -> closed = "true".equals(this.xml.text(WordPressReader.FIELD_CAP).strip());
                default -> this.xml.skip();
            }
        }
        if (id == null || id.isBlank()) {
            throw this.xml.refusedAt(line, "thread", "a thread without a dsq:id");
        }
        this.threads.put(id, new DisqusThread(id, link, (title != null && !title.isBlank()) ? title : link,
                created, closed));
    }

    private void post(ExportSink sink) {
        int line = this.xml.line();
        long index = this.postIndex++;
        String id = this.xml.attribute(INTERNALS, "id");
        String message = "";
        Instant created = null;
        boolean deleted = false;
        boolean spam = false;
        String name = null;
        String email = null;
        String address = null;
        String thread = null;
        String parent = null;
        while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (this.xml.localName()) {
                case "message" -> message = this.xml.text(CommentImports.MAX_BODY * 2);
                case "createdAt" -> created = date(this.xml.line(), this.xml.name(),
                        this.xml.text(WordPressReader.FIELD_CAP));
                case "isDeleted" -> deleted = "true".equals(this.xml.text(WordPressReader.FIELD_CAP).strip());
                case "isSpam" -> spam = "true".equals(this.xml.text(WordPressReader.FIELD_CAP).strip());
                case "ipAddress" -> address = this.xml.text(WordPressReader.FIELD_CAP).strip();
                case "thread" -> {
                    thread = this.xml.attribute(INTERNALS, "id");
                    this.xml.skip();
                }
                case "parent" -> {
                    parent = this.xml.attribute(INTERNALS, "id");
                    this.xml.skip();
                }
                case "author" -> {
                    while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        switch (this.xml.localName()) {
                            case "name" -> name = this.xml.text(WordPressReader.FIELD_CAP);
                            case "email" -> email = this.xml.text(WordPressReader.FIELD_CAP);
                            default -> this.xml.skip();
                        }
                    }
                }
                default -> this.xml.skip();
            }
        }
        Held posts = null;
        if (this.spans == null) {
            posts = (thread != null) ? this.held.get(thread) : null;
            if (posts == null) {
                return;
            }
        }
        sink.commentRead();
        if (id == null || id.isBlank()) {
            throw this.xml.refusedAt(line, "post", "a post without a dsq:id");
        }
        if (thread == null || thread.isBlank()) {
            throw this.xml.refusedAt(line, "post", "post " + id + " names no thread");
        }
        if (created == null) {
            throw this.xml.refusedAt(line, "post", "post " + id + " has no <createdAt>");
        }
        String text = text(message);
        if (text.length() > CommentImports.MAX_BODY) {
            throw this.xml.refusedAt(line, "message", "post " + id + " is longer than " + CommentImports.MAX_BODY
                    + " characters");
        }
        if (posts == null) {
            this.spans.computeIfAbsent(thread, (key) -> new Span(line, index)).add(index);
            return;
        }
        if (posts.comments == null) {
            throw new ImportFailedException(this.xml.file() + ": thread " + thread + " has more posts than the check "
                    + "found (" + posts.expected + "); the file changed during the import", null);
        }
        CommentStatus status = deleted ? CommentStatus.TRASH : spam ? CommentStatus.SPAM : CommentStatus.APPROVED;
        posts.comments.add(new CommentImports.Incoming("disqus:" + id, (parent != null) ? "disqus:" + parent : null,
                name, email, null, address, created, text, status, null, false));
        if (posts.comments.size() == posts.expected) {
            List<CommentImports.Incoming> whole = posts.comments;
            posts.comments = null;
            sink.thread(posts.thread, whole);
        }
    }

    private Instant date(int line, String element, String text) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        }
        catch (DateTimeParseException ex) {
            try {
                return java.time.LocalDateTime.parse(value).toInstant(java.time.ZoneOffset.UTC);
            }
            catch (DateTimeParseException again) {
                throw this.xml.refusedAt(line, element, "not a date: " + value);
            }
        }
    }

    /**
     * A Disqus message (HTML) as a comment's text: paragraphs separated by a blank line,
     * line breaks as newlines, the tags Gazette's comments allow kept as a commenter
     * would type them ({@code <b>}, {@code <i>}, {@code <a href>}...) and everything else
     * as its text.
     */
    static String text(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        StringBuilder out = new StringBuilder();
        append(body, out);
        return out.toString().replaceAll("[ \\t]*\\n[ \\t]*\\n\\s*", "\n\n").strip();
    }

    private static void append(Element element, StringBuilder out) {
        for (Node node : element.childNodes()) {
            if (node instanceof TextNode text) {
                out.append(text.getWholeText());
            }
            else if (node instanceof Element child) {
                String tag = child.normalName();
                switch (tag) {
                    case "p", "div" -> {
                        out.append("\n\n");
                        append(child, out);
                        out.append("\n\n");
                    }
                    case "br" -> out.append('\n');
                    case "b", "i", "em", "strong", "code", "q", "cite", "del", "blockquote" -> {
                        out.append('<').append(tag).append('>');
                        append(child, out);
                        out.append("</").append(tag).append('>');
                    }
                    case "a" -> {
                        String href = child.attr("href");
                        boolean web = href.startsWith("https://") || href.startsWith("http://");
                        if (web && !href.contains("\"")) {
                            out.append("<a href=\"").append(href).append("\">");
                        }
                        append(child, out);
                        if (web && !href.contains("\"")) {
                            out.append("</a>");
                        }
                    }
                    case "script", "style" -> {
                    }
                    default -> append(child, out);
                }
            }
        }
    }

    /** Where one thread's posts are in the file: the first's line, and their indexes. */
    static final class Span {

        /** The thread, once the whole file has been read. */
        DisqusThread thread;

        final int firstLine;

        final long first;

        long last;

        int count;

        Span(int firstLine, long first) {
            this.firstLine = firstLine;
            this.first = first;
            this.last = first;
        }

        void add(long index) {
            this.last = index;
            this.count++;
        }

    }

    /** A writing pass's posts of one thread, until they are all read and handed over (then null). */
    private static final class Held {

        final DisqusThread thread;

        final int expected;

        @Nullable List<CommentImports.Incoming> comments = new ArrayList<>();

        Held(Span span) {
            this.thread = span.thread;
            this.expected = span.count;
        }

    }

    /** What the checking pass found: the threads that have posts, and where their posts are. */
    static final class Layout {

        private final Map<String, Span> spans;

        Layout(Map<String, Span> spans) {
            this.spans = spans;
        }

        long posts() {
            return this.spans.values().stream().mapToLong((span) -> span.count).sum();
        }

        /**
         * The threads divided between writing passes so that no pass holds more than
         * {@code maxHeld} posts at once, waiting for the rest of their threads: one pass
         * when the file allows it. A thread is held from its first post to its last, and
         * goes to the first pass that has room for all its posts over that stretch (a
         * thread with more posts than that has a pass of its own, as it must be written
         * whole).
         */
        List<Set<String>> passes(int maxHeld) {
            List<Pass> passes = new ArrayList<>();
            // spans is in the order of each thread's first post
            this.spans.forEach((thread, span) -> {
                for (Pass pass : passes) {
                    if (pass.takes(span, maxHeld)) {
                        pass.add(thread, span);
                        return;
                    }
                }
                Pass pass = new Pass();
                pass.add(thread, span);
                passes.add(pass);
            });
            return passes.stream().map((pass) -> pass.threads).toList();
        }

    }

    /** One writing pass being planned: its threads, and those still open where it stands. */
    private static final class Pass {

        final Set<String> threads = new LinkedHashSet<>();

        final PriorityQueue<Span> open = new PriorityQueue<>(Comparator.comparingLong((Span span) -> span.last));

        long openPosts;

        /** Whether this pass can also hold the thread, from its first post on. */
        boolean takes(Span span, int maxHeld) {
            while (!this.open.isEmpty() && this.open.peek().last < span.first) {
                this.openPosts -= this.open.poll().count;
            }
            return this.openPosts == 0 || this.openPosts + span.count <= maxHeld;
        }

        void add(String thread, Span span) {
            this.threads.add(thread);
            this.open.add(span);
            this.openPosts += span.count;
        }

    }

}
