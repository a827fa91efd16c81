package org.gazette.exchange;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gazette.comment.CommentImports;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How a Disqus export's posts, listed apart from their threads, are brought together a
 * thread at a time without holding the whole file: every thread handed over once, whole,
 * and no writing pass holding more posts than it may.
 */
class DisqusReaderTests {

    @Test
    void threadsWrittenOneAfterAnotherTakeOnePass() {
        String file = disqus(3, "1 1 1 2 2 3 3 3 3");

        DisqusReader.Layout layout = check(file);

        assertThat(layout.posts()).isEqualTo(9);
        assertThat(layout.passes(4)).containsExactly(Set.of("1", "2", "3"));
        assertThat(writeAll(file, layout, 4)).containsExactly(entry("1", 3), entry("2", 2), entry("3", 4));
    }

    @Test
    void interleavedThreadsAreSplitBetweenPassesThatEachHoldNoMoreThanAllowed() {
        // Four threads open at once, as an export ordered by date has them.
        String file = disqus(4, "1 2 3 4 1 2 3 4 1 2 3 4 1");

        DisqusReader.Layout layout = check(file);
        List<Set<String>> passes = layout.passes(6);

        assertThat(passes).containsExactly(Set.of("1"), Set.of("2", "3"), Set.of("4"));
        Map<String, List<CommentImports.Incoming>> written = new LinkedHashMap<>();
        for (Set<String> pass : passes) {
            Recording sink = new Recording();
            DisqusReader.write(xml(file), layout, pass, sink);
            assertThat(sink.threads.keySet()).containsExactlyInAnyOrderElementsOf(pass);
            written.putAll(sink.threads);
        }
        assertThat(written.keySet()).containsExactlyInAnyOrder("1", "2", "3", "4");
        assertThat(written.get("1")).extracting(CommentImports.Incoming::sourceKey)
            .containsExactly("disqus:1", "disqus:5", "disqus:9", "disqus:13");
        assertThat(written.get("4")).extracting(CommentImports.Incoming::sourceKey)
            .containsExactly("disqus:4", "disqus:8", "disqus:12");
    }

    @Test
    void aThreadLargerThanAPassMayHoldHasAPassOfItsOwn() {
        String file = disqus(2, "1 1 2 1 1 1 2");

        List<Set<String>> passes = check(file).passes(3);

        assertThat(passes).containsExactly(Set.of("1"), Set.of("2"));
        assertThat(writeAll(file, check(file), 3)).containsExactly(entry("1", 5), entry("2", 2));
    }

    @Test
    void aThreadWithoutPostsIsNotHandedOver() {
        String file = disqus(3, "1 3 3");

        assertThat(writeAll(file, check(file), 100)).containsExactly(entry("1", 1), entry("3", 2));
    }

    @Test
    void aFileThatChangedAfterTheCheckIsNotWrittenAsIfWhole() {
        DisqusReader.Layout layout = check(disqus(2, "1 2 1 2"));
        String changed = disqus(2, "1 2 2");

        assertThatExceptionOfType(ImportFailedException.class)
            .isThrownBy(() -> DisqusReader.write(xml(changed), layout, Set.of("1", "2"), new Recording()))
            .withMessage("test.xml: thread 1 has 1 posts where the check found 2; the file changed during the import");
    }

    @Test
    void aThreadThatGainedPostsAfterTheCheckIsNotWrittenTwice() {
        DisqusReader.Layout layout = check(disqus(2, "1 2 2"));
        String changed = disqus(2, "1 2 2 1");

        assertThatExceptionOfType(ImportFailedException.class)
            .isThrownBy(() -> DisqusReader.write(xml(changed), layout, Set.of("1", "2"), new Recording()))
            .withMessage("test.xml: thread 1 has more posts than the check found (1); the file changed during the import");
    }

    @Test
    void theCheckCountsTheThreadsThatHavePosts() {
        Recording sink = new Recording();

        DisqusReader.check(xml(disqus(3, "3 1 3")), sink);

        assertThat(sink.threads).containsOnlyKeys("3", "1");
        assertThat(sink.threads.values()).allMatch(List::isEmpty);
    }

    @Test
    void aPostNamingAThreadTheFileDoesNotHaveIsRefusedWithItsLine() {
        String file = disqus(1, "1 7");

        assertThatExceptionOfType(ImportRefusedException.class).isThrownBy(() -> check(file))
            .withMessageContaining("a post names thread 7, which the file does not have");
    }

    private static Map.Entry<String, Integer> entry(String thread, int posts) {
        return Map.entry(thread, posts);
    }

    private static DisqusReader.Layout check(String file) {
        return DisqusReader.check(xml(file), new Recording());
    }

    /** Every pass in turn, as the import runs them: each thread and its number of posts. */
    private static List<Map.Entry<String, Integer>> writeAll(String file, DisqusReader.Layout layout, int maxHeld) {
        List<Map.Entry<String, Integer>> written = new ArrayList<>();
        for (Set<String> pass : layout.passes(maxHeld)) {
            Recording sink = new Recording();
            DisqusReader.write(xml(file), layout, pass, sink);
            sink.threads.forEach((thread, posts) -> written.add(Map.entry(thread, posts.size())));
        }
        return written;
    }

    private static XmlInput xml(String file) {
        return new XmlInput("test.xml", new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * An export with this many threads (ids 1, 2...) and a post for each number in
     * {@code posts}, naming that thread; post ids count from 1 in file order.
     */
    private static String disqus(int threads, String posts) {
        StringBuilder file = new StringBuilder("""
                <?xml version="1.0" encoding="utf-8"?>
                <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
                """);
        for (int thread = 1; thread <= threads; thread++) {
            file.append("""
                    <thread dsq:id="%1$d"><link>https://herald.example/story-%1$d/</link><title>Story %1$d</title>
                    <createdAt>2021-03-04T08:31:00Z</createdAt></thread>
                    """.formatted(thread));
        }
        int id = 0;
        for (String thread : posts.split(" ")) {
            id++;
            file.append("""
                    <post dsq:id="%1$d"><message><![CDATA[<p>Post %1$d</p>]]></message>
                    <createdAt>2021-03-05T08:%2$02d:00Z</createdAt><author><name>Reader %1$d</name></author>
                    <thread dsq:id="%3$s" /></post>
                    """.formatted(id, id % 60, thread));
        }
        return file.append("</disqus>\n").toString();
    }

    /** A sink that keeps what it is handed. */
    private static final class Recording implements ExportSink {

        final Map<String, List<CommentImports.Incoming>> threads = new LinkedHashMap<>();

        @Override
        public void article(Draft draft, List<CommentImports.Incoming> comments) {
            throw new AssertionError("a Disqus export has no articles");
        }

        @Override
        public void thread(DisqusThread thread, List<CommentImports.Incoming> comments) {
            assertThat(this.threads.put(thread.id(), comments)).as("thread %s handed over twice", thread.id()).isNull();
        }

        @Override
        public void skipped(String reason) {
        }

        @Override
        public void commentRead() {
        }

    }

}
