package org.gazette.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body as it arrives and writes its file part straight
 * to a temporary file, never holding the file in memory and never more than the cap on
 * disk. Gazette's servlet container parses no multipart bodies ({@code
 * spring.servlet.multipart.enabled=false}), so that no other page can be sent one; this
 * upload alone reads its own.
 */
final class UploadSpool {

    /** Other fields of the form (the CSRF token) are small; a longer one is refused. */
    private static final int MAX_FIELD_BYTES = 8 * 1024;

    private static final int MAX_HEADER_BYTES = 8 * 1024;

    private static final Pattern BOUNDARY = Pattern.compile("boundary=(?:\"([^\"]+)\"|([^;\\s]+))",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern DISPOSITION_NAME = Pattern.compile("(?i)[;\\s]name=\"([^\"]*)\"");

    private static final Pattern DISPOSITION_FILE = Pattern.compile("(?i)filename=\"([^\"]*)\"");

    private UploadSpool() {
    }

    /**
     * Spools the part named {@code field} to a new file in {@code directory}.
     * @throws UploadRefusedException when the body is not a form with such a file, or the
     * file is larger than {@code maxBytes}; no file is left behind then
     */
    static Spooled spool(String contentType, InputStream body, String field, long maxBytes, Path directory)
            throws IOException {
        String boundary = boundary(contentType);
        Reader reader = new Reader(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1));
        // the body starts with the first delimiter (without the leading CRLF)
        reader.skipPreamble(("--" + boundary).getBytes(StandardCharsets.ISO_8859_1));
        Spooled spooled = null;
        try {
            while (reader.nextPart()) {
                String headers = reader.headers();
                Matcher name = DISPOSITION_NAME.matcher(headers);
                Matcher file = DISPOSITION_FILE.matcher(headers);
                if (spooled == null && name.find() && name.group(1).equals(field) && file.find()
                        && !file.group(1).isEmpty()) {
                    String fileName = baseName(file.group(1));
                    Path path = Files.createTempFile(directory, "gazette-import-", ".upload");
                    spooled = new Spooled(path, fileName, 0);
                    long size;
                    try (OutputStream out = Files.newOutputStream(path)) {
                        size = reader.copyPart(out, maxBytes);
                    }
                    spooled = new Spooled(path, fileName, size);
                }
                else {
                    reader.copyPart(OutputStream.nullOutputStream(), MAX_FIELD_BYTES);
                }
            }
            if (spooled == null) {
                throw new UploadRefusedException(UploadRefusedException.Reason.NO_FILE);
            }
            return spooled;
        }
        catch (IOException | RuntimeException ex) {
            if (spooled != null) {
                Files.deleteIfExists(spooled.path());
            }
            throw ex;
        }
    }

