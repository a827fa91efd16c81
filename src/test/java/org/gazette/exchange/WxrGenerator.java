package org.gazette.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a large WordPress export for the import benchmark ({@code bench/import.sh}):
 * {@code posts} posts with {@code comments} comments each, threaded like real
 * discussions (about a third replies, some deeper than Gazette's depth), mostly
 * approved with some pending, spam and trash, a pingback now and then, and text in
 * several scripts. The same arguments and seed always give the same file.
 * <p>
 * {@code java -cp target/test-classes org.gazette.exchange.WxrGenerator FILE [POSTS] [COMMENTS_PER_POST]}
 */
public final class WxrGenerator {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneOffset.UTC);

    private static final String[] TEXTS = { "I was at the meeting and it went on far too long.",
            "Отличная новость для города, наконец-то!", "This is great news 🎉 for the whole valley.",
            "אני לא מסכים עם ההחלטה הזאת.", "Who is going to pay for all of this? The <b>taxpayers</b>, as always.",
            "Read the report first: https://example.org/report and then decide.",
            "Ça prend du temps, mais c'est une bonne décision.", "日本語のコメントもあります。",
            "My grandfather worked at the mill for forty years.\n\nHe would have loved to see this." };

    private WxrGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: WxrGenerator FILE [POSTS] [COMMENTS_PER_POST]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int posts = (args.length > 1) ? Integer.parseInt(args[1]) : 10_000;
        int perPost = (args.length > 2) ? Integer.parseInt(args[2]) : 100;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            write(out, posts, perPost, new Random(20260101L));
        }
        System.out.printf("%s: %d posts, %d comments, %d MB%n", file, posts, (long) posts * perPost,
                Files.size(file) >> 20);
    }

    static void write(Writer out, int posts, int perPost, Random random) throws IOException {
        out.write("""
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
                  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                <title>Generated Herald</title>
                <link>https://generated.example</link>
                <wp:wxr_version>1.2</wp:wxr_version>
                <wp:base_site_url>https://generated.example</wp:base_site_url>
                <wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[editor]]></wp:author_login></wp:author>
                """);
        long commentId = 1;
        Instant start = Instant.parse("2015-01-01T08:00:00Z");
        for (int post = 1; post <= posts; post++) {
            Instant published = start.plusSeconds(post * 3_600L);
            out.write("<item>\n<title><![CDATA[Generated story number " + post + "]]></title>\n");
            out.write("<dc:creator><![CDATA[editor]]></dc:creator>\n");
            out.write("<content:encoded><![CDATA[First paragraph of story " + post
                    + ", with <em>some</em> markup.\n\n<h2>A subheading</h2>\n\n"
                    + "[caption id=\"attachment_1\" width=\"800\"]<img src=\"https://generated.example/p" + post
                    + ".jpg\" alt=\"A photo\" /> What the photo shows. (Staff Photographer)[/caption]\n\n"
                    + "Second paragraph of the story.]]></content:encoded>\n");
            out.write("<excerpt:encoded><![CDATA[Story " + post + " in one line.]]></excerpt:encoded>\n");
            out.write("<wp:post_id>" + post + "</wp:post_id>\n<wp:post_date_gmt><![CDATA["
                    + DATE.format(published) + "]]></wp:post_date_gmt>\n");
            out.write("<wp:comment_status><![CDATA[open]]></wp:comment_status>\n<wp:post_name><![CDATA[story-" + post
                    + "]]></wp:post_name>\n<wp:status><![CDATA[publish]]></wp:status>\n"
                    + "<wp:post_type><![CDATA[post]]></wp:post_type>\n");
            List<long[]> parents = new ArrayList<>();
            for (int n = 0; n < perPost; n++) {
                long id = commentId++;
                long parent = 0;
                int depth = 1;
                if (!parents.isEmpty() && random.nextInt(3) == 0) {
                    long[] chosen = parents.get(parents.size() - 1 - random.nextInt(Math.min(parents.size(), 10)));
                    parent = chosen[0];
                    depth = (int) chosen[1] + 1;
                }
                int roll = random.nextInt(100);
                String status = (roll < 88) ? "1" : (roll < 93) ? "0" : (roll < 97) ? "spam" : "trash";
                String type = (random.nextInt(200) == 0) ? "pingback" : "comment";
                if (status.equals("1") && depth < 7) {
                    parents.add(new long[] { id, depth });
                }
                Instant at = published.plusSeconds(60L + n * 97L);
                out.write("<wp:comment>\n<wp:comment_id>" + id + "</wp:comment_id>\n<wp:comment_author><![CDATA[Reader "
                        + random.nextInt(50_000) + "]]></wp:comment_author>\n<wp:comment_author_email><![CDATA[reader"
                        + random.nextInt(50_000) + "@mail.example]]></wp:comment_author_email>\n"
                        + "<wp:comment_author_url></wp:comment_author_url>\n<wp:comment_author_IP><![CDATA[192.0.2."
                        + random.nextInt(255) + "]]></wp:comment_author_IP>\n<wp:comment_date_gmt><![CDATA["
                        + DATE.format(at) + "]]></wp:comment_date_gmt>\n<wp:comment_content><![CDATA["
                        + TEXTS[random.nextInt(TEXTS.length)] + " (" + id + ")]]></wp:comment_content>\n"
                        + "<wp:comment_approved><![CDATA[" + status + "]]></wp:comment_approved>\n"
                        + "<wp:comment_type><![CDATA[" + type + "]]></wp:comment_type>\n<wp:comment_parent>" + parent
                        + "</wp:comment_parent>\n<wp:comment_user_id>0</wp:comment_user_id>\n</wp:comment>\n");
            }
            out.write("</item>\n");
        }
        out.write("</channel>\n</rss>\n");
    }

}
