package org.gazette.exchange;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.gazette.exchange.ExportRows.ExportedArticle;
import org.gazette.exchange.ExportRows.ExportedBlock;
import org.gazette.exchange.ExportRows.ExportedComment;

import org.springframework.web.util.HtmlUtils;

/**
 * Writes a WordPress export (WXR 1.2, as WordPress's Tools → Export writes it) with StAX,
 * an element at a time: the channel with the site and its authors (one per byline, whose
 * login is the byline itself, and one for staff comments), then
 * each article as a post with its body as block-editor HTML and its comments, parents
 * before their replies, as WordPress's importer needs them.
 */
class WxrWriter implements AutoCloseable {

    static final String WP = "http://wordpress.org/export/1.2/";

    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

    static final String EXCERPT = "http://wordpress.org/export/1.2/excerpt/";

    static final String WFW = "http://wellformedweb.org/CommentAPI/";

    static final String DC = "http://purl.org/dc/elements/1.1/";

    /**
     * The user staff comments are marked as written by ({@code wp:comment_user_id} 1);
     * importing with {@code --staff=gazette-staff} gives them the Staff badge again.
     */
    static final String STAFF_LOGIN = "gazette-staff";

    private static final DateTimeFormatter WORDPRESS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
            Locale.ROOT);

    private final XMLStreamWriter xml;

    private final String origin;

    private final ZoneId zone;

    WxrWriter(OutputStream out, String origin, ZoneId zone) throws XMLStreamException {
        this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        this.origin = origin;
        this.zone = zone;
    }

    /** The document's start: the channel, the site and the authors of the articles to come. */
    void start(String title, List<String> bylines, Instant now) throws XMLStreamException {
        this.xml.writeStartDocument("UTF-8", "1.0");
        this.xml.writeCharacters("\n");
        this.xml.writeStartElement("rss");
        this.xml.writeAttribute("version", "2.0");
        this.xml.writeNamespace("excerpt", EXCERPT);
        this.xml.writeNamespace("content", CONTENT);
        this.xml.writeNamespace("wfw", WFW);
        this.xml.writeNamespace("dc", DC);
        this.xml.writeNamespace("wp", WP);
        this.xml.setPrefix("excerpt", EXCERPT);
        this.xml.setPrefix("content", CONTENT);
        this.xml.setPrefix("wfw", WFW);
        this.xml.setPrefix("dc", DC);
        this.xml.setPrefix("wp", WP);
        this.xml.writeStartElement("channel");
        text("title", title);
        text("link", this.origin);
        text("description", "");
        text("pubDate", rfc822(now));
        text("language", "en-CA");
        wp("wxr_version", "1.2");
        wp("base_site_url", this.origin);
        wp("base_blog_url", this.origin);
        author(1, STAFF_LOGIN, title + " staff");
        int id = 2;
        for (String byline : bylines) {
            author(id++, byline, byline);
        }
        text("generator", "Gazette");
    }

    /** One article as a post, with its comments (given in id order). */
    void startArticle(ExportedArticle article) throws XMLStreamException {
        this.xml.writeCharacters("\n");
        this.xml.writeStartElement("item");
        cdata("title", article.headline());
        text("link", this.origin + "/articles/" + article.slug());
        text("pubDate", rfc822(article.publishedAt()));
        this.xml.writeStartElement(DC, "creator");
        cdata((article.byline() != null) ? article.byline() : "");
        this.xml.writeEndElement();
        this.xml.writeStartElement("guid");
        this.xml.writeAttribute("isPermaLink", "false");
        this.xml.writeCharacters(this.origin + "/?p=" + article.id());
        this.xml.writeEndElement();
        text("description", "");
        element(CONTENT, "encoded", body(article.body()));
        element(EXCERPT, "encoded", (article.standfirst() != null) ? article.standfirst() : "");
        wp("post_id", Long.toString(article.id()));
        wpData("post_date", local(article.publishedAt()));
        wpData("post_date_gmt", gmt(article.publishedAt()));
        wpData("post_modified", local(article.updatedAt()));
        wpData("post_modified_gmt", gmt(article.updatedAt()));
        wpData("comment_status", article.commentsOpen() ? "open" : "closed");
        wpData("ping_status", "closed");
        wpData("post_name", article.slug());
        wpData("status", article.published() ? "publish" : "draft");
        wp("post_parent", "0");
        wp("menu_order", "0");
        wpData("post_type", "post");
        wpData("post_password", "");
        wp("is_sticky", "0");
    }

    void comment(ExportedComment comment) throws XMLStreamException {
        this.xml.writeCharacters("\n");
        this.xml.writeStartElement(WP, "comment");
        wp("comment_id", Long.toString(comment.id()));
        wpData("comment_author", comment.authorName());
        wpData("comment_author_email", comment.authorEmail());
        wp("comment_author_url", (comment.authorWebsite() != null) ? comment.authorWebsite() : "");
        wpData("comment_author_IP", (comment.clientAddress() != null) ? comment.clientAddress() : "");
        wpData("comment_date", local(comment.createdAt()));
        wpData("comment_date_gmt", gmt(comment.createdAt()));
        wpData("comment_content", comment.body());
        wpData("comment_approved", approved(comment.status()));
        wpData("comment_type", "");
        wp("comment_parent", (comment.parentId() != null) ? Long.toString(comment.parentId()) : "0");
        wp("comment_user_id", comment.staff() ? "1" : "0");
        this.xml.writeEndElement();
    }

    void endArticle() throws XMLStreamException {
        this.xml.writeEndElement();
    }

    void end() throws XMLStreamException {
        this.xml.writeCharacters("\n");
        this.xml.writeEndElement();
        this.xml.writeEndElement();
        this.xml.writeEndDocument();
        this.xml.flush();
    }

    @Override
    public void close() throws XMLStreamException {
        this.xml.close();
    }

    /** WordPress's {@code comment_approved}: 1, 0, spam or trash. */
    static String approved(String status) {
        return switch (status) {
            case "APPROVED" -> "1";
            case "PENDING" -> "0";
            case "SPAM" -> "spam";
            default -> "trash";
        };
    }

    /**
     * The body as the block editor writes it: paragraphs, subheadings as {@code <h2>} and
     * photos as {@code <figure>} with the caption, its credit in a {@code <cite>} at its end.
     */
    String body(List<ExportedBlock> blocks) {
        StringBuilder html = new StringBuilder();
        for (ExportedBlock block : blocks) {
            if (!html.isEmpty()) {
                html.append("\n\n");
            }
            switch (block.kind()) {
                case "PARAGRAPH" -> html.append("<!-- wp:paragraph -->\n<p>")
                    .append(escape(block.text()))
                    .append("</p>\n<!-- /wp:paragraph -->");
                case "SUBHEADING" -> html.append("<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">")
                    .append(escape(block.text()))
                    .append("</h2>\n<!-- /wp:heading -->");
                default -> photo(html, block);
            }
        }
        return html.toString();
    }

    private void photo(StringBuilder html, ExportedBlock block) {
        html.append("<!-- wp:image -->\n<figure class=\"wp-block-image\">");
        if (block.imageUrl() != null && !block.imageUrl().isBlank()) {
            String src = block.imageUrl().startsWith("/") ? this.origin + block.imageUrl() : block.imageUrl();
            html.append("<img src=\"")
                .append(escape(src))
                .append("\" alt=\"")
                .append(escape((block.altText() != null) ? block.altText() : ""))
                .append("\"/>");
        }
        html.append("<figcaption class=\"wp-element-caption\">").append(escape(block.caption()));
        if (block.credit() != null && !block.credit().isBlank()) {
            html.append(" <cite>").append(escape(block.credit())).append("</cite>");
        }
        html.append("</figcaption></figure>\n<!-- /wp:image -->");
    }

    private void author(int id, String login, String name) throws XMLStreamException {
        this.xml.writeCharacters("\n");
        this.xml.writeStartElement(WP, "author");
        wp("author_id", Integer.toString(id));
        wpData("author_login", login);
        wpData("author_email", "");
        wpData("author_display_name", name);
        wpData("author_first_name", "");
        wpData("author_last_name", "");
        this.xml.writeEndElement();
    }

    private void text(String name, String value) throws XMLStreamException {
        this.xml.writeStartElement(name);
        this.xml.writeCharacters(XmlText.clean(value));
        this.xml.writeEndElement();
    }

    private void cdata(String name, String value) throws XMLStreamException {
        this.xml.writeStartElement(name);
        cdata(value);
        this.xml.writeEndElement();
    }

    private void wp(String name, String value) throws XMLStreamException {
        this.xml.writeStartElement(WP, name);
        this.xml.writeCharacters(XmlText.clean(value));
        this.xml.writeEndElement();
    }

    private void wpData(String name, String value) throws XMLStreamException {
        element(WP, name, value);
    }

    private void element(String namespace, String name, String value) throws XMLStreamException {
        this.xml.writeStartElement(namespace, name);
        cdata(value);
        this.xml.writeEndElement();
    }

    /** Text as CDATA, as WordPress writes it; a {@code ]]>} inside is split over two sections. */
    private void cdata(String value) throws XMLStreamException {
        String clean = XmlText.clean(value);
        int from = 0;
        int end;
        while ((end = clean.indexOf("]]>", from)) >= 0) {
            this.xml.writeCData(clean.substring(from, end + 2));
            from = end + 2;
        }
        this.xml.writeCData(clean.substring(from));
    }

    private String local(Instant instant) {
        return (instant != null) ? WORDPRESS_DATE.format(instant.atZone(this.zone)) : "0000-00-00 00:00:00";
    }

    private static String gmt(Instant instant) {
        return (instant != null) ? WORDPRESS_DATE.format(instant.atOffset(ZoneOffset.UTC)) : "0000-00-00 00:00:00";
    }

    private static String rfc822(Instant instant) {
        return (instant != null) ? DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC)) : "";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape((text != null) ? text : "", "UTF-8");
    }

}
