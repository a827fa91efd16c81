package org.gazette.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns the HTML of a WordPress post ({@code content:encoded}) into an article's blocks:
 * paragraphs (WordPress separates them by blank lines or writes {@code <p>}), headings
 * become subheadings, and {@code [caption]} shortcodes, {@code <figure>} blocks and
 * images on their own become photos with their caption and credit. Everything else is
 * reduced to its text. A credit is a figure caption's {@code <cite>} or
 * {@code <small>}, or a short name in parentheses at its end: {@code Flood waters
 * (Jane Doe / Agency)}.
 */
final class WordPressContent {

    private static final Pattern CAPTION = Pattern.compile("\\[caption([^\\]]*)\\](.*?)\\[/caption\\]",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private static final Pattern CAPTION_ATTRIBUTE = Pattern.compile("caption=\"([^\"]*)\"");

    private static final Pattern SHORTCODE = Pattern.compile("\\[/?[a-z_][a-z0-9_-]*(?:\\s[^\\]]*)?\\]",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");

    private static final Pattern TRAILING_CREDIT = Pattern.compile("^(.*\\S)\\s*\\(([^()]{1,120})\\)\\s*$",
            Pattern.DOTALL);

    private static final Set<String> SKIPPED = Set.of("script", "style", "iframe", "object", "embed", "form",
            "noscript", "template", "svg", "video", "audio");

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private WordPressContent() {
    }

    static List<Draft.Block> blocks(String html) {
        String content = captionsAsFigures(html);
        content = SHORTCODE.matcher(content).replaceAll("");
        Element body = Jsoup.parseBodyFragment(content).body();
        Walker walker = new Walker();
        walker.walk(body);
        walker.flush();
        return walker.blocks;
    }

    /** {@code [caption caption="..."]<img ...> Text[/caption]} as a {@code <figure>}. */
    private static String captionsAsFigures(String html) {
        Matcher matcher = CAPTION.matcher(html);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Matcher attribute = CAPTION_ATTRIBUTE.matcher(matcher.group(1));
            String attributeCaption = attribute.find() ? "<figcaption>" + attribute.group(1) + "</figcaption>" : "";
            matcher.appendReplacement(out,
                    Matcher.quoteReplacement("<figure>" + matcher.group(2) + attributeCaption + "</figure>"));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Draft.Photo photo(Element figure) {
        Element image = figure.selectFirst("img");
        String url = (image != null) ? image.attr("src") : null;
        String alt = (image != null) ? image.attr("alt") : null;
        Element figcaption = figure.selectFirst("figcaption");
        Element captionSource;
        if (figcaption != null) {
            captionSource = figcaption.clone();
        }
        else {
            captionSource = figure.clone();
            captionSource.select("img").remove();
        }
        Element cite = captionSource.selectFirst("cite, small");
        String credit = null;
        if (cite != null) {
            credit = cite.text();
            cite.remove();
        }
        String caption = captionSource.text().strip();
        if (credit == null) {
            Matcher trailing = TRAILING_CREDIT.matcher(caption);
            if (trailing.matches()) {
                caption = trailing.group(1).strip();
                credit = trailing.group(2).strip();
            }
        }
        return new Draft.Photo(url, alt, caption, credit);
    }

    /** Walks the HTML, gathering inline text into paragraphs and emitting blocks. */
    private static final class Walker {

        private final List<Draft.Block> blocks = new ArrayList<>();

        private final StringBuilder inline = new StringBuilder();

        void walk(Element container) {
            for (Node node : container.childNodes()) {
                if (node instanceof TextNode text) {
                    String[] parts = BLANK_LINE.split(text.getWholeText(), -1);
                    for (int i = 0; i < parts.length; i++) {
                        if (i > 0) {
                            flush();
                        }
                        this.inline.append(parts[i]);
                    }
                }
                else if (node instanceof Element element) {
                    element(element);
                }
            }
        }

        private void element(Element element) {
            String tag = element.normalName().toLowerCase(Locale.ROOT);
            if (SKIPPED.contains(tag)) {
                return;
            }
            if (HEADINGS.contains(tag)) {
                flush();
                String text = element.text().strip();
                if (!text.isEmpty()) {
                    this.blocks.add(new Draft.Subheading(text));
                }
                return;
            }
            if (tag.equals("figure")) {
                flush();
                this.blocks.add(photo(element));
                return;
            }
            if (tag.equals("img")) {
                flush();
                this.blocks.add(new Draft.Photo(element.attr("src"), element.attr("alt"), "", null));
                return;
            }
            if (tag.equals("br")) {
                this.inline.append(' ');
                return;
            }
            if (element.isBlock() || tag.equals("p")) {
                flush();
                if (tag.equals("p") && element.select("img").size() == 1 && element.text().isBlank()) {
                    this.blocks.add(photo(element));
                    return;
                }
                walk(element);
                flush();
                return;
            }
            if (!element.select("img, figure").isEmpty()) {
                walk(element);
                return;
            }
            this.inline.append(element.text());
        }

        void flush() {
            String text = this.inline.toString().replaceAll("\\s+", " ").strip();
            this.inline.setLength(0);
            if (!text.isEmpty()) {
                this.blocks.add(new Draft.Paragraph(text));
            }
        }

    }

}
