package org.gazette.web;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page buffer holds exactly the bytes the container's writer would send: the text in
 * UTF-8, however it is cut into writes, a surrogate pair split between two writes and
 * between two of the buffer's blocks included, and a page larger than the buffer's first
 * guess of its size.
 */
class PageEncodingTests {

    private static final String PAGE = "<p>Oskar Bergstr\u00f6m \u2013 \u201cnot so fast\u201d\u00a0\ud83d\ude00 \u00b7 end</p>";

    @Test
    void aPageWrittenWholeIsItsUtf8Bytes() {
        assertThat(written(PAGE, PAGE.length(), 1024)).isEqualTo(PAGE.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anyCutIntoWritesGivesTheSameBytes() {
        for (int size = 1; size < PAGE.length(); size++) {
            assertThat(written(PAGE, size, 1024)).as("writes of %d characters", size)
                .isEqualTo(PAGE.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aPageOfManyBlocksLargerThanExpectedGivesTheSameBytes() {
        // 8 KB blocks of characters end inside surrogate pairs and multi-byte characters
        String page = PAGE.repeat(2_000);
        for (int size : new int[] { 1_000, 8_191, 8_192, 8_193, 70_000, page.length() }) {
            assertThat(written(page, size, 1024)).as("writes of %d characters", size)
                .isEqualTo(page.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aPageThatFitsItsExpectedSizeStaysInItsFirstBuffer() {
        // Room is taken as the text needs it, not three bytes for every character of a write
        // (which made nearly every page outgrow its buffer near its end and be copied whole)
        String page = PAGE.repeat(1_000);
        int length = page.getBytes(StandardCharsets.UTF_8).length;
        int expected = length + 1024;
        PageEncoding.PageBuffer buffer = new PageEncoding.PageBuffer(StandardCharsets.UTF_8, expected);
        for (int start = 0; start < page.length(); start += 8_192) {
            buffer.write(page, start, Math.min(8_192, page.length() - start));
        }

        ByteBuffer bytes = buffer.finish();

        assertThat(bytes.limit()).isEqualTo(length);
        assertThat(bytes.array()).hasSize(expected);
    }

    @Test
    void aLoneSurrogateIsWrittenAsTheCharsetWould() {
        for (String text : new String[] { "end\ud83d", "\ude00start", "mid\ud83ddle", "two\ud83d\ud83d\ude00",
                "\ud83d\ud83d" }) {
            for (int size = 1; size <= text.length(); size++) {
                assertThat(written(text, size, 1024)).as("%s in writes of %d", text, size)
                    .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void anotherCharsetIsEncodedAsItsOwnEncoderWould() {
        String page = "<p>Bergstr\u00f6m \u2013 caf\u00e9</p>";
        for (int size : new int[] { 1, 5, page.length() }) {
            assertThat(written(page, size, 16, StandardCharsets.ISO_8859_1)).as("writes of %d characters", size)
                .isEqualTo(page.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static byte[] written(String page, int size, int expectedBytes) {
        return written(page, size, expectedBytes, StandardCharsets.UTF_8);
    }

    /** The page written in pieces of the given size, alternately as strings and as character arrays. */
    private static byte[] written(String page, int size, int expectedBytes, Charset charset) {
        PageEncoding.PageBuffer buffer = new PageEncoding.PageBuffer(charset, expectedBytes);
        char[] characters = page.toCharArray();
        boolean asString = true;
        for (int start = 0; start < page.length(); start += size) {
            int end = Math.min(start + size, page.length());
            if (asString) {
                buffer.write(page, start, end - start);
            }
            else {
                buffer.write(characters, start, end - start);
            }
            asString = !asString;
        }
        ByteBuffer bytes = buffer.finish();
        return Arrays.copyOfRange(bytes.array(), 0, bytes.limit());
    }

}
