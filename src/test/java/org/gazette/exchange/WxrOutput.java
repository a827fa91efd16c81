package org.gazette.exchange;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes a WordPress export (WXR 1.2) element by element, for the test-scope generators
 * the benchmarks run ({@link WxrGenerator}, {@link HotArticleExport}): the channel, then
 * each post with its comments. Texts go into CDATA sections as WordPress writes them.
 * JDK only.
 */
final class WxrOutput {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneOffset.UTC);

    private final Writer out;

    WxrOutput(Writer out) {
        this.out = out;
    }

    /** Opens the export: the channel of {@code site} (its address, https://...) and its one author. */
    void channel(String title, String site) throws IOException {
        this.out.write("""
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
                  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                """);
        this.out.write("<title>" + title + "</title>\n<link>" + site + "</link>\n<wp:wxr_version>1.2</wp:wxr_version>\n"
                + "<wp:base_site_url>" + site + "</wp:base_site_url>\n"
                + "<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[editor]]></wp:author_login>"
                + "</wp:author>\n");
    }

    /** Opens a published post that takes comments; its comments follow, then {@link #endPost()}. */
    void post(long id, String title, String slug, Instant published, String content, String excerpt)
            throws IOException {
        this.out.write("<item>\n<title>" + cdata(title) + "</title>\n");
        this.out.write("<dc:creator><![CDATA[editor]]></dc:creator>\n");
        this.out.write("<content:encoded>" + cdata(content) + "</content:encoded>\n");
        this.out.write("<excerpt:encoded>" + cdata(excerpt) + "</excerpt:encoded>\n");
        this.out.write("<wp:post_id>" + id + "</wp:post_id>\n<wp:post_date_gmt>" + cdata(DATE.format(published))
                + "</wp:post_date_gmt>\n");
        this.out.write("<wp:comment_status><![CDATA[open]]></wp:comment_status>\n<wp:post_name>" + cdata(slug)
                + "</wp:post_name>\n<wp:status><![CDATA[publish]]></wp:status>\n"
                + "<wp:post_type><![CDATA[post]]></wp:post_type>\n");
    }

    /**
     * One comment of the open post.
     * @param website the author's website, or {@code null}
     * @param status {@code 1} (approved), {@code 0} (pending), {@code spam} or {@code trash}
     * @param type {@code comment} or {@code pingback}
     * @param parent the id of the comment it answers, or 0
     */
    void comment(long id, String author, String email, String website, String address, Instant at, String text,
            String status, String type, long parent) throws IOException {
        this.out.write("<wp:comment>\n<wp:comment_id>" + id + "</wp:comment_id>\n<wp:comment_author>" + cdata(author)
                + "</wp:comment_author>\n<wp:comment_author_email>" + cdata(email) + "</wp:comment_author_email>\n"
                + "<wp:comment_author_url>" + ((website != null) ? cdata(website) : "") + "</wp:comment_author_url>\n"
                + "<wp:comment_author_IP>" + cdata(address) + "</wp:comment_author_IP>\n<wp:comment_date_gmt>"
                + cdata(DATE.format(at)) + "</wp:comment_date_gmt>\n<wp:comment_content>" + cdata(text)
                + "</wp:comment_content>\n" + "<wp:comment_approved>" + cdata(status) + "</wp:comment_approved>\n"
                + "<wp:comment_type>" + cdata(type) + "</wp:comment_type>\n<wp:comment_parent>" + parent
                + "</wp:comment_parent>\n<wp:comment_user_id>0</wp:comment_user_id>\n</wp:comment>\n");
    }

    void endPost() throws IOException {
        this.out.write("</item>\n");
    }

    void end() throws IOException {
        this.out.write("</channel>\n</rss>\n");
    }

    /** The text in a CDATA section; a {@code ]]>} inside it is split across two. */
    private static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

}
