package org.gazette.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page writer hands the client exactly the bytes the container's writer would: the
 * text in UTF-8, written at once, however it is cut into writes, a surrogate pair split
 * between two writes included.
 */
class PageEncodingTests {

    private static final String PAGE = "<p>Oskar Bergstr\u00f6m \u2013 \u201cnot so fast\u201d\u00a0\ud83d\ude00 \u00b7 end</p>";

    @Test
    void aPageWrittenWholeIsItsUtf8Bytes() throws IOException {
        assertThat(written(PAGE.length())).isEqualTo(PAGE.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anyCutIntoWritesGivesTheSameBytes() throws IOException {
        for (int size = 1; size < PAGE.length(); size++) {
            assertThat(written(size)).as("writes of %d characters", size)
                .isEqualTo(PAGE.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aLoneHighSurrogateAtTheEndIsWrittenOnCloseAsTheCharsetWould() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PageEncoding.BytesWriter writer = new PageEncoding.BytesWriter(out, StandardCharsets.UTF_8);

        writer.write("end\ud83d");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("end");
        writer.close();

        assertThat(out.toByteArray()).isEqualTo("end\ud83d".getBytes(StandardCharsets.UTF_8));
    }

    /** The page written in pieces of the given size, alternately as strings and as character arrays. */
    private static byte[] written(int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PageEncoding.BytesWriter writer = new PageEncoding.BytesWriter(out, StandardCharsets.UTF_8);
        boolean asString = true;
        for (int start = 0; start < PAGE.length(); start += size) {
            int end = Math.min(start + size, PAGE.length());
            if (asString) {
                writer.write(PAGE, start, end - start);
            }
            else {
                writer.write(PAGE.toCharArray(), start, end - start);
            }
            asString = !asString;
        }
        writer.close();
        return out.toByteArray();
    }

}
