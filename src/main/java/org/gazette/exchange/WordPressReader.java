package org.gazette.exchange;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;

import org.gazette.article.ArticleStatus;
import org.gazette.comment.CommentImports;
import org.gazette.comment.CommentStatus;

/**
 * Reads a WordPress export (WXR 1.1 or 1.2) as it streams: the site's users, then each
 * {@code <item>}: a post becomes a {@link Draft} with its comments, anything else (pages,
 * attachments, menu items) is skipped and counted, and so are pingbacks and trackbacks.
 * Posts of any status are taken, {@code publish} as published and the rest as drafts;
 * dates are the file's GMT ones ({@code wp:post_date_gmt}, {@code wp:comment_date_gmt}),
 * the local ones read in the site's zone only where WordPress left the GMT one empty
 * (unpublished drafts). Source keys are {@code wxr:{site}:{post_id}} for an article and
 * {@code wxr:{site}:comment:{comment_id}} for a comment.
 */
final class WordPressReader {

    static final Set<String> NAMESPACES = Set.of("http://wordpress.org/export/1.1/",
            "http://wordpress.org/export/1.2/");

    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

    static final String DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";

    /** The longest post body read. */
    static final int POST_CAP = 10 * 1024 * 1024;

    /** The longest short field read (titles, names, addresses, dates). */
    static final int FIELD_CAP = 64 * 1024;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);

    private static final String NO_DATE = "0000-00-00 00:00:00";

    private final XmlInput xml;

    private final ImportOptions options;

    private final ZoneId zone;

    private final Clock clock;

    private final Map<String, String> logins = new HashMap<>();

    private String wp;

    private String site;

    WordPressReader(XmlInput xml, ImportOptions options, ZoneId zone, Clock clock) {
        this.xml = xml;
        this.options = options;
        this.zone = zone;
        this.clock = clock;
    }

    void read(ExportSink sink) {
        if (this.xml.nextTag() != XMLStreamConstants.START_ELEMENT || !this.xml.localName().equals("rss")) {
            throw this.xml.refusedHere(null, "not a WordPress export: expected <rss> first");
        }
        for (int i = 0; i < this.xml.namespaceCount(); i++) {
            if (NAMESPACES.contains(this.xml.namespaceUri(i))) {
                this.wp = this.xml.namespaceUri(i);
            }
        }
        if (this.wp == null) {
            throw this.xml.refusedHere("rss", "not a WordPress export 1.1 or 1.2: the namespace "
                    + "http://wordpress.org/export/1.2/ (or 1.1/) is not declared");
        }
        while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (this.xml.localName().equals("channel") && this.xml.namespace().isEmpty()) {
                channel(sink);
            }
            else {
                this.xml.skip();
            }
        }
        if (this.xml.nextTag() != XMLStreamConstants.END_DOCUMENT) {
            throw this.xml.refusedHere(null, "content after the end of <rss>");
        }
    }

    private void channel(ExportSink sink) {
        String link = null;
        while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = this.xml.localName();
            String namespace = this.xml.namespace();
            if (namespace.isEmpty() && name.equals("link")) {
                link = this.xml.text(FIELD_CAP).strip();
            }
            else if (namespace.equals(this.wp) && name.equals("base_site_url")) {
                this.site = site(this.xml.text(FIELD_CAP));
            }
            else if (namespace.equals(this.wp) && name.equals("author")) {
                author();
            }
            else if (namespace.isEmpty() && name.equals("item")) {
                if (this.site == null && link != null && !link.isBlank()) {
                    this.site = site(link);
                }
                if (this.site == null) {
                    throw this.xml.refusedHere("item",
                            "the channel has no <wp:base_site_url> or <link> before its first <item>");
                }
                item(sink);
            }
            else {
                this.xml.skip();
            }
        }
    }

    private static String site(String url) {
        String site = url.strip();
        while (site.endsWith("/")) {
            site = site.substring(0, site.length() - 1);
        }
        return site.replaceFirst("^(?i)https?://", "");
    }

    private void author() {
        String id = null;
        String login = null;
        while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (this.xml.namespace().equals(this.wp) && this.xml.localName().equals("author_id")) {
                id = this.xml.text(FIELD_CAP).strip();
            }
            else if (this.xml.namespace().equals(this.wp) && this.xml.localName().equals("author_login")) {
                login = this.xml.text(FIELD_CAP).strip();
            }
            else {
                this.xml.skip();
            }
        }
        if (id != null && login != null) {
            this.logins.put(id, login);
        }
    }

    private void item(ExportSink sink) {
        int line = this.xml.line();
        Post post = new Post();
        while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = this.xml.localName();
            String namespace = this.xml.namespace();
            if (namespace.isEmpty() && name.equals("title")) {
                post.title = this.xml.text(FIELD_CAP).strip();
            }
            else if (namespace.equals(CONTENT) && name.equals("encoded")) {
                post.content = this.xml.text(POST_CAP);
            }
            else if (namespace.endsWith("/excerpt/") && name.equals("encoded")) {
                post.excerpt = this.xml.text(POST_CAP);
            }
            else if (namespace.equals(DUBLIN_CORE) && name.equals("creator")) {
                post.creator = this.xml.text(FIELD_CAP).strip();
            }
            else if (namespace.equals(this.wp)) {
                wordPressField(post, name, sink);
            }
            else {
                this.xml.skip();
            }
        }
        if (!"post".equals(post.type)) {
            sink.skipped((post.type == null || post.type.isBlank()) ? "item without a post type" : post.type);
            return;
        }
        if (post.id == null || post.id.isBlank()) {
            throw this.xml.refusedAt(line, "item", "a post without <wp:post_id>");
        }
        Instant published = (post.dateGmt != null) ? post.dateGmt
                : (post.dateLocal != null) ? post.dateLocal.atZone(this.zone).toInstant() : this.clock.instant();
        String headline = (post.title != null && !post.title.isBlank()) ? post.title : "Untitled";
        String excerpt = (post.excerpt != null) ? org.jsoup.Jsoup.parse(post.excerpt).text() : null;
        Draft draft = new Draft("wxr:" + this.site + ":" + post.id, slug(post.slug), headline, published,
                post.creator, excerpt, "publish".equals(post.status) ? ArticleStatus.PUBLISHED : ArticleStatus.DRAFT,
                !"closed".equals(post.commentStatus), WordPressContent.blocks((post.content != null) ? post.content
                        : ""));
        String problem = draft.problem();
        if (problem != null) {
            throw this.xml.refusedAt(line, "item", "post " + post.id + " has " + problem);
        }
        sink.article(draft, post.comments);
    }

    /** The post's slug if it is one Gazette can use as it is (WordPress's own URL keeps working). */
    private static String slug(String postName) {
        if (postName == null || !postName.matches("[a-z0-9]+(?:-[a-z0-9]+)*") || postName.length() > 80) {
            return null;
        }
        return postName;
    }

    private void wordPressField(Post post, String name, ExportSink sink) {
        switch (name) {
            case "post_id" -> post.id = this.xml.text(FIELD_CAP).strip();
            case "post_date_gmt" -> post.dateGmt = gmt(this.xml.line(), this.xml.name(), this.xml.text(FIELD_CAP));
            case "post_date" -> post.dateLocal = local(this.xml.line(), this.xml.name(), this.xml.text(FIELD_CAP));
            case "comment_status" -> post.commentStatus = this.xml.text(FIELD_CAP).strip();
            case "post_name" -> post.slug = this.xml.text(FIELD_CAP).strip();
            case "status" -> post.status = this.xml.text(FIELD_CAP).strip();
            case "post_type" -> post.type = this.xml.text(FIELD_CAP).strip();
            case "comment" -> comment(post, sink);
            default -> this.xml.skip();
        }
    }

    private void comment(Post post, ExportSink sink) {
        int line = this.xml.line();
        String id = null;
        String author = null;
        String email = null;
        String url = null;
        String address = null;
        Instant gmt = null;
        LocalDateTime local = null;
        String content = "";
        String approved = null;
        String type = "";
        String parent = null;
        String userId = null;
        CommentStatus trashedFrom = null;
        while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!this.xml.namespace().equals(this.wp)) {
                this.xml.skip();
                continue;
            }
            switch (this.xml.localName()) {
                case "comment_id" -> id = this.xml.text(FIELD_CAP).strip();
                case "comment_author" -> author = this.xml.text(FIELD_CAP);
                case "comment_author_email" -> email = this.xml.text(FIELD_CAP);
                case "comment_author_url" -> url = this.xml.text(FIELD_CAP);
                case "comment_author_IP" -> address = this.xml.text(FIELD_CAP).strip();
                case "comment_date_gmt" -> gmt = gmt(this.xml.line(), this.xml.name(), this.xml.text(FIELD_CAP));
                case "comment_date" -> local = local(this.xml.line(), this.xml.name(), this.xml.text(FIELD_CAP));
                case "comment_content" -> content = this.xml.text(CommentImports.MAX_BODY);
                case "comment_approved" -> approved = this.xml.text(FIELD_CAP).strip();
                case "comment_type" -> type = this.xml.text(FIELD_CAP).strip();
                case "comment_parent" -> parent = this.xml.text(FIELD_CAP).strip();
                case "comment_user_id" -> userId = this.xml.text(FIELD_CAP).strip();
                case "commentmeta" -> trashedFrom = trashedFrom(trashedFrom);
                default -> this.xml.skip();
            }
        }
        sink.commentRead();
        if (type.equals("pingback") || type.equals("trackback")) {
            sink.skipped(type);
            return;
        }
        if (!type.isEmpty() && !type.equals("comment")) {
            sink.skipped("comment type " + type);
            return;
        }
        if (id == null || id.isEmpty()) {
            throw this.xml.refusedAt(line, "wp:comment", "a comment without <wp:comment_id>");
        }
        CommentStatus status = switch ((approved != null) ? approved : "") {
            case "1", "approve" -> CommentStatus.APPROVED;
            case "0", "hold" -> CommentStatus.PENDING;
            case "spam" -> CommentStatus.SPAM;
            case "trash", "post-trashed" -> CommentStatus.TRASH;
            default -> throw this.xml.refusedAt(line, "wp:comment_approved",
                    "comment " + id + " has an unknown status: " + approved);
        };
        Instant created = (gmt != null) ? gmt : (local != null) ? local.atZone(this.zone).toInstant() : null;
        if (created == null) {
            throw this.xml.refusedAt(line, "wp:comment", "comment " + id + " has no date");
        }
        boolean staff = userId != null && !userId.equals("0") && this.options.isStaff(this.logins.get(userId));
        String parentKey = (parent != null && !parent.isEmpty() && !parent.equals("0"))
                ? commentKey(parent) : null;
        post.comments.add(new CommentImports.Incoming(commentKey(id), parentKey, author, email, url,
                address, created, content, status, trashedFrom, staff));
    }

    /** Reads a {@code wp:commentmeta}: {@code _wp_trash_meta_status} is what a trashed comment was. */
    private CommentStatus trashedFrom(CommentStatus current) {
        String key = null;
        String value = null;
        while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (this.xml.namespace().equals(this.wp) && this.xml.localName().equals("meta_key")) {
                key = this.xml.text(FIELD_CAP).strip();
            }
            else if (this.xml.namespace().equals(this.wp) && this.xml.localName().equals("meta_value")) {
                value = this.xml.text(FIELD_CAP).strip();
            }
            else {
                this.xml.skip();
            }
        }
        if ("_wp_trash_meta_status".equals(key)) {
            return "1".equals(value) ? CommentStatus.APPROVED : CommentStatus.PENDING;
        }
        return current;
    }

    private String commentKey(String id) {
        return "wxr:" + this.site + ":comment:" + id;
    }

    private Instant gmt(int line, String element, String text) {
        LocalDateTime date = local(line, element, text);
        return (date != null) ? date.toInstant(ZoneOffset.UTC) : null;
    }

    private LocalDateTime local(int line, String element, String text) {
        String value = text.strip();
        if (value.isEmpty() || value.equals(NO_DATE)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, DATE);
        }
        catch (DateTimeParseException ex) {
            throw this.xml.refusedAt(line, element, "not a date: " + value);
        }
    }

    /** A post while it is read. */
    private static final class Post {

        String id;

        String title;

        String content;

        String excerpt;

        String creator;

        Instant dateGmt;

        LocalDateTime dateLocal;

        String commentStatus;

        String slug;

        String status;

        String type;

        final List<CommentImports.Incoming> comments = new ArrayList<>();

    }

}
