package org.gazette.exchange;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.gazette.GazetteApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code export} run through the command line's entry point against a fresh H2 file
 * database: the files it writes, read back with StAX and Jackson and compared field by
 * field with the database, and what it says on the way.
 */
class ExportCommandTests {

    private static final Instant PUBLISHED = Instant.parse("2022-01-12T17:05:00Z");

    @TempDir
    Path directory;

    private SiteDatabase site;

    private long article;

    private long draft;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void site() {
        this.site = new SiteDatabase(this.directory);
        this.article = this.site.article("talks-halt", "As talks halt, NATO warns", "By Lorne Cook",
                "Allies “stand united”.", true, true, PUBLISHED);
        this.site.paragraph(this.article, 0, "NATO’s chief said <Wednesday> & more.");
        this.site.subheading(this.article, 1, "“Important consequences” for Russia");
        this.site.photo(this.article, 2, "Jens Stoltenberg speaks in Brussels.", "Olivier Hoslet / AP",
                "/photos/abc.jpg", "Stoltenberg at a lectern");
        this.site.photo(this.article, 3, "A caption without image.", null, null, null);
        this.draft = this.site.article("draft-story", "A draft", null, null, false, false, PUBLISHED.plusSeconds(60));
        this.site.paragraph(this.draft, 0, "Not yet.");
        long first = this.site.comment(this.article, null, "Zoë Ångström", "zoe@mail.example", "https://zoe.example",
                "192.0.2.7", "APPROVED", false, "Première <b>remarque</b> ]]> avec\nune ligne.",
                PUBLISHED.plusSeconds(100));
        long reply = this.site.comment(this.article, first, "Editor", "desk@gazette.example", null, null, "APPROVED",
                true, "Staff reply.", PUBLISHED.plusSeconds(200));
        this.site.comment(this.article, reply, "Ann Lee", "ann@mail.example", null, "2001:db8::1", "PENDING", false,
                "Deep reply 😀", PUBLISHED.plusSeconds(300));
        this.site.comment(this.article, null, "Spammer", "spam@mail.example", "http://spam.example", "198.51.100.1",
                "SPAM", false, "Buy now", PUBLISHED.plusSeconds(400));
        this.site.comment(this.draft, null, "Bo", "bo@mail.example", null, null, "TRASH", false, "Gone",
                PUBLISHED.plusSeconds(500));
    }

    @Test
    void exportsTheWholeSiteAsWordPressExportMatchingTheDatabase() throws Exception {
        Path file = this.directory.resolve("site.xml");

        assertThat(run("export", "--format=wxr", file.toString())).isZero();

        Wxr wxr = Wxr.read(file);
        assertThat(wxr.channel).containsEntry("wxr_version", "1.2")
            .containsEntry("base_site_url", "http://localhost:8080")
            .containsEntry("base_blog_url", "http://localhost:8080");
        assertThat(wxr.authors).extracting((a) -> a.get("author_login")).containsExactly("gazette-staff", "By Lorne Cook");
        assertThat(wxr.items).hasSize(2);
        Map<String, String> post = wxr.items.get(0).fields;
        assertThat(post).containsEntry("title", "As talks halt, NATO warns")
            .containsEntry("post_id", Long.toString(this.article))
            .containsEntry("post_name", "talks-halt")
            .containsEntry("post_type", "post")
            .containsEntry("status", "publish")
            .containsEntry("comment_status", "open")
            .containsEntry("creator", "By Lorne Cook")
            .containsEntry("post_date_gmt", "2022-01-12 17:05:00")
            .containsEntry("post_date", "2022-01-12 12:05:00")
            .containsEntry("excerpt:encoded", "Allies “stand united”.");
        assertThat(post.get("content:encoded")).contains("<p>NATO’s chief said &lt;Wednesday&gt; &amp; more.</p>")
            .contains("<h2 class=\"wp-block-heading\">“Important consequences” for Russia</h2>")
            .contains("<img src=\"http://localhost:8080/photos/abc.jpg\" alt=\"Stoltenberg at a lectern\"/>"
                    + "<figcaption class=\"wp-element-caption\">Jens Stoltenberg speaks in Brussels. "
                    + "<cite>Olivier Hoslet / AP</cite></figcaption>")
            .contains("<figure class=\"wp-block-image\"><figcaption class=\"wp-element-caption\">"
                    + "A caption without image.</figcaption></figure>");
        Map<String, String> draftPost = wxr.items.get(1).fields;
        assertThat(draftPost).containsEntry("status", "draft")
            .containsEntry("comment_status", "closed")
            .containsEntry("creator", "");

        List<Map<String, String>> exported = new ArrayList<>(wxr.items.get(0).comments);
        exported.addAll(wxr.items.get(1).comments);
        List<Map<String, Object>> stored = this.site.comments();
        assertThat(exported).hasSameSizeAs(stored);
        for (int i = 0; i < stored.size(); i++) {
            Map<String, Object> row = stored.get(i);
            Map<String, String> comment = exported.get(i);
            assertThat(comment).containsEntry("comment_id", row.get("id").toString())
                .containsEntry("comment_author", (String) row.get("author_name"))
                .containsEntry("comment_author_email", (String) row.get("author_email"))
                .containsEntry("comment_author_url", orEmpty(row.get("author_website")))
                .containsEntry("comment_author_IP", orEmpty(row.get("client_address")))
                .containsEntry("comment_content", (String) row.get("body"))
                .containsEntry("comment_parent", (row.get("parent_id") != null) ? row.get("parent_id").toString() : "0")
                .containsEntry("comment_type", "")
                .containsEntry("comment_user_id", Boolean.TRUE.equals(row.get("staff")) ? "1" : "0")
                .containsEntry("comment_date_gmt", gmt(row.get("created_at")));
        }
        assertThat(exported).extracting((c) -> c.get("comment_approved"))
            .containsExactly("1", "1", "0", "spam", "trash");
    }

