package org.gazette.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gazette.ClientAddresses;
import org.gazette.article.ArticleImporter;
import org.gazette.article.SiteProperties;
import org.gazette.comment.CommentStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Importing WordPress and Disqus exports, Markdown and captures, as an operator does,
 * and reading the result as readers and the desk see it: the stored rows and the
 * article page. Threads are three deep here, so replies deeper than that show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "gazette.comments.thread-depth=3", "gazette.comments.page-size=50",
                "gazette.privacy.client-address-retention-days=0" })
class ImportsTests {

    static final String BRIDGE = "council-approves-the-new-river-bridge";

    @Autowired
    Imports imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ArticleWriter articleWriter;

    @Autowired
    ArticleImporter captures;

    @Autowired
    SiteProperties site;

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;

    @TempDir
    Path directory;

    @Test
    void importsWordPressPostsWithTheirThreadsStatusesAndPhotos() throws Exception {
        Path file = write("first.xml", fixtureText("wordpress-1.2.xml").replace("herald.example", "first.example")
            .replace(BRIDGE, "bridge-first"));

        ImportReport report = this.imports.run(file, ImportOptions.defaults(), ImportProgress.NONE);

        assertThat(report.format()).isEqualTo(ImportFormat.WORDPRESS);
        assertThat(report.articlesCreated()).isEqualTo(2);
        assertThat(report.commentsCreated()).containsOnly(entry(CommentStatus.APPROVED, 8L),
                entry(CommentStatus.PENDING, 1L), entry(CommentStatus.SPAM, 1L), entry(CommentStatus.TRASH, 1L));
        assertThat(report.skipped()).containsOnly(entry("pingback", 1L), entry("trackback", 1L), entry("page", 1L),
                entry("attachment", 1L));

        Map<String, Object> bridge = this.jdbc.queryForMap("select * from article where slug = ?", "bridge-first");
        assertThat(bridge).containsEntry("status", "PUBLISHED")
            .containsEntry("byline", "sam")
            .containsEntry("standfirst", "A bridge at last, after ten years.")
            .containsEntry("comments_open", true)
            .containsEntry("source_key", "wxr:first.example:10");
        assertThat(instant(bridge.get("published_at"))).isEqualTo(Instant.parse("2021-03-04T08:30:00Z"));
        assertThat(this.jdbc.queryForList("""
                select b.kind || '|' || coalesce(b.body_text, p.caption || '|' || coalesce(p.credit, '') || '|'
                       || coalesce(p.image_url, '') || '|' || coalesce(p.alt_text, ''))
                  from article_block b left join photo_caption p on p.id = b.photo_id
                 where b.article_id = ? order by b.block_order""", String.class, bridge.get("id")))
            .containsExactly(
                    "PARAGRAPH|The council voted 7 to 2 on Tuesday to build the bridge, ending ten years of debate.",
                    "PHOTO|The old ferry landing, where the bridge will start.|Lee Park / Riverside Herald|"
                            + "https://first.example/wp-content/uploads/2021/03/bridge.jpg|The old ferry landing at dawn",
                    "SUBHEADING|What it will cost",
                    "PARAGRAPH|The bridge will cost $48 million, the budget says. Work starts in the spring.",
                    "PHOTO|The vote in the council chamber|Sam Reporter|"
                            + "https://first.example/wp-content/uploads/2021/03/vote.jpg|Councillors raise their hands",
                    "PARAGRAPH|The first cars should cross in 2024.");

        Map<String, Object> draft = this.jdbc.queryForMap("select * from article where source_key = ?",
                "wxr:first.example:20");
        assertThat((String) draft.get("slug")).startsWith("ferry-timetable-draft");
        assertThat(draft).containsEntry("status", "DRAFT")
            .containsEntry("comments_open", false)
            .containsEntry("first_published_at", null);
        assertThat(instant(draft.get("published_at")))
            .isEqualTo(LocalDateTime.parse("2021-03-05T09:00:00").atZone(ZoneId.of("America/Toronto")).toInstant());

        Map<String, Map<String, Object>> comments = comments("wxr:first.example:comment:");
        long top = (long) comments.get("101").get("id");
        long bo = (long) comments.get("102").get("id");
        assertThat(comments.get("101")).containsEntry("depth", 1)
            .containsEntry("parent_id", null)
            .containsEntry("thread_id", null)
            .containsEntry("author_name", "Анна Петрова")
            .containsEntry("author_email", "anna@mail.example")
            .containsEntry("author_website", "https://anna.example/")
            .containsEntry("client_address", "192.0.2.10")
            .containsEntry("body", "Отличная новость для города!")
            .containsEntry("status", "APPROVED")
            .containsEntry("status_reason", "IMPORTED")
            .containsEntry("staff", false);
        assertThat(instant(comments.get("101").get("created_at"))).isEqualTo(Instant.parse("2021-03-04T10:00:00Z"));
        assertThat(comments.get("102")).containsEntry("depth", 2)
            .containsEntry("parent_id", top)
            .containsEntry("thread_id", top)
            .containsEntry("author_website", null)
            .containsEntry("client_network", ClientAddresses.limitKey("2001:db8::7"))
            .containsEntry("body", "Agreed 🎉👍");
        for (String deep : List.of("103", "104", "105")) {
            assertThat(comments.get(deep)).as(deep)
                .containsEntry("depth", 3)
                .containsEntry("parent_id", bo)
                .containsEntry("thread_id", top);
        }
        assertThat(comments.get("104")).containsEntry("body",
                "I <b>really</b> think so. <script>alert(1)</script>\n\nSecond paragraph &amp; more.");
        assertThat(comments.get("106")).containsEntry("status", "PENDING");
        assertThat(comments.get("107")).containsEntry("status", "SPAM");
        assertThat(comments.get("108")).containsEntry("status", "TRASH").containsEntry("trashed_from", "APPROVED");
        assertThat(comments.get("111")).containsEntry("staff", false);
        assertThat(comments).doesNotContainKeys("109", "110");
    }

