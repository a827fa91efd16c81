package org.gazette.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Pages rendered whole into one buffer, encoded to UTF-8 as Thymeleaf writes, and sent with their length (a page
 * that fails half-way sends nothing): Thymeleaf's own whole-page rendering costs the moderation queue 22% more
 * CPU a page (BENCHMARKS.md, "PageEncoding").
 */
@Configuration(proxyBeanMethods = false)
class PageEncoding {

    /** Has Boot's Thymeleaf view resolver make {@link EncodedAtOnceView}s. */
    @Bean
    static BeanPostProcessor encodedAtOnceViews() {
        return new BeanPostProcessor() {

            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ThymeleafViewResolver resolver) {
                    resolver.setViewClass(EncodedAtOnceView.class);
                }
                return bean;
            }

        };
    }

    /** A Thymeleaf view that renders into a {@link PageBuffer} and sends the page once it is whole. */
    public static class EncodedAtOnceView extends ThymeleafView {

        /** The size the next page's buffer starts at: the view's last page, and a little more. */
        private volatile int expectedBytes = 16 * 1024;

        /** Thymeleaf writes as it goes, to the page buffer: it is the buffer that holds the page back. */
        @Override
        public boolean getProducePartialOutputWhileProcessing() {
            return true;
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            BufferedPageResponse buffered = new BufferedPageResponse(response, this.expectedBytes);
            super.render(model, request, buffered);
            ByteBuffer page = buffered.page();
            if (page != null) {
                this.expectedBytes = Math.min(page.limit() + page.limit() / 8 + 1024, PageBuffer.MAX_EXPECTED);
                response.setContentLength(page.limit());
                response.getOutputStream().write(page.array(), 0, page.limit());
            }
        }

    }

    /** A response whose writer is a {@link PageBuffer}. */
    static final class BufferedPageResponse extends HttpServletResponseWrapper {

        private final int expectedBytes;

        private PageBuffer buffer;

        private PrintWriter writer;

        BufferedPageResponse(HttpServletResponse response, int expectedBytes) {
            super(response);
            this.expectedBytes = expectedBytes;
        }

        @Override
        public PrintWriter getWriter() {
            if (this.writer == null) {
                this.buffer = new PageBuffer(Charset.forName(getCharacterEncoding()), this.expectedBytes);
                this.writer = new PrintWriter(this.buffer);
            }
            return this.writer;
        }

        /** Nothing is sent before the page is whole. */
        @Override
        public void flushBuffer() {
        }

        /** The page's bytes, or {@code null} when nothing was written. */
        ByteBuffer page() throws IOException {
            if (this.writer == null) {
                return null;
            }
            this.writer.flush();
            if (this.writer.checkError()) {
                throw new IOException("The page could not be written to its buffer");
            }
            return this.buffer.finish();
        }

    }

    /**
     * Text encoded to bytes as it is written, kept until {@link #finish}: UTF-8 by a loop of its own (a high
     * surrogate ending one write waits for the next; a lone one becomes {@code ?}, as with
     * {@link String#getBytes(Charset)}), any other charset once, at the end.
     */
    static final class PageBuffer extends Writer {

        /** The most a view's next buffer starts at, whatever its last page was. */
        static final int MAX_EXPECTED = 1024 * 1024;

        /** How many characters of a string are copied out and encoded at a time. */
        private static final int BLOCK = 8 * 1024;

        private static final byte REPLACEMENT = '?';

        private final Charset charset;

        /** The text so far, in a charset other than UTF-8 only. */
        private final StringBuilder other;

        private char[] block;

        private byte[] bytes;

        private int count;

        /** A high surrogate that ended the last write, or 0. */
        private char pendingHigh;

        PageBuffer(Charset charset, int expectedBytes) {
            this.charset = charset;
            this.other = StandardCharsets.UTF_8.equals(charset) ? null : new StringBuilder(expectedBytes);
            this.bytes = new byte[Math.max(expectedBytes, 1024)];
        }

        @Override
        public void write(char[] source, int offset, int length) {
            if (this.other != null) {
                this.other.append(source, offset, length);
            }
            else {
                encode(source, offset, offset + length);
            }
        }

        @Override
        public void write(String source, int offset, int length) {
            if (this.other != null) {
                this.other.append(source, offset, offset + length);
                return;
            }
            if (this.block == null) {
                this.block = new char[BLOCK];
            }
            for (int from = offset, end = offset + length; from < end; from += BLOCK) {
                int to = Math.min(end, from + BLOCK);
                source.getChars(from, to, this.block, 0);
                encode(this.block, 0, to - from);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        /** The bytes of everything written, ready to read: call once, after the last write. */
        ByteBuffer finish() {
            if (this.other != null) {
                return ByteBuffer.wrap(this.other.toString().getBytes(this.charset));
            }
            if (this.pendingHigh != 0) {
                ensure(1);
                this.bytes[this.count++] = REPLACEMENT;
                this.pendingHigh = 0;
            }
            return ByteBuffer.wrap(this.bytes, 0, this.count);
        }

        /** Appends the UTF-8 bytes of {@code source[from, to)}. */
        private void encode(char[] source, int from, int to) {
            if (from >= to) {
                return;
            }
            ensure(to - from + 4);
            byte[] out = this.bytes;
            int n = this.count;
            int i = from;
            if (this.pendingHigh != 0) {
                if (Character.isLowSurrogate(source[i])) {
                    n = fourBytes(out, n, Character.toCodePoint(this.pendingHigh, source[i]));
                    i++;
                }
                else {
                    out[n++] = REPLACEMENT;
                }
                this.pendingHigh = 0;
            }
            for (; i < to; i++) {
                // Room for the longest character (4 bytes); the rest of the write is taken to be
                // ASCII until it turns out not to be, so a page that fits its buffer stays in it.
                if (n > out.length - 4) {
                    this.count = n;
                    ensure(to - i + 4);
                    out = this.bytes;
                }
                char c = source[i];
                if (c < 0x80) {
                    out[n++] = (byte) c;
                }
                else if (c < 0x800) {
                    out[n++] = (byte) (0xC0 | (c >> 6));
                    out[n++] = (byte) (0x80 | (c & 0x3F));
                }
                else if (!Character.isSurrogate(c)) {
                    out[n++] = (byte) (0xE0 | (c >> 12));
                    out[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    out[n++] = (byte) (0x80 | (c & 0x3F));
                }
                else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(source[i + 1])) {
                    n = fourBytes(out, n, Character.toCodePoint(c, source[++i]));
                }
                else if (Character.isHighSurrogate(c) && i + 1 == to) {
                    this.pendingHigh = c;
                }
                else {
                    out[n++] = REPLACEMENT;
                }
            }
            this.count = n;
        }

        private static int fourBytes(byte[] out, int at, int codePoint) {
            out[at] = (byte) (0xF0 | (codePoint >> 18));
            out[at + 1] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
            out[at + 2] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
            out[at + 3] = (byte) (0x80 | (codePoint & 0x3F));
            return at + 4;
        }

        /** Room for {@code more} bytes, doubling the buffer as often as needed. */
        private void ensure(int more) {
            if (this.count + more > this.bytes.length) {
                int size = this.bytes.length;
                while (this.count + more > size) {
                    size *= 2;
                }
                this.bytes = Arrays.copyOf(this.bytes, size);
            }
        }

    }

}
