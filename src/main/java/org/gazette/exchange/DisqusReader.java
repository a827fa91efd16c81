package org.gazette.exchange;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;

import org.gazette.comment.CommentImports;
import org.gazette.comment.CommentStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads a Disqus export ("Export comments"): its threads, then its posts, each naming its
 * thread and the post it answers. A deleted post goes to the trash, a spam one to spam,
 * the rest are approved. Posts are written as Gazette keeps them (see {@link #text}).
 * Source keys are {@code disqus:{post id}}.
 * <p>
 * The export lists posts apart from their threads, so the posts are held until the end
 * of the file and then handed over a thread at a time: the memory this takes grows
 * with the number of posts (about a kilobyte each).
 */
final class DisqusReader {

    static final String NAMESPACE = "http://disqus.com";

    static final String INTERNALS = "http://disqus.com/disqus-internals";

    private final XmlInput xml;

    private final Map<String, DisqusThread> threads = new LinkedHashMap<>();

    private final Map<String, List<CommentImports.Incoming>> posts = new LinkedHashMap<>();

    private final Map<String, Integer> firstUse = new LinkedHashMap<>();

    DisqusReader(XmlInput xml) {
        this.xml = xml;
    }

    void read(ExportSink sink) {
        if (this.xml.nextTag() != XMLStreamConstants.START_ELEMENT || !this.xml.localName().equals("disqus")
                || !this.xml.namespace().equals(NAMESPACE)) {
            throw this.xml.refusedHere(null, "not a Disqus export: expected <disqus xmlns=\"" + NAMESPACE + "\">");
        }
        while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = this.xml.localName();
            if (name.equals("thread")) {
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
        this.firstUse.forEach((thread, line) -> {
            if (!this.threads.containsKey(thread)) {
                throw this.xml.refusedAt(line, "thread", "a post names thread " + thread
                        + ", which the file does not have");
            }
        });
        this.posts.forEach((thread, comments) -> sink.thread(this.threads.get(thread), comments));
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
        CommentStatus status = deleted ? CommentStatus.TRASH : spam ? CommentStatus.SPAM : CommentStatus.APPROVED;
        this.firstUse.putIfAbsent(thread, line);
        this.posts.computeIfAbsent(thread, (key) -> new ArrayList<>())
            .add(new CommentImports.Incoming("disqus:" + id, (parent != null) ? "disqus:" + parent : null, name,
                    email, null, address, created, text, status, null, false));
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

}
