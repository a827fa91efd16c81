package org.gazette.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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
 * Pages are encoded as Thymeleaf renders them, into bytes that reach the client only
 * once the page is whole, with their length. A page that fails half-way sends nothing,
 * so the error page takes its place.
 * <p>
 * Thymeleaf's own way to render a page whole is a string buffer that starts at 1 KB and
 * doubles, copied into a string, then into the container's character buffer, then
 * encoded through a {@code CharsetEncoder} in 8 KB chunks, which falls back to its slow
 * loop at a chunk's first character outside ASCII (a non-breaking space, a dash, a
 * reader's name). On the moderation queue (70 KB a page) that took a fifth of the page's
 * CPU and some 0.9 MB of short-lived copies a page, which the collector had to move
 * while 16 pages were in flight. Here one encoder turns each 8 KB of text into bytes in
 * a buffer sized by the view's previous page: about one copy of the page.
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
     * Text encoded as it is written, 8 KB of characters at a time, into bytes kept until
     * {@link #finish}. A high surrogate at the end of one write waits for the low surrogate
     * that starts the next; characters that cannot be encoded become the charset's
     * replacement, as with {@link String#getBytes(Charset)}.
     */
    static final class PageBuffer extends Writer {

        /** The most a view's next buffer starts at, whatever its last page was. */
        static final int MAX_EXPECTED = 1024 * 1024;

        private final CharsetEncoder encoder;

        private final CharBuffer chars = CharBuffer.allocate(8 * 1024);

        private ByteBuffer bytes;

        PageBuffer(Charset charset, int expectedBytes) {
            this.encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
            this.bytes = ByteBuffer.allocate(Math.max(expectedBytes, 1024));
        }

        @Override
        public void write(char[] source, int offset, int length) {
            int from = offset;
            int left = length;
            while (left > 0) {
                int taken = Math.min(left, this.chars.remaining());
                this.chars.put(source, from, taken);
                from += taken;
                left -= taken;
                if (!this.chars.hasRemaining()) {
                    encode(false);
                }
            }
        }

        @Override
        public void write(String source, int offset, int length) {
            int from = offset;
            int left = length;
            while (left > 0) {
                int taken = Math.min(left, this.chars.remaining());
                int at = this.chars.position();
                source.getChars(from, from + taken, this.chars.array(), at);
                this.chars.position(at + taken);
                from += taken;
                left -= taken;
                if (!this.chars.hasRemaining()) {
                    encode(false);
                }
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
            encode(true);
            while (this.encoder.flush(this.bytes).isOverflow()) {
                grow();
            }
            this.bytes.flip();
            return this.bytes;
        }

        private void encode(boolean endOfInput) {
            this.chars.flip();
            CoderResult result = this.encoder.encode(this.chars, this.bytes, endOfInput);
            while (result.isOverflow()) {
                grow();
                result = this.encoder.encode(this.chars, this.bytes, endOfInput);
            }
            this.chars.compact();
        }

        private void grow() {
            ByteBuffer larger = ByteBuffer.allocate(this.bytes.capacity() * 2);
            this.bytes.flip();
            larger.put(this.bytes);
            this.bytes = larger;
        }

    }

}
