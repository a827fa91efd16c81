package org.gazette.exchange;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gazette.GazetteApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import} run through the command line's entry point against fresh H2 file
 * databases: exit statuses, what it prints, and the round trip through an export.
 */
class ImportCommandTests {

    private static final Instant PUBLISHED = Instant.parse("2022-01-12T17:05:00Z");

    @TempDir
    Path directory;

    private SiteDatabase empty;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void database() throws Exception {
        Files.createDirectories(this.directory.resolve("empty"));
        this.empty = new SiteDatabase(this.directory.resolve("empty"));
    }

    @Test
    void importsFilesInOrderAndSummarisesEach() throws Exception {
        Path wordpress = copy("exchange/wordpress-1.2.xml");
        Path disqus = copy("exchange/disqus.xml");

        assertThat(run(this.empty, "import", wordpress.toString(), disqus.toString())).isZero();

        String summary = this.out.toString(StandardCharsets.UTF_8);
        assertThat(summary).containsSubsequence("wordpress-1.2.xml (WordPress export): ", " created",
                "  comments created: ", "  skipped: ", "comments/s", "disqus.xml (Disqus export): ");
        assertThat(summary).containsPattern("skipped: .*pingback");
        assertThat(this.empty.comments()).isNotEmpty();
    }

    @Test
    void printsPlainProgressLinesWhenNotOnATerminal() throws Exception {
        assertThat(run(this.empty, "import", copy("exchange/wordpress-1.2.xml").toString())).isZero();

        assertThat(err()).doesNotContain("\r")
            .containsPattern("(?m)^wordpress-1\\.2\\.xml checking: 100%  .* comments/s$")
            .containsPattern("(?m)^wordpress-1\\.2\\.xml importing: 100%  .* comments/s$");
    }

