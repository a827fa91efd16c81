package org.gazette.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Writes the benchmark's hot article as a WordPress export: one published post that takes
 * comments, dated an hour ago, with a lifelike discussion from {@link DiscussionGenerator}:
 * {@code APPROVED} approved comments, about 30% of them replies nested at most
 * {@value #MAX_DEPTH} deep, then {@code PENDING} pending ones (their replies answer approved
 * comments), dated over the last hour, all sent from {@value #CLIENT_ADDRESS}. The same
 * arguments give the same file, but for the dates.
 * <p>
 * A later file adds to the same post: its comment ids start after {@code ID_OFFSET}, and
 * given the earlier file its replies may answer that file's approved comments and its
 * dates follow them. The import keys the post by its id and each comment by its own, so
 * the second file adds only its new comments. Comment ids belong to the site, as in
 * WordPress: two posts of the same site never share one.
 * <p>
 * {@code java -cp target/test-classes org.gazette.exchange.HotArticleExport FILE APPROVED PENDING SEED [ID_OFFSET [EARLIER_FILE]]}
 */
public final class HotArticleExport {

    /** The site the post comes from: with {@link #POST_ID}, what the import knows the article by. */
    static final String SITE = "https://newsroom.example";

    static final long POST_ID = 1;

    static final String HEADLINE = "Talks end without agreement as the alliance braces for a long winter";

    /** The post's slug, which the import keeps while no other article has it. */
    static final String SLUG = "talks-end-without-agreement-as-the-alliance-braces-for-a-long-winter";

    static final int MAX_DEPTH = 3;

    static final String CLIENT_ADDRESS = "192.0.2.1";

    /** How long ago the post was published; the comments are spread over that time. */
    static final Duration WINDOW = Duration.ofHours(1);

    private static final int READERS = 2_000;

    private static final String WP = "http://wordpress.org/export/1.2/";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final String BODY = """
            Foreign ministers left Brussels on Thursday without the agreement their governments had promised, \
            and the alliance's secretary general warned that the winter ahead would test its members' resolve.

            The talks, the third round since the summer, ended an hour early. Diplomats on both sides said the \
            security guarantees on the table had not moved since the last meeting.

            <h2>What was on the table</h2>

            The smaller members asked for troops to stay at the border through the spring; Germany and France \
            argued for another round of talks before any decision on equipment.

            Energy prices, which rose again this week, hung over every session. "Nobody here wants a frozen \
            conflict," one negotiator said, "but nobody wants to pay for the alternative either."

            The next round is expected in January.""";

    private static final String STANDFIRST = "The third round of talks in Brussels ends an hour early, "
            + "with the security guarantees where they were.";

    private HotArticleExport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4 || args.length > 6) {
            System.err.println("usage: HotArticleExport FILE APPROVED PENDING SEED [ID_OFFSET [EARLIER_FILE]]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int approved = Integer.parseInt(args[1]);
        int pending = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        long idOffset = (args.length > 4) ? Long.parseLong(args[4]) : 0;
        Earlier earlier = (args.length > 5) ? Earlier.read(Path.of(args[5])) : null;
        try {
            check(approved, pending, idOffset, earlier);
        }
        catch (IllegalArgumentException ex) {
            System.err.println("HotArticleExport: " + ex.getMessage());
            System.exit(2);
        }
        Fill fill;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            fill = write(out, POST_ID, approved, pending, seed, idOffset, earlier, Instant.now());
        }
        System.out.printf("%s: post %d, slug %s: %d approved and %d pending comments (ids %d-%d), %d replies, "
                + "nested %d deep, %d KB%n", file, POST_ID, SLUG, approved, pending, fill.firstId(), fill.lastId(),
                fill.replies(), fill.deepest(), Files.size(file) >> 10);
    }

    /**
     * Writes the export.
     * @param postId the post's id: the same id in a later file adds to the same article
     * @param idOffset the comment ids start after it
     * @param earlier an earlier file of the same post whose approved comments replies may
     * answer, or {@code null}
     * @param now when the file is written: the comments are dated up to it
     * @return what was written
     */
    static Fill write(Writer out, long postId, int approved, int pending, long seed, long idOffset, Earlier earlier,
            Instant now) throws IOException {
        check(approved, pending, idOffset, earlier);
        Instant end = now.truncatedTo(ChronoUnit.SECONDS);
        Instant published = end.minus(WINDOW);
        Instant from = (earlier != null && earlier.latest().isAfter(published)) ? earlier.latest() : published;
        long span = Duration.between(from, end).toMillis();
        int count = approved + pending;
        DiscussionGenerator generator = new DiscussionGenerator(seed, READERS);
        List<Parent> parents = new ArrayList<>((earlier != null) ? earlier.answerable() : List.of());
        WxrOutput wxr = new WxrOutput(out);
        wxr.channel("Newsroom", SITE);
        wxr.post(postId, HEADLINE, SLUG, published, BODY, STANDFIRST);
        int replies = 0;
        int deepest = 0;
        for (int i = 0; i < count; i++) {
            boolean approve = i < approved;
            long id = idOffset + i + 1;
            DiscussionGenerator.Written comment = generator.next();
            Parent parent = (!parents.isEmpty() && generator.nextIsReply()) ? generator.pickRecent(parents) : null;
            int depth = (parent != null) ? parent.depth() + 1 : 1;
            Instant at = from.plusMillis(span * (i + 1) / count);
            wxr.comment(id, comment.author(), comment.email(), comment.website(), CLIENT_ADDRESS, at, comment.text(),
                    approve ? "1" : "0", "comment", (parent != null) ? parent.id() : 0);
            replies += (parent != null) ? 1 : 0;
            deepest = Math.max(deepest, depth);
            if (approve && depth < MAX_DEPTH) {
                parents.add(new Parent(id, depth));
            }
        }
        wxr.endPost();
        wxr.end();
        return new Fill(idOffset + 1, idOffset + count, replies, deepest);
    }

    private static void check(int approved, int pending, long idOffset, Earlier earlier) {
        if (approved < 0 || pending < 0 || idOffset < 0) {
            throw new IllegalArgumentException("APPROVED, PENDING and ID_OFFSET cannot be negative");
        }
        if (earlier != null && idOffset < earlier.lastId()) {
            throw new IllegalArgumentException("ID_OFFSET must be at least " + earlier.lastId()
                    + ", the earlier file's last comment id, or the ids collide");
        }
    }

    /**
     * What a file holds.
     *
     * @param firstId its first comment's id
     * @param lastId its last comment's id
     * @param replies how many of its comments are replies
     * @param deepest the deepest nesting reached
     */
    record Fill(long firstId, long lastId, int replies, int deepest) {

    }

    /** An approved comment that may take a reply, and how deep it sits. */
    record Parent(long id, int depth) {

    }

    /**
     * What a later file needs of an earlier one.
     *
     * @param answerable its approved comments that may take a reply, oldest first
     * @param lastId its highest comment id
     * @param latest its newest comment's date
     */
    record Earlier(List<Parent> answerable, long lastId, Instant latest) {

        /** Reads the comments of an export this class wrote (parents come before their replies). */
        static Earlier read(Path file) throws IOException {
            Map<Long, Integer> depths = new HashMap<>();
            List<Parent> answerable = new ArrayList<>();
            long lastId = 0;
            Instant latest = Instant.EPOCH;
            try (InputStream in = Files.newInputStream(file)) {
                XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
                Map<String, String> fields = null;
                String field = null;
                StringBuilder text = new StringBuilder();
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamReader.START_ELEMENT && WP.equals(xml.getNamespaceURI())) {
                        if (xml.getLocalName().equals("comment")) {
                            fields = new HashMap<>();
                        }
                        else if (fields != null) {
                            field = xml.getLocalName();
                            text.setLength(0);
                        }
                    }
                    else if ((event == XMLStreamReader.CHARACTERS || event == XMLStreamReader.CDATA) && field != null) {
                        text.append(xml.getText());
                    }
                    else if (event == XMLStreamReader.END_ELEMENT && WP.equals(xml.getNamespaceURI())
                            && fields != null) {
                        if (xml.getLocalName().equals("comment")) {
                            long id = Long.parseLong(fields.get("comment_id"));
                            long parent = Long.parseLong(fields.get("comment_parent"));
                            // A parent from a file before this one: its depth is unknown, so no replies.
                            Integer parentDepth = depths.get(parent);
                            int depth = (parent == 0) ? 1 : (parentDepth != null) ? parentDepth + 1 : MAX_DEPTH;
                            depths.put(id, depth);
                            if ("1".equals(fields.get("comment_approved")) && depth < MAX_DEPTH) {
                                answerable.add(new Parent(id, depth));
                            }
                            lastId = Math.max(lastId, id);
                            Instant at = LocalDateTime.parse(fields.get("comment_date_gmt"), DATE)
                                .toInstant(ZoneOffset.UTC);
                            latest = at.isAfter(latest) ? at : latest;
                            fields = null;
                        }
                        else if (field != null) {
                            fields.put(field, text.toString().strip());
                            field = null;
                        }
                    }
                }
                xml.close();
            }
            catch (XMLStreamException | RuntimeException ex) {
                throw new IOException(file + " is not an export this generator wrote: " + ex.getMessage(), ex);
            }
            return new Earlier(List.copyOf(answerable), lastId, latest);
        }

    }

}