    @Test
    void importedThreadsRenderOnTheArticlePageInOrderAndDepth() throws Exception {
        this.imports.run(fixture("wordpress-1.2.xml"), ImportOptions.defaults(), ImportProgress.NONE);

        Document page = get("/articles/" + BRIDGE);

        assertThat(page.selectFirst("h1").text()).isEqualTo("Council approves the new river bridge");
        assertThat(page.select("article .article-body h2").eachText()).containsExactly("What it will cost");
        assertThat(page.select("article .article-body figcaption .credit").eachText())
            .containsExactly("Lee Park / Riverside Herald", "Sam Reporter");
        List<Element> threads = page.select("ol.comment-list > li.comment");
        assertThat(threads).extracting(ImportsTests::author)
            .containsExactly("Анна Петрова", "Jane Editor", "Second Thread");
        Element anna = threads.get(0);
        assertThat(anna.select("> ol.children > li.comment")).extracting(ImportsTests::author).containsExactly("Bo");
        Element bo = anna.selectFirst("> ol.children > li.comment");
        assertThat(bo.select("> ol.children > li.comment")).extracting(ImportsTests::author)
            .containsExactly("נועה", "Dan", "Eve");
        Element dan = bo.select("> ol.children > li.comment").get(1);
        Element text = dan.selectFirst(".comment-content");
        assertThat(text.select("b").eachText()).containsExactly("really");
        assertThat(text.select("script")).isEmpty();
        assertThat(text.text()).contains("<script>alert(1)</script>");
        assertThat(text.select("p")).hasSize(2);
        assertThat(page.text()).contains("Agreed 🎉👍", "אני מסכים — أوافق")
            .doesNotContain("Waiting for a moderator", "Buy cheap watches", "Something an editor threw away",
                    "the council voted [");
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() throws Exception {
        this.imports.run(fixture("wordpress-1.2.xml"), ImportOptions.defaults(), ImportProgress.NONE);
        List<Map<String, Object>> articlesBefore = this.jdbc.queryForList("select * from article order by id");
        List<Map<String, Object>> commentsBefore = this.jdbc.queryForList("select * from comment order by id");

        ImportReport again = this.imports.run(fixture("wordpress-1.2.xml"), ImportOptions.defaults(),
                ImportProgress.NONE);

        assertThat(again.articlesCreated()).isZero();
        assertThat(again.articlesPresent()).isEqualTo(2);
        assertThat(again.commentsCreated()).isEmpty();
        assertThat(again.commentsPresent()).containsOnly(entry(CommentStatus.APPROVED, 8L),
                entry(CommentStatus.PENDING, 1L), entry(CommentStatus.SPAM, 1L), entry(CommentStatus.TRASH, 1L));
        assertThat(this.jdbc.queryForList("select * from article order by id")).isEqualTo(articlesBefore);
        assertThat(this.jdbc.queryForList("select * from comment order by id")).isEqualTo(commentsBefore);
    }

    @Test
    void importsWordPress11AndMarksTheCommentsOfNamedStaffLogins() throws Exception {
        ImportReport report = this.imports.run(fixture("wordpress-1.1.xml"), new ImportOptions(Set.of("Jane")),
                ImportProgress.NONE);

        assertThat(report.articlesCreated()).isEqualTo(2);
        Map<String, Map<String, Object>> comments = comments("wxr:gazette-old.example:comment:");
        assertThat(comments).hasSize(11);
        assertThat(comments.get("111")).containsEntry("staff", true).containsEntry("status_reason", "STAFF");
        assertThat(comments.get("101")).containsEntry("staff", false);
        assertThat(get("/articles/council-approves-the-river-bridge-11").select("li.comment-staff")).extracting(
                ImportsTests::author).containsExactly("Jane Editor");
    }

    @Test
    void importsDisqusThreadsIntoTheArticleTheirLinkNamesOrIntoAStubItReports() throws Exception {
        this.imports.run(fixture("wordpress-1.2.xml"), ImportOptions.defaults(), ImportProgress.NONE);

        ImportReport report = this.imports.run(fixture("disqus.xml"), ImportOptions.defaults(), ImportProgress.NONE);

        assertThat(report.format()).isEqualTo(ImportFormat.DISQUS);
        assertThat(report.stubs()).containsExactly(new ImportReport.Stub("the-mill-closes-its-doors",
                "https://herald.example/2019/07/the-mill-closes-its-doors/", "The mill closes its doors"));
        assertThat(report.commentsCreated()).containsOnly(entry(CommentStatus.APPROVED, 3L),
                entry(CommentStatus.TRASH, 1L), entry(CommentStatus.SPAM, 1L));
        Map<String, Map<String, Object>> posts = comments("disqus:");
        long bridge = this.jdbc.queryForObject("select id from article where slug = ?", Long.class, BRIDGE);
        assertThat(posts.get("5001")).containsEntry("article_id", bridge)
            .containsEntry("author_name", "Κώστας")
            .containsEntry("body", "Finally! Photos of the old ferry: <a href=\"https://photos.example/ferry\">"
                    + "photos.example/ferry</a>\n\nSecond paragraph, <i>Ελληνικά</i>.");
        assertThat(posts.get("5002")).containsEntry("parent_id", posts.get("5001").get("id"))
            .containsEntry("depth", 2)
            .containsEntry("author_email", "")
            .containsEntry("body", "Reply with a line\nbreak and <not a tag>.");
        assertThat(posts.get("5003")).containsEntry("status", "TRASH");
        assertThat(posts.get("5004")).containsEntry("status", "SPAM");
        assertThat(this.jdbc.queryForMap("select status, comments_open from article where slug = ?",
                "the-mill-closes-its-doors")).containsEntry("status", "DRAFT").containsEntry("comments_open", false);
        assertThat(get("/articles/" + BRIDGE).select("ol.comment-list > li.comment")).extracting(ImportsTests::author)
            .containsExactly("Анна Петрова", "Jane Editor", "Second Thread", "Κώστας");

        ImportReport again = this.imports.run(fixture("disqus.xml"), ImportOptions.defaults(), ImportProgress.NONE);

        assertThat(again.stubs()).isEmpty();
        assertThat(again.commentsCreated()).isEmpty();
        assertThat(again.commentsPresentTotal()).isEqualTo(5);
    }

    @Test
    void aDisqusExportWhoseThreadsInterleaveIsWrittenInSeveralPassesWithEveryThreadWhole() throws Exception {
        Imports holdingThree = new Imports(this.articleWriter, this.captures, this.site, this.clock,
                new ImportProperties(DataSize.ofMegabytes(512), 3));
        // Three stories commented on at once: each post's thread, then the post it answers.
        String[][] posts = { { "1", null }, { "2", null }, { "3", null }, { "1", "6001" }, { "2", "6002" },
            { "3", null }, { "1", "6004" }, { "2", null } };
        StringBuilder file = new StringBuilder("""
                <?xml version="1.0" encoding="utf-8"?>
                <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
                """);
        for (int thread = 1; thread <= 3; thread++) {
            file.append("""
                    <thread dsq:id="800%1$d"><link>https://herald.example/2020/01/interleaved-story-%1$d/</link>
                    <title>Interleaved story %1$d</title><createdAt>2020-01-01T08:00:00Z</createdAt></thread>
                    """.formatted(thread));
        }
        for (int i = 0; i < posts.length; i++) {
            String parent = (posts[i][1] != null) ? "<parent dsq:id=\"" + posts[i][1] + "\" />" : "";
            file.append("""
                    <post dsq:id="600%1$d"><message><![CDATA[<p>Post %1$d</p>]]></message>
                    <createdAt>2020-01-02T08:0%1$d:00Z</createdAt><author><name>Reader %1$d</name></author>
                    <thread dsq:id="800%2$s" />%3$s</post>
                    """.formatted(i + 1, posts[i][0], parent));
        }
        Path export = write("interleaved.xml", file.append("</disqus>\n").toString());
        List<ImportCounts> heard = new ArrayList<>();

        ImportReport report = holdingThree.run(export, ImportOptions.defaults(), heard::add);

        assertThat(report.stubs()).extracting(ImportReport.Stub::slug)
            .containsExactlyInAnyOrder("interleaved-story-1", "interleaved-story-2", "interleaved-story-3");
        assertThat(report.commentsCreated()).containsOnly(entry(CommentStatus.APPROVED, 8L));
        Map<String, Map<String, Object>> stored = comments("disqus:600");
        assertThat(stored.get("4")).containsEntry("parent_id", stored.get("1").get("id")).containsEntry("depth", 2);
        assertThat(stored.get("7")).containsEntry("parent_id", stored.get("4").get("id")).containsEntry("depth", 3);
        assertThat(stored.get("5")).containsEntry("parent_id", stored.get("2").get("id"))
            .containsEntry("article_id", stored.get("2").get("article_id"));
        assertThat(stored.get("6")).containsEntry("article_id", stored.get("3").get("article_id"));
        List<Integer> writing = heard.stream().filter((counts) -> counts.phase() == ImportCounts.Phase.WRITING)
            .map(ImportCounts::percent).toList();
        assertThat(writing).as("the bar runs once over all the passes").isSorted().endsWith(100)
            .anyMatch((percent) -> percent > 0 && percent < 50).anyMatch((percent) -> percent >= 50 && percent < 100);
    }

    @Test
    void refusesAFileWithAnExternalEntity() throws Exception {
        Path file = write("xxe.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><link>https://xxe.example</link>
                <item><title>&xxe;</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type></item>
                </channel></rss>
                """);

        assertRefusedAndNothingStored(file, "xxe.xml: line 2, ", "DOCTYPE is not accepted");
    }

    @Test
    void refusesBillionLaughs() throws Exception {
        Path file = write("laughs.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                 <!ENTITY lol "lol">
                 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>
                <disqus xmlns="http://disqus.com"><thread><title>&lol9;</title></thread></disqus>
                """);

        assertRefusedAndNothingStored(file, "laughs.xml: line ", "DOCTYPE is not accepted");
    }

    @Test
    void refusesAnOversizedComment() throws Exception {
        String huge = "x".repeat(40_001);
        Path file = write("huge.xml", fixtureText("wordpress-1.2.xml").replace("herald.example", "huge.example")
            .replace("Agreed 🎉👍", huge));
        int line = lineOf(file, huge) ;

        assertRefusedAndNothingStored(file,
                "huge.xml: line " + line + ", <wp:comment_content>: longer than the 40000 characters accepted", "");
    }

    @Test
    void refusesATruncatedFile() throws Exception {
        String whole = fixtureText("wordpress-1.2.xml").replace("herald.example", "truncated.example");
        Path file = write("truncated.xml", whole.substring(0, whole.indexOf("<wp:comment_id>106")));

        assertRefusedAndNothingStored(file, "truncated.xml: line ", "not well-formed XML");
    }

    @Test
    void refusesAMalformedDateWithItsLineAndElement() throws Exception {
        Path file = write("dates.xml", fixtureText("wordpress-1.2.xml").replace("herald.example", "dates.example")
            .replace("2021-03-04 10:20:00", "2021-13-45 10:20:00"));
        int line = lineOf(file, "<wp:comment_date_gmt><![CDATA[2021-13-45");

        assertRefusedAndNothingStored(file,
                "dates.xml: line " + line + ", <wp:comment_date_gmt>: not a date: 2021-13-45 10:20:00", "");
    }

    @Test
    void aFailureHalfWayLeavesWholeArticlesWithAllTheirCommentsAndNothingOfTheRest() throws Exception {
        String first = item(1, "first-post", comment(11, 0) + comment(12, 11));
        String second = item(2, "second-post", comment(21, 0) + comment(11, 0));
        Path file = write("halfway.xml", wxr("halfway.example", first + second));

        assertThatExceptionOfType(ImportFailedException.class)
            .isThrownBy(() -> this.imports.run(file, ImportOptions.defaults(), ImportProgress.NONE))
            .withMessageStartingWith("halfway.xml: stopped while writing article wxr:halfway.example:2");

        assertThat(comments("wxr:halfway.example:comment:")).containsOnlyKeys("11", "12");
        assertThat(this.jdbc.queryForList("select slug from article where source_key like 'wxr:halfway.example:%'",
                String.class)).containsExactly("first-post");
    }

    @Test
    void reportsProgressWhileCheckingAndWriting() throws Exception {
        List<ImportCounts> heard = new ArrayList<>();
        Path file = write("progress.xml", wxr("progress.example", item(1, "progress-one", comment(1, 0))
                + item(2, "progress-two", comment(2, 0) + comment(3, 2))));
        long size = Files.size(file);

        this.imports.run(file, ImportOptions.defaults(), heard::add);

        assertThat(heard).extracting(ImportCounts::phase).startsWith(ImportCounts.Phase.CHECKING)
            .endsWith(ImportCounts.Phase.WRITING);
        ImportCounts last = heard.get(heard.size() - 1);
        assertThat(last.articles()).isEqualTo(2);
        assertThat(last.comments()).isEqualTo(3);
        assertThat(last.bytesRead()).isEqualTo(size);
        assertThat(last.totalBytes()).isEqualTo(size);
        assertThat(last.percent()).isEqualTo(100);
    }

    @Test
    void aMarkdownArticleRoundTripsToThePage() throws Exception {
        Path file = write("bridge.md", """
                ---
                headline: Ferry makes its last crossing
                dateline: 2024-06-01
                byline: Lee Park
                standfirst: A hundred years of service end on Saturday.
                comments: closed
                ---

                The *Riverside* ferry crossed for the last time on Saturday.

                ## Crowds on both banks

                ![The ferry at the landing](https://img.example/ferry.jpg "The ferry at its landing. (Lee Park / Herald)")

                Hundreds came to wave it off.
                """);

        ImportReport report = this.imports.run(file, ImportOptions.defaults(), ImportProgress.NONE);

        assertThat(report.format()).isEqualTo(ImportFormat.MARKDOWN);
        assertThat(report.articlesCreated()).isEqualTo(1);
        assertThat(this.jdbc.queryForMap("select byline, standfirst, comments_open from article where slug = ?",
                "ferry-makes-its-last-crossing")).containsEntry("byline", "Lee Park")
            .containsEntry("standfirst", "A hundred years of service end on Saturday.")
            .containsEntry("comments_open", false);
        Document page = get("/articles/ferry-makes-its-last-crossing");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Ferry makes its last crossing");
        assertThat(page.select("article .article-body p").eachText()).contains(
                "The Riverside ferry crossed for the last time on Saturday.", "Hundreds came to wave it off.");
        assertThat(page.select("article .article-body h2").eachText()).containsExactly("Crowds on both banks");
        Element photo = page.selectFirst("article .article-body figure");
        assertThat(photo.selectFirst("img").attr("src")).isEqualTo("https://img.example/ferry.jpg");
        assertThat(photo.selectFirst("img").attr("alt")).isEqualTo("The ferry at the landing");
        assertThat(photo.selectFirst(".caption").text()).isEqualTo("The ferry at its landing.");
        assertThat(photo.selectFirst(".credit").text()).isEqualTo("Lee Park / Herald");
        assertThat(page.selectFirst("article .dateline time").attr("datetime")).startsWith("2024-06-01T12:00");

        assertThat(this.imports.run(file, ImportOptions.defaults(), ImportProgress.NONE).articlesPresent())
            .isEqualTo(1);
    }

    @Test
    void aCaptureRoundTripsToThePage() throws Exception {
        Path file = write("capture.txt", """
                Dateline: 2023-02-14
                ---
                Mill reopens as a market

                The old mill on the river opened again on Tuesday, now as a market.

                Stalls and traders

                Forty traders have taken stalls so far.
                """);

        ImportReport report = this.imports.run(file, ImportOptions.defaults(), ImportProgress.NONE);

        assertThat(report.format()).isEqualTo(ImportFormat.CAPTURE);
        assertThat(report.articlesCreated()).isEqualTo(1);
        Document page = get("/articles/mill-reopens-as-a-market");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Mill reopens as a market");
        assertThat(page.select("article .article-body h2").eachText()).containsExactly("Stalls and traders");
        assertThat(this.imports.run(file, ImportOptions.defaults(), ImportProgress.NONE).articlesPresent())
            .isEqualTo(1);
    }

    @Test
    void refusesAMarkdownFileWithABadDateAndStoresNothing() throws Exception {
        Path file = write("bad.md", """
                ---
                headline: Never stored
                date: 2024-02-30
                ---
                Text.
                """);

        assertRefusedAndNothingStored(file, "bad.md: line 3, date: not a date: 2024-02-30", "");
    }

    // helpers -------------------------------------------------------------------------

    private void assertRefusedAndNothingStored(Path file, String messageStart, String contains) {
        long articles = count("article");
        long comments = count("comment");
        assertThatExceptionOfType(ImportRefusedException.class)
            .isThrownBy(() -> this.imports.run(file, ImportOptions.defaults(), ImportProgress.NONE))
            .withMessageStartingWith(messageStart)
            .withMessageContaining(contains);
        assertThat(count("article")).isEqualTo(articles);
        assertThat(count("comment")).isEqualTo(comments);
    }

    private long count(String table) {
        return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /** The comments whose source key starts with the prefix, by the rest of the key. */
    private Map<String, Map<String, Object>> comments(String prefix) {
        Map<String, Map<String, Object>> byKey = new java.util.HashMap<>();
        for (Map<String, Object> row : this.jdbc.queryForList("select * from comment where source_key like ?",
                prefix + "%")) {
            Map<String, Object> normalised = new java.util.HashMap<>(row);
            normalised.replaceAll((column, value) -> (value instanceof Number number && !(value instanceof Long)
                    && column.endsWith("_id")) ? number.longValue() : value);
            if (row.get("id") instanceof Number id) {
                normalised.put("id", id.longValue());
            }
            if (row.get("depth") instanceof Number depth) {
                normalised.put("depth", depth.intValue());
            }
            byKey.put(((String) row.get("source_key")).substring(prefix.length()), normalised);
        }
        return byKey;
    }

    private static Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }

    private static String author(Element comment) {
        return comment.selectFirst("> article .comment-author").text();
    }

    private Document get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private Path fixture(String name) throws IOException {
        Path file = this.directory.resolve(name);
        if (!Files.exists(file)) {
            try (InputStream in = getClass().getResourceAsStream("/exchange/" + name)) {
                Files.copy(in, file);
            }
        }
        return file;
    }

    private String fixtureText(String name) throws IOException {
        return Files.readString(fixture(name), StandardCharsets.UTF_8);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(this.directory.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("not in the file: " + text);
    }

    static String wxr(String site, String items) {
        return """
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                <link>https://%s</link>
                <wp:wxr_version>1.2</wp:wxr_version>
                %s
                </channel>
                </rss>
                """.formatted(site, items);
    }

    static String item(int id, String slug, String comments) {
        return """
                <item><title>Post %1$d</title>
                <content:encoded><![CDATA[Text of post %1$d.]]></content:encoded>
                <wp:post_id>%1$d</wp:post_id><wp:post_date_gmt>2022-01-0%1$d 10:00:00</wp:post_date_gmt>
                <wp:comment_status>open</wp:comment_status><wp:post_name>%2$s</wp:post_name>
                <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
                %3$s</item>
                """.formatted(id, slug, comments);
    }

    static String comment(int id, int parent) {
        return """
                <wp:comment><wp:comment_id>%1$d</wp:comment_id><wp:comment_author>Reader %1$d</wp:comment_author>
                <wp:comment_author_email>reader%1$d@mail.example</wp:comment_author_email>
                <wp:comment_date_gmt>2022-01-09 10:%1$02d:00</wp:comment_date_gmt>
                <wp:comment_content>Comment %1$d</wp:comment_content><wp:comment_approved>1</wp:comment_approved>
                <wp:comment_type>comment</wp:comment_type><wp:comment_parent>%2$d</wp:comment_parent>
                </wp:comment>
                """.formatted(id, parent);
    }

}