    @Test
    void refusesAMalformedFileWithItsLineAndChangesNothing() throws Exception {
        Path bad = this.directory.resolve("bad.xml");
        Files.writeString(bad, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><wp:wxr_version>1.2</wp:wxr_version>
                <item><wp:post_id>1</wp:post_id><wp:post_date_gmt>not a date</wp:post_date_gmt>
                """);

        assertThat(run(this.empty, "import", bad.toString())).isEqualTo(1);

        assertThat(err()).startsWith("gazette import: bad.xml: line ").doesNotContain("Exception");
        assertThat(err().lines().filter((line) -> line.startsWith("gazette import:"))).hasSize(1);
        assertThat(this.empty.articles()).isEmpty();
    }

    @Test
    void refusesAMissingFile() {
        assertThat(run(this.empty, "import", this.directory.resolve("absent.xml").toString())).isEqualTo(1);

        assertThat(err()).isEqualTo("gazette import: no such file: " + this.directory.resolve("absent.xml") + "\n");
    }

    @Test
    void refusesAnUnknownOption() {
        assertThat(run(this.empty, "import", "--format=wxr", "x.xml")).isEqualTo(2);

        assertThat(err()).startsWith("gazette import: unknown option --format\nUsage:");
    }

    @Test
    void exportThenImportIntoAnEmptyDatabaseGivesTheSameArticlesAndComments() throws Exception {
        Files.createDirectories(this.directory.resolve("source"));
        SiteDatabase source = new SiteDatabase(this.directory.resolve("source"));
        long article = source.article("talks-halt", "As talks halt, NATO warns", "Lorne Cook", "Allies “stand united”.",
                true, true, PUBLISHED);
        source.paragraph(article, 0, "NATO’s chief said <Wednesday> & more.");
        source.subheading(article, 1, "“Important consequences” for Russia");
        source.photo(article, 2, "Jens Stoltenberg speaks in Brussels.", "Olivier Hoslet / AP", null, null);
        source.paragraph(article, 3, "Zoë’s closing paragraph.");
        long draft = source.article("draft-story", "A draft", null, null, false, false, PUBLISHED.plusSeconds(60));
        source.paragraph(draft, 0, "Not yet.");
        long first = source.comment(article, null, "Zoë Ångström", "zoe@mail.example", "https://zoe.example",
                "192.0.2.7", "APPROVED", false, "Première <b>remarque</b> ]]> avec\nune ligne.",
                PUBLISHED.plusSeconds(100));
        long reply = source.comment(article, first, "Desk", "desk@gazette.example", null, null, "APPROVED", true,
                "Staff reply.", PUBLISHED.plusSeconds(200));
        source.comment(article, reply, "Ann Lee", "ann@mail.example", null, "2001:db8::1", "PENDING", false,
                "Deep reply 😀", PUBLISHED.plusSeconds(300));
        source.comment(article, null, "Spammer", "spam@mail.example", "http://spam.example", "198.51.100.1", "SPAM",
                false, "Buy now", PUBLISHED.plusSeconds(400));
        source.comment(draft, null, "Bo", "bo@mail.example", null, null, "TRASH", false, "Gone",
                PUBLISHED.plusSeconds(500));
        Path file = this.directory.resolve("site.xml");

        assertThat(run(source, "export", "--format=wxr", file.toString())).isZero();
        // the source's comments are years old: an operator who keeps addresses forever gets them all back
        assertThat(run(this.empty, "import", "--staff=gazette-staff", "--gazette.privacy.client-address-retention-days=0",
                file.toString())).isZero();

        assertThat(articles(this.empty)).isEqualTo(articles(source));
        assertThat(bodies(this.empty)).isEqualTo(bodies(source));
        assertThat(comments(this.empty)).isEqualTo(comments(source));
    }

    private List<Map<String, Object>> articles(SiteDatabase site) {
        return site.jdbc().queryForList("""
                select slug, headline, byline, standfirst, status, published_at, comments_open
                  from article order by slug""").stream().map(ImportCommandTests::instants).toList();
    }

    private List<Map<String, Object>> bodies(SiteDatabase site) {
        return site.jdbc().queryForList("""
                select a.slug, b.block_order, b.kind, b.body_text, p.caption, p.credit
                  from article_block b join article a on a.id = b.article_id
                  left join photo_caption p on p.id = b.photo_id
                 order by a.slug, b.block_order""");
    }

    /** Every comment with its parent's and thread's authors instead of ids, which differ. */
    private List<Map<String, Object>> comments(SiteDatabase site) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : site.jdbc().queryForList("""
                select a.slug, c.depth, c.author_name, c.author_email, c.author_website, c.client_address,
                       c.created_at, c.status, c.staff, c.body, p.author_name as parent_author,
                       t.author_name as thread_author
                  from comment c join article a on a.id = c.article_id
                  left join comment p on p.id = c.parent_id
                  left join comment t on t.id = c.thread_id
                 order by c.created_at""")) {
            rows.add(instants(row));
        }
        return rows;
    }

    private static Map<String, Object> instants(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        copy.replaceAll((key, value) -> (value instanceof OffsetDateTime time) ? time.toInstant() : value);
        return copy;
    }

    private Path copy(String resource) throws Exception {
        Path file = this.directory.resolve(Path.of(resource).getFileName());
        try (var in = new ClassPathResource(resource).getInputStream()) {
            Files.copy(in, file);
        }
        return file;
    }

    private int run(SiteDatabase site, String... args) {
        String[] withDatabase = new String[args.length + 1];
        withDatabase[0] = args[0];
        withDatabase[1] = site.urlArgument();
        System.arraycopy(args, 1, withDatabase, 2, args.length - 1);
        return Commands.run(GazetteApplication.class, withDatabase,
                new PrintStream(this.out, true, StandardCharsets.UTF_8),
                new PrintStream(this.err, true, StandardCharsets.UTF_8), false);
    }

    private String err() {
        return this.err.toString(StandardCharsets.UTF_8);
    }

}
