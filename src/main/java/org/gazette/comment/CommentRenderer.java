package org.gazette.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * Renders the text of a comment as safe HTML, the only reader-supplied content a
 * template may print unescaped ({@code th:utext}).
 * <p>
 * The text is expected to be normalised already (LF line endings, NFC, trimmed). Rules:
 * <ul>
 * <li>Blocks separated by a blank line (or a line holding only spaces and tabs) become
 * {@code <p>} paragraphs; a single newline becomes {@code <br>}.</li>
 * <li>{@code http://}, {@code https://} and {@code www.} addresses in text become links
 * ({@code www.} ones over https) with {@code rel="nofollow ugc noopener"}. Trailing
 * punctuation ({@code . , : ; ! ? ' * "}) and unbalanced closing parentheses and
 * square brackets stay out of the link.</li>
 * <li>Exactly these tags, written without attributes, are honoured: {@code b i em strong
 * blockquote code q cite del}, plus {@code <a href="...">} (single or double quotes)
 * whose href, after entity decoding and trimming, is an absolute http(s) URL; such a
 * link also gets {@code rel="nofollow ugc noopener"}. An {@code <a>} with any other
 * href (javascript:, data:, relative, protocol-relative, none) is unwrapped: its
 * content shows, the href does not.</li>
 * <li>Everything else, including an allowed tag carrying any other attribute, unknown
 * tags, comments, entities and malformed tags, is shown as literal text, exactly as
 * typed: {@code &lt;} displays as {@code &lt;}.</li>
 * <li>An inline tag lives inside one paragraph: left open, it is closed at the end of
 * the paragraph; a misnested closing tag closes the elements opened after it and
 * reopens them, as browsers do; a closing tag with nothing to close is shown as text.
 * {@code <blockquote>} is a container of paragraphs, may span blank lines and is closed
 * at the end of the comment if left open. Nesting deeper than {@value #MAX_NESTING}
 * (inline elements, or quotes) is shown as text, and so is an {@code <a>} inside an
 * {@code <a>}.</li>
 * <li>Inside {@code <code>} only {@code </code>} is a tag: other tags show as typed and
 * nothing is linked. Unlike the other inline elements, {@code <code>} runs across blank
 * lines until its {@code </code>} (each paragraph gets its own {@code <code>} element),
 * so pasted code keeps its shape. Text inside {@code <a>} is not linked either.</li>
 * </ul>
 * The assembled HTML then goes through {@link Jsoup#clean} with a safelist of exactly
 * these elements (plus {@code p} and {@code br}) as a second line of defence. The output
 * contains no newline characters.
 * <p>
 * The HTML depends on the text alone, so each instance keeps the HTML of the texts it
 * rendered recently, keyed by the exact text: a comment shown again (on every request
 * for its article page or its queue page) is not parsed again, and a changed text is
 * a different key, so an edit shows at once. The cache is bounded by the characters it
 * holds, text and HTML together ({@value #DEFAULT_CACHE_CHARS} by default, some 10,000
 * comments of ordinary length), and evicts the least useful entries first.
 * <p>
 * Instances are thread-safe.
 */
public final class CommentRenderer {

    static final int MAX_NESTING = 8;

    private static final String REL = "nofollow ugc noopener";

    private static final Pattern TAG = Pattern.compile(
            "<(/?)(b|i|em|strong|blockquote|code|q|cite|del|a)\\s*>"
                    + "|<a\\s+href\\s*=\\s*(?:\"([^\"<>\\n]*)\"|'([^'<>\\n]*)')\\s*>",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CODE_END = Pattern.compile("</code\\s*>|\\n[ \\t]*+\\n", Pattern.CASE_INSENSITIVE);

    private static final Pattern URL = Pattern.compile(
            "(?<![\\w@.\\-])(?:https?://|www\\.)[^\\s\\p{Z}\\p{Cc}\\p{Cf}<>\"]+", Pattern.CASE_INSENSITIVE);

    /** Characters of text and HTML the cache of rendered texts holds at most. */
    static final long DEFAULT_CACHE_CHARS = 12_000_000;

    private static final Safelist SAFELIST = new Safelist()
        .addTags("p", "br", "b", "i", "em", "strong", "a", "blockquote", "code", "q", "cite", "del")
        .addAttributes("a", "href")
        .addProtocols("a", "href", "http", "https")
        .addEnforcedAttribute("a", "rel", REL);

    /** Rendered HTML by the exact text it was rendered from. */
    private final Cache<String, String> rendered;

    /** A renderer that keeps up to {@value #DEFAULT_CACHE_CHARS} characters of rendered texts. */
    public CommentRenderer() {
        this(DEFAULT_CACHE_CHARS);
    }

    /**
     * A renderer whose cache holds at most the given number of characters (text and HTML
     * together); 0 keeps nothing.
     */
    CommentRenderer(long cacheChars) {
        this.rendered = Caffeine.newBuilder()
            .maximumWeight(cacheChars)
            .weigher((String text, String html) -> text.length() + html.length())
            .build();
    }

    /**
     * Render the given comment text as HTML.
     * @param text the normalised comment text
     * @return safe HTML, empty for blank text
     */
    public String toHtml(String text) {
        Objects.requireNonNull(text, "text must not be null");
        return this.rendered.get(text, CommentRenderer::render);
    }

    /** How many rendered texts are kept now (for tests; approximate while others render). */
    long cachedTexts() {
        this.rendered.cleanUp();
        return this.rendered.estimatedSize();
    }

    private static String render(String text) {
        String html = assemble(text).toString();
        return Jsoup.clean(html, "", SAFELIST, new Document.OutputSettings().prettyPrint(false));
    }

    /**
     * Count the links a reader of the rendered text sees: addresses linked in text and
     * honoured {@code <a href>} tags, each once.
     * @param text the normalised comment text
     * @return the number of links
     */
    static int countLinks(String text) {
        Objects.requireNonNull(text, "text must not be null");
        return assemble(text).links;
    }

    private static Assembly assemble(String text) {
        Assembly assembly = new Assembly();
        Matcher tag = TAG.matcher(text);
        Matcher codeEnd = CODE_END.matcher(text);
        int position = 0;
        while (position < text.length()) {
            Matcher matcher = assembly.inCode() ? codeEnd : tag;
            if (!matcher.find(position)) {
                break;
            }
            assembly.text(text.substring(position, matcher.start()));
            if (!assembly.tag(matcher)) {
                assembly.text(matcher.group());
            }
            position = matcher.end();
        }
        assembly.text(text.substring(position));
        assembly.finish();
        return assembly;
    }

    /**
     * Return the address a link found in text points to, or {@code null} if it is not a
     * usable web address.
     */
    private static String hrefOfUrl(String url) {
        String href = url.regionMatches(true, 0, "www.", 0, 4) ? "https://" + url : url;
        return isWebUrl(href) ? href : null;
    }

    /**
     * Return the address of a commenter's {@code <a href>}, or {@code null} if it is not
     * an absolute http(s) URL.
     */
    private static String hrefOfAnchor(String value) {
        String href = Parser.unescapeEntities(value, true).strip();
        return isWebUrl(href) ? href : null;
    }

    private static boolean isWebUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        int host = lower.startsWith("https://") ? 8 : (lower.startsWith("http://") ? 7 : -1);
        if (host < 0 || host >= url.length() || !Character.isLetterOrDigit(url.codePointAt(host))) {
            return false;
        }
        return url.codePoints().noneMatch((c) -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }

    /**
     * Return where a link found in text really ends: before trailing punctuation and
     * unbalanced closing brackets.
     */
    private static int urlEnd(String text, int start, int end) {
        int parentheses = balance(text, start, end, '(', ')');
        int brackets = balance(text, start, end, '[', ']');
        while (end > start) {
            char last = text.charAt(end - 1);
            if (".,:;!?'*\"".indexOf(last) >= 0) {
                end--;
            }
            else if (last == ')' && parentheses < 0) {
                parentheses++;
                end--;
            }
            else if (last == ']' && brackets < 0) {
                brackets++;
                end--;
            }
            else {
                break;
            }
        }
        return end;
    }

    private static int balance(String text, int start, int end, char open, char close) {
        int balance = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            balance += (c == open) ? 1 : ((c == close) ? -1 : 0);
        }
        return balance;
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * An inline element the commenter opened; {@code href} is set on links that will be
     * rendered, an {@code a} without it is unwrapped.
     */
    private static final class Inline {

        private final String name;

        private final String href;

        private boolean counted;

        Inline(String name, String href) {
            this.name = name;
            this.href = href;
        }

        boolean isUnwrapped() {
            return "a".equals(this.name) && this.href == null;
        }

        String openTag() {
            if (isUnwrapped()) {
                return "";
            }
            if (this.href != null) {
                return "<a href=\"" + escape(this.href) + "\" rel=\"" + REL + "\">";
            }
            return "<" + this.name + ">";
        }

        String closeTag() {
            return isUnwrapped() ? "" : "</" + this.name + ">";
        }

    }

    /**
     * The HTML of one rendering, written token by token. Inline elements are opened
     * lazily, when text follows them, so no empty elements or paragraphs are written.
     */
    private static final class Assembly {

        private final StringBuilder html = new StringBuilder();

        private final List<Inline> open = new ArrayList<>();

        /** How many elements of {@link #open}, from the bottom, are written out. */
        private int written;

        private int quotes;

        private boolean inParagraph;

        private boolean lineBreak;

        private int links;

        boolean inCode() {
            return indexOf("code") >= 0;
        }

        /**
         * Apply an allowed tag; return {@code false} if it does not apply here and must
         * be shown as text.
         */
        boolean tag(Matcher tag) {
            if (tag.pattern() == CODE_END) {
                if (tag.group().charAt(0) == '\n') {
                    endParagraph();
                    if (indexOf("code") < 0) {
                        this.open.add(new Inline("code", null));
                    }
                }
                else {
                    closeInline(indexOf("code"));
                }
                return true;
            }
            if (tag.group(2) == null) {
                String value = (tag.group(3) != null) ? tag.group(3) : tag.group(4);
                return openInline(new Inline("a", hrefOfAnchor(value)));
            }
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            boolean closing = !tag.group(1).isEmpty();
            if ("blockquote".equals(name)) {
                return closing ? closeQuote() : openQuote();
            }
            if (closing) {
                int index = indexOf(name);
                if (index < 0) {
                    return false;
                }
                closeInline(index);
                return true;
            }
            return openInline(new Inline(name, null));
        }

        private boolean openQuote() {
            if (this.quotes >= MAX_NESTING) {
                return false;
            }
            endParagraph();
            this.html.append("<blockquote>");
            this.quotes++;
            return true;
        }

        private boolean closeQuote() {
            if (this.quotes == 0) {
                return false;
            }
            endParagraph();
            this.html.append("</blockquote>");
            this.quotes--;
            return true;
        }

        private boolean openInline(Inline inline) {
            if (this.open.size() >= MAX_NESTING || ("a".equals(inline.name) && indexOf("a") >= 0)) {
                return false;
            }
            this.open.add(inline);
            return true;
        }

        private void closeInline(int index) {
            if (index < this.written) {
                for (int i = this.written - 1; i >= index; i--) {
                    this.html.append(this.open.get(i).closeTag());
                }
                this.written = index;
            }
            this.open.remove(index);
        }

        private int indexOf(String name) {
            for (int i = this.open.size() - 1; i >= 0; i--) {
                if (this.open.get(i).name.equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * Write text that is not a tag: paragraphs and line breaks from its newlines,
         * the rest escaped and, where allowed, linked.
         */
        void text(String text) {
            int position = 0;
            int newline;
            while ((newline = text.indexOf('\n', position)) >= 0) {
                segment(text.substring(position, newline));
                int newlines = 0;
                int end = newline;
                while (end < text.length() && " \t\n".indexOf(text.charAt(end)) >= 0) {
                    newlines += (text.charAt(end) == '\n') ? 1 : 0;
                    end++;
                }
                if (newlines > 1) {
                    endParagraph();
                    position = end;
                }
                else {
                    this.lineBreak = this.inParagraph;
                    position = newline + 1;
                }
            }
            segment(text.substring(position));
        }

        private void segment(String text) {
            if (text.isEmpty()) {
                return;
            }
            if (text.isBlank()) {
                if (this.inParagraph && !this.lineBreak) {
                    this.html.append(text);
                }
                return;
            }
            startContent();
            if (indexOf("a") >= 0 || indexOf("code") >= 0) {
                this.html.append(escape(text));
            }
            else {
                link(text);
            }
        }

        private void startContent() {
            if (!this.inParagraph) {
                this.html.append("<p>");
                this.inParagraph = true;
            }
            else if (this.lineBreak) {
                this.html.append("<br>");
            }
            this.lineBreak = false;
            for (int i = this.written; i < this.open.size(); i++) {
                Inline inline = this.open.get(i);
                this.html.append(inline.openTag());
                if (inline.href != null && !inline.counted) {
                    inline.counted = true;
                    this.links++;
                }
            }
            this.written = this.open.size();
        }

        private void link(String text) {
            Matcher url = URL.matcher(text);
            int position = 0;
            while (url.find()) {
                int end = urlEnd(text, url.start(), url.end());
                String shown = text.substring(url.start(), end);
                String href = hrefOfUrl(shown);
                if (href == null) {
                    continue;
                }
                this.html.append(escape(text.substring(position, url.start())))
                    .append("<a href=\"")
                    .append(escape(href))
                    .append("\" rel=\"" + REL + "\">")
                    .append(escape(shown))
                    .append("</a>");
                this.links++;
                position = end;
            }
            this.html.append(escape(text.substring(position)));
        }

        private void endParagraph() {
            if (!this.inParagraph) {
                return;
            }
            for (int i = this.written - 1; i >= 0; i--) {
                this.html.append(this.open.get(i).closeTag());
            }
            this.html.append("</p>");
            this.open.clear();
            this.written = 0;
            this.inParagraph = false;
            this.lineBreak = false;
        }

        void finish() {
            endParagraph();
            while (this.quotes > 0) {
                this.html.append("</blockquote>");
                this.quotes--;
            }
        }

        @Override
        public String toString() {
            return this.html.toString();
        }

    }

}
