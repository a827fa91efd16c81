package org.gazette.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.gazette.article.ArticleStatus;

/**
 * Reads an article written in Markdown with a front-matter header:
 * <pre>
 * ---
 * headline: Council approves new bridge      (or title:)
 * dateline: 2024-03-05                       (or date:; a day, or a moment with its offset)
 * byline: Jane Doe                           (or author:)
 * standfirst: The vote ends years of debate.
 * comments: open                             (or closed)
 * status: published                          (or draft)
 * ---
 * </pre>
 * then the body: paragraphs, headings as subheadings, and a paragraph holding only an
 * image as a photo: {@code ![alt text](https://... "Caption (Credit)")}. Other Markdown
 * (lists, quotes, emphasis) is kept as its text. A day is dated at its noon in the
 * newsroom's zone, as the capture importer does.
 */
final class MarkdownReader {

    private static final Pattern FIELD = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)\\s*:(.*)");

    private static final Pattern CREDIT = Pattern.compile("^(.*?)\\s*\\(([^()]{1,120})\\)\\s*$", Pattern.DOTALL);

    private final String file;

    private final ZoneId zone;

    MarkdownReader(String file, ZoneId zone) {
        this.file = file;
        this.zone = zone;
    }

    Draft read(String sourceKey, String text, Instant now) {
        List<String> lines = text.lines().toList();
        int index = 0;
        while (index < lines.size() && lines.get(index).isBlank()) {
            index++;
        }
        if (index == lines.size() || !lines.get(index).strip().equals("---")) {
            throw new ImportRefusedException(this.file, index + 1, null, "expected a front-matter header opened by ---");
        }
        String headline = null;
        Instant date = null;
        String byline = null;
        String standfirst = null;
        boolean open = true;
        ArticleStatus status = ArticleStatus.PUBLISHED;
        int end = -1;
        for (int i = index + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals("---")) {
                end = i;
                break;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher field = FIELD.matcher(line);
            if (!field.matches()) {
                throw new ImportRefusedException(this.file, i + 1, null, "not a 'key: value' line: " + line);
            }
            String value = unquote(field.group(2).strip());
            switch (field.group(1).toLowerCase(Locale.ROOT)) {
                case "headline", "title" -> headline = value;
                case "dateline", "date" -> date = date(i + 1, field.group(1), value);
                case "byline", "author" -> byline = value;
                case "standfirst" -> standfirst = value;
                case "comments" -> open = switch (value.toLowerCase(Locale.ROOT)) {
                    case "open" -> true;
                    case "closed" -> false;
                    default -> throw new ImportRefusedException(this.file, i + 1, null,
                            "comments: expected open or closed, not " + value);
                };
                case "status" -> status = switch (value.toLowerCase(Locale.ROOT)) {
                    case "published", "publish" -> ArticleStatus.PUBLISHED;
                    case "draft" -> ArticleStatus.DRAFT;
                    default -> throw new ImportRefusedException(this.file, i + 1, null,
                            "status: expected published or draft, not " + value);
                };
                default -> {
                }
            }
        }
        if (end < 0) {
            throw new ImportRefusedException(this.file, index + 1, null, "the front-matter header is not closed by ---");
        }
        if (headline == null || headline.isBlank()) {
            throw new ImportRefusedException(this.file, index + 1, null, "the front matter has no headline");
        }
        String body = String.join("\n", lines.subList(end + 1, lines.size()));
        Draft draft = new Draft(sourceKey, null, headline, (date != null) ? date : now, byline, standfirst, status,
                open, blocks(body));
        String problem = draft.problem();
        if (problem != null) {
            throw new ImportRefusedException(this.file, 0, null, "the article has " + problem);
        }
        return draft;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && ((value.startsWith("\"") && value.endsWith("\""))
                || (value.startsWith("'") && value.endsWith("'")))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private Instant date(int line, String key, String value) {
        try {
            return LocalDate.parse(value).atTime(LocalTime.NOON).atZone(this.zone).toInstant();
        }
        catch (DateTimeParseException ex) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            }
            catch (DateTimeParseException again) {
                throw new ImportRefusedException(this.file, line, null,
                        key + ": not a date: " + value + " (expected 2024-03-05 or 2024-03-05T09:30:00Z)");
            }
        }
    }

    static List<Draft.Block> blocks(String markdown) {
        Node document = Parser.builder().build().parse(markdown);
        TextContentRenderer text = TextContentRenderer.builder().build();
        List<Draft.Block> blocks = new ArrayList<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading) {
                add(blocks, new Draft.Subheading(oneLine(text.render(node))));
            }
            else if (node instanceof Paragraph && node.getFirstChild() instanceof Image image
                    && image.getNext() == null) {
                String title = (image.getTitle() != null) ? image.getTitle().strip() : "";
                Matcher credit = CREDIT.matcher(title);
                String caption = credit.matches() ? credit.group(1) : title;
                blocks.add(new Draft.Photo(image.getDestination(), oneLine(literal(image)), caption,
                        credit.matches() ? credit.group(2) : null));
            }
            else if (!(node instanceof ThematicBreak)) {
                for (String paragraph : text.render(node).split("\\n\\s*\\n")) {
                    add(blocks, new Draft.Paragraph(oneLine(paragraph)));
                }
            }
        }
        return blocks;
    }

    /** The text of a node's descendants (an image's alternative text), without markup. */
    private static String literal(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {

            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

        });
        return text.toString();
    }

    private static void add(List<Draft.Block> blocks, Draft.Block block) {
        boolean empty = (block instanceof Draft.Paragraph paragraph && paragraph.text().isEmpty())
                || (block instanceof Draft.Subheading subheading && subheading.text().isEmpty());
        if (!empty) {
            blocks.add(block);
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

}
