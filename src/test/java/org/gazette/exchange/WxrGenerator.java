package org.gazette.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
        WxrOutput wxr = new WxrOutput(out);
        wxr.channel("Generated Herald", "https://generated.example");
        long commentId = 1;
        Instant start = Instant.parse("2015-01-01T08:00:00Z");
        for (int post = 1; post <= posts; post++) {
            Instant published = start.plusSeconds(post * 3_600L);
            wxr.post(post, "Generated story number " + post, "story-" + post, published,
                    "First paragraph of story " + post + ", with <em>some</em> markup.\n\n<h2>A subheading</h2>\n\n"
                            + "[caption id=\"attachment_1\" width=\"800\"]<img src=\"https://generated.example/p"
                            + post + ".jpg\" alt=\"A photo\" /> What the photo shows. (Staff Photographer)[/caption]\n\n"
                            + "Second paragraph of the story.",
                    "Story " + post + " in one line.");
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
                // The arguments are evaluated in order: the same draws from random as ever, the same file.
                wxr.comment(id, "Reader " + random.nextInt(50_000), "reader" + random.nextInt(50_000) + "@mail.example",
                        null, "192.0.2." + random.nextInt(255), at,
                        TEXTS[random.nextInt(TEXTS.length)] + " (" + id + ")", status, type, parent);
            }
            wxr.endPost();
        }
        wxr.end();
    }

}