    @Test
    void exportsOneArticleAsJsonLinesWithTheDocumentedFields() throws Exception {
        Path file = this.directory.resolve("comments.jsonl");

        assertThat(run("export", "--format=jsonl", "--article=talks-halt", file.toString())).isZero();

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Map<String, Object>> stored = this.site.comments()
            .stream()
            .filter((row) -> "talks-halt".equals(row.get("slug")))
            .toList();
        assertThat(lines).hasSize(4);
        JsonMapper json = JsonMapper.builder().build();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = json.readTree(lines.get(i));
            Map<String, Object> row = stored.get(i);
            assertThat(fieldNames(line)).containsExactly("id", "article_slug", "parent_id", "thread_id", "depth",
                    "author_name", "author_email", "author_website", "client_address", "created_at", "status",
                    "staff", "body");
            assertThat(line.get("id").asLong()).isEqualTo(((Number) row.get("id")).longValue());
            assertThat(line.get("article_slug").asString()).isEqualTo("talks-halt");
            assertThat(line.get("parent_id").isNull()).isEqualTo(row.get("parent_id") == null);
            Object thread = (row.get("thread_id") != null) ? row.get("thread_id") : row.get("id");
            assertThat(line.get("thread_id").asLong()).isEqualTo(((Number) thread).longValue());
            assertThat(line.get("depth").asInt()).isEqualTo(((Number) row.get("depth")).intValue());
            assertThat(line.get("author_name").asString()).isEqualTo(row.get("author_name"));
            assertThat(line.get("author_email").asString()).isEqualTo(row.get("author_email"));
            assertThat(line.get("author_website").isNull()).isEqualTo(row.get("author_website") == null);
            assertThat(line.get("created_at").asString()).isEqualTo(instant(row.get("created_at")).toString());
            assertThat(line.get("status").asString()).isEqualTo(((String) row.get("status")).toLowerCase());
            assertThat(line.get("staff").asBoolean()).isEqualTo(row.get("staff"));
            assertThat(line.get("body").asString()).isEqualTo(row.get("body"));
        }
        assertThat(lines.get(2)).contains("Deep reply 😀");
    }

    @Test
    void refusesAnUnknownArticleWithAMessageAndWritesNothing() {
        Path file = this.directory.resolve("none.xml");

        assertThat(run("export", "--format=wxr", "--article=no-such-story", file.toString())).isEqualTo(1);

        assertThat(err()).isEqualTo("gazette export: No article has the slug 'no-such-story'\n");
        assertThat(file).doesNotExist();
        assertThat(this.directory).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void refusesAnUnknownOptionWithUsage() {
        assertThat(run("export", "--format=wxr", "--everything", "out.xml")).isEqualTo(2);

        assertThat(err()).startsWith("gazette export: unknown option --everything\nUsage:");
    }

    @Test
    void refusesAnUnknownFormat() {
        assertThat(run("export", "--format=csv", "out.csv")).isEqualTo(2);

        assertThat(err()).startsWith("gazette export: unknown format 'csv' (wxr or jsonl)\n");
    }

    @Test
    void refusesAFileInAMissingDirectory() {
        assertThat(run("export", "--format=wxr", this.directory.resolve("nowhere/site.xml").toString())).isEqualTo(1);

        assertThat(err()).startsWith("gazette export: no such directory: ").doesNotContain("Exception");
    }

    @Test
    void saysInOneLineWhenTheDatabaseCannotBeReached() {
        int status = Commands.run(GazetteApplication.class,
                new String[] { "export", "--format=wxr", "--spring.datasource.url=jdbc:h2:file:" + this.directory.resolve("absent") + ";IFEXISTS=TRUE",
                        this.directory.resolve("site.xml").toString() },
                new PrintStream(this.out, true, StandardCharsets.UTF_8),
                new PrintStream(this.err, true, StandardCharsets.UTF_8), false);

        assertThat(status).isEqualTo(1);
        assertThat(err()).startsWith("gazette export: the application could not start: ")
            .doesNotContain("\tat ")
            .hasLineCount(1);
    }

    @Test
    void printsPlainProgressAndASummaryWhenNotOnATerminal() {
        Path file = this.directory.resolve("site.xml");

        assertThat(run("export", "--format=wxr", file.toString())).isZero();

        assertThat(err()).doesNotContain("\r").isEqualTo("export site.xml: 2 articles, 5 comments, " + rateIn(err()) + " comments/s\n");
        assertThat(this.out.toString(StandardCharsets.UTF_8))
            .startsWith("Exported 2 articles and 5 comments to " + file.toAbsolutePath() + " (wxr) in ");
    }

    @Test
    void redrawsTheProgressInPlaceOnATerminal() {
        Path file = this.directory.resolve("site.xml");

        assertThat(Commands.run(GazetteApplication.class,
                new String[] { "export", "--format=wxr", this.site.urlArgument(), file.toString() },
                new PrintStream(this.out, true, StandardCharsets.UTF_8),
                new PrintStream(this.err, true, StandardCharsets.UTF_8), true))
            .isZero();

        assertThat(err()).startsWith("\rexport site.xml: 2 articles, 5 comments").endsWith("\n");
    }

    @Test
    void startsNoWebServer() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Path file = this.directory.resolve("site.xml");

            assertThat(run("export", "--format=jsonl", "--server.port=" + taken.getLocalPort(),
                    "--management.server.port=" + taken.getLocalPort(), file.toString()))
                .isZero();
        }
    }

    private int run(String... args) {
        String[] withDatabase = new String[args.length + 1];
        withDatabase[0] = args[0];
        withDatabase[1] = this.site.urlArgument();
        System.arraycopy(args, 1, withDatabase, 2, args.length - 1);
        return Commands.run(GazetteApplication.class, withDatabase, new PrintStream(this.out, true, StandardCharsets.UTF_8),
                new PrintStream(this.err, true, StandardCharsets.UTF_8), false);
    }

    private String err() {
        return this.err.toString(StandardCharsets.UTF_8);
    }

    private static String rateIn(String line) {
        return line.replaceAll("(?s).*comments, ([0-9,]+) comments/s.*", "$1");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static String orEmpty(Object value) {
        return (value != null) ? value.toString() : "";
    }

    private static Instant instant(Object value) {
        return (value instanceof OffsetDateTime time) ? time.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }

    private static String gmt(Object value) {
        return instant(value).toString().replace('T', ' ').replace("Z", "");
    }

    /** A WXR file as a reader of it sees it. */
    static final class Wxr {

        final Map<String, String> channel = new LinkedHashMap<>();

        final List<Map<String, String>> authors = new ArrayList<>();

        final List<Item> items = new ArrayList<>();

        static Wxr read(Path file) throws Exception {
            Wxr wxr = new Wxr();
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_COALESCING, true);
            try (InputStream in = Files.newInputStream(file)) {
                XMLStreamReader xml = factory.createXMLStreamReader(in);
                Map<String, String> current = wxr.channel;
                Item item = null;
                Map<String, String> author = null;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String name = xml.getLocalName();
                        if (name.equals("rss")) {
                            assertThat(xml.getAttributeValue(null, "version")).isEqualTo("2.0");
                        }
                        else if (name.equals("item")) {
                            item = new Item();
                            wxr.items.add(item);
                            current = item.fields;
                        }
                        else if (name.equals("author") && WxrWriter.WP.equals(xml.getNamespaceURI())) {
                            author = new LinkedHashMap<>();
                            wxr.authors.add(author);
                            current = author;
                        }
                        else if (name.equals("comment") && WxrWriter.WP.equals(xml.getNamespaceURI())) {
                            Map<String, String> comment = new LinkedHashMap<>();
                            item.comments.add(comment);
                            current = comment;
                        }
                        else if (!name.equals("channel")) {
                            String key = name.equals("encoded") ? xml.getPrefix() + ":encoded" : name;
                            current.put(key, xml.getElementText());
                        }
                    }
                    else if (event == XMLStreamConstants.END_ELEMENT) {
                        String name = xml.getLocalName();
                        if (name.equals("comment")) {
                            current = item.fields;
                        }
                        else if (name.equals("author") || name.equals("item")) {
                            current = wxr.channel;
                        }
                    }
                }
            }
            return wxr;
        }

    }

    static final class Item {

        final Map<String, String> fields = new LinkedHashMap<>();

        final List<Map<String, String>> comments = new ArrayList<>();

    }

}