    private static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new UploadRefusedException(UploadRefusedException.Reason.NOT_A_FORM);
        }
        Matcher matcher = BOUNDARY.matcher(contentType);
        if (!matcher.find()) {
            throw new UploadRefusedException(UploadRefusedException.Reason.NOT_A_FORM);
        }
        String boundary = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
        if (boundary.isEmpty() || boundary.length() > 70) {
            throw new UploadRefusedException(UploadRefusedException.Reason.NOT_A_FORM);
        }
        return boundary;
    }

    /**
     * The name without any path a browser may send ({@code C:\\fakepath\\x.xml}), with
     * only letters, digits and {@code . _ - ( )} kept, safe as a file's name.
     */
    static String baseName(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
            .replaceAll("[^\\p{L}\\p{N}._() -]", "_")
            .strip();
        if (base.length() > 200) {
            base = base.substring(base.length() - 200);
        }
        return (base.isEmpty() || base.chars().allMatch((c) -> c == '.')) ? "upload" : base;
    }

    /** The spooled file, its name as the browser gave it and its size. */
    record Spooled(Path path, String fileName, long size) {

    }

    /** Reads the body through a buffer, finding each delimiter without reading past it. */
    private static final class Reader {

        private final InputStream in;

        private final byte[] delimiter;

        private final byte[] buffer = new byte[64 * 1024];

        private int start;

        private int end;

        private boolean finished;

        Reader(InputStream in, byte[] delimiter) {
            this.in = in;
            this.delimiter = delimiter;
        }

        void skipPreamble(byte[] first) throws IOException {
            fill(first.length + 2);
            if (!startsWith(first)) {
                // a preamble: everything up to the first CRLF-prefixed delimiter
                copyPart(OutputStream.nullOutputStream(), MAX_FIELD_BYTES);
                return;
            }
            this.start += first.length;
        }

        /** Moves past the end of the delimiter line; false at the closing delimiter. */
        boolean nextPart() throws IOException {
            if (this.finished) {
                return false;
            }
            fill(2);
            if (available() >= 2 && this.buffer[this.start] == '-' && this.buffer[this.start + 1] == '-') {
                this.finished = true;
                return false;
            }
            // the rest of the delimiter line (transport padding, then CRLF)
            while (true) {
                fill(1);
                if (available() == 0) {
                    throw new UploadRefusedException(UploadRefusedException.Reason.NOT_A_FORM);
                }
                byte b = this.buffer[this.start++];
                if (b == '\n') {
                    return true;
                }
            }
        }

        /** The part's headers, up to the blank line. */
        String headers() throws IOException {
            StringBuilder headers = new StringBuilder();
            while (true) {
                fill(1);
                if (available() == 0 || headers.length() > MAX_HEADER_BYTES) {
                    throw new UploadRefusedException(UploadRefusedException.Reason.NOT_A_FORM);
                }
                char c = (char) (this.buffer[this.start++] & 0xFF);
                headers.append(c);
                int length = headers.length();
                if (length >= 4 && headers.substring(length - 4).equals("\r\n\r\n")) {
                    return new String(headers.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                }
            }
        }

        /** Copies the part's content up to the next delimiter; refuses a part over the cap. */
        long copyPart(OutputStream out, long maxBytes) throws IOException {
            long copied = 0;
            while (true) {
                fill(this.delimiter.length);
                int found = indexOfDelimiter();
                int upTo = (found >= 0) ? found : Math.max(this.start, this.end - this.delimiter.length + 1);
                int length = upTo - this.start;
                if (copied + length > maxBytes) {
                    throw new UploadRefusedException(UploadRefusedException.Reason.TOO_LARGE);
                }
                out.write(this.buffer, this.start, length);
                copied += length;
                this.start = upTo;
                if (found >= 0) {
                    this.start += this.delimiter.length;
                    return copied;
                }
                if (available() < this.delimiter.length && eof) {
                    throw new UploadRefusedException(UploadRefusedException.Reason.NOT_A_FORM);
                }
            }
        }

        private boolean eof;

        private int available() {
            return this.end - this.start;
        }

        private boolean startsWith(byte[] prefix) {
            if (available() < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (this.buffer[this.start + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        private int indexOfDelimiter() {
            int last = this.end - this.delimiter.length;
            outer: for (int i = this.start; i <= last; i++) {
                for (int j = 0; j < this.delimiter.length; j++) {
                    if (this.buffer[i + j] != this.delimiter[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        /** Reads until at least {@code wanted} bytes are buffered or the body ends. */
        private void fill(int wanted) throws IOException {
            if (available() >= wanted || this.eof) {
                return;
            }
            if (this.start > 0) {
                System.arraycopy(this.buffer, this.start, this.buffer, 0, available());
                this.end -= this.start;
                this.start = 0;
            }
            while (this.end < this.buffer.length && available() < this.buffer.length / 2) {
                int read = this.in.read(this.buffer, this.end, this.buffer.length - this.end);
                if (read < 0) {
                    this.eof = true;
                    return;
                }
                this.end += read;
                if (available() >= wanted && this.in.available() <= 0) {
                    return;
                }
            }
        }

    }

}
