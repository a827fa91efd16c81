package org.gazette.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 written byte by byte over a socket, for requests an HTTP client library
 * refuses to send (invalid bytes in the request line, a Content-Length without the
 * body, odd methods). Every request is sent with {@code Connection: close} and the
 * answer read to the end.
 */
public final class RawHttp {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?m)^content-length:\\s*(\\d+)");

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /**
     * Sends a request: the request line as given (bytes, so that invalid UTF-8 can be
     * sent), the headers, and the body if any, with Host, Content-Length (unless a
     * header gives one) and {@code Connection: close} added.
     */
    public Response send(String method, byte[] target, List<String> headers, byte[] body) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write((method + " ").getBytes(StandardCharsets.US_ASCII));
        request.write(target);
        request.write(" HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        List<String> lines = new ArrayList<>(headers);
        lines.add("Host: localhost:" + this.port);
        lines.add("Connection: close");
        boolean lengthGiven = headers.stream()
            .map((header) -> header.toLowerCase(Locale.ROOT))
            .anyMatch((header) -> header.startsWith("content-length:") || header.startsWith("transfer-encoding:"));
        if (body != null && !lengthGiven) {
            lines.add("Content-Length: " + body.length);
        }
        for (String line : lines) {
            request.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        request.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            request.write(body);
        }
        try (Socket socket = new Socket("127.0.0.1", this.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toByteArray());
                out.flush();
            }
            catch (SocketException writeFailed) {
                // The server may answer and close before taking the whole request (a request
                // line or body over its limits): its answer is read if it arrived.
                byte[] answer = readAll(socket.getInputStream());
                if (answer.length == 0) {
                    throw writeFailed;
                }
                return Response.parse(answer);
            }
            return Response.parse(readAll(socket.getInputStream()));
        }
        catch (SocketTimeoutException ex) {
            String line = method + " " + new String(target, StandardCharsets.ISO_8859_1);
            throw new SocketTimeoutException("No complete answer within 30 s to " + abbreviate(line) + " " + headers);
        }
    }

    public Response send(String method, String target, List<String> headers, String body) throws IOException {
        return send(method, target.getBytes(StandardCharsets.UTF_8), headers,
                (body != null) ? body.getBytes(StandardCharsets.UTF_8) : null);
    }

    public Response get(String target, String... headers) throws IOException {
        return send("GET", target, List.of(headers), null);
    }

    /**
     * Reads one answer: up to the end of its body as its headers announce it (length or
     * chunks), or to the end of the stream when they announce neither. The server may
     * keep the connection open after answering (to swallow a body it did not read), so
     * the end of the stream is not waited for.
     */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
                if (isComplete(bytes.toByteArray())) {
                    break;
                }
            }
        }
        catch (SocketException ex) {
            // The server may reset the connection after answering (a body it did not read).
            if (bytes.size() == 0) {
                throw ex;
            }
        }
        return bytes.toByteArray();
    }

    private static String abbreviate(String value) {
        return (value.length() <= 200) ? value : value.substring(0, 200) + "…";
    }

    private static boolean isComplete(byte[] bytes) {
        String text = withoutInterimAnswers(new String(bytes, StandardCharsets.ISO_8859_1));
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        Matcher length = CONTENT_LENGTH.matcher(head);
        if (length.find()) {
            return bytes.length >= end + 4 + Integer.parseInt(length.group(1));
        }
        if (head.matches("(?s).*\r\ntransfer-encoding:\\s*chunked.*")) {
            String body = text.substring(end + 4);
            return body.startsWith("0\r\n\r\n") || body.endsWith("\r\n0\r\n\r\n");
        }
        return false;
    }

    /** The text without the {@code 1xx} answers (such as {@code 100 Continue}) before the final one. */
    static String withoutInterimAnswers(String text) {
        String rest = text;
        while (rest.matches("(?s)HTTP/1\\.1 1\\d\\d.*") && rest.contains("\r\n\r\n")) {
            rest = rest.substring(rest.indexOf("\r\n\r\n") + 4);
        }
        return rest;
    }

    /**
     * An answer: status, header lines and the body (decoded from chunks, as UTF-8).
     *
     * @param status the status code
     * @param headers the header lines, as {@code Name: value}
     * @param body the body
     */
    public record Response(int status, List<String> headers, String body) {

        public Optional<String> header(String name) {
            return headers(name).stream().findFirst();
        }

        public List<String> headers(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return this.headers.stream()
                .filter((line) -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map((line) -> line.substring(prefix.length()).strip())
                .toList();
        }

        static Response parse(byte[] all) {
            String interim = new String(all, StandardCharsets.ISO_8859_1);
            byte[] bytes = Arrays.copyOfRange(all, interim.length() - withoutInterimAnswers(interim).length(),
                    all.length);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IllegalStateException("Not an HTTP answer: " + text);
            }
            String[] head = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(head[0].split(" ")[1]);
            List<String> headers = List.of(head).subList(1, head.length);
            byte[] rest = Arrays.copyOfRange(bytes, end + 4, bytes.length);
            boolean chunked = headers.stream()
                .anyMatch((line) -> line.toLowerCase(Locale.ROOT).matches("transfer-encoding:\\s*chunked"));
            return new Response(status, headers, new String(chunked ? dechunk(rest) : rest, StandardCharsets.UTF_8));
        }

        private static byte[] dechunk(byte[] bytes) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int position = 0;
            while (position < bytes.length) {
                int lineEnd = indexOfCrlf(bytes, position);
                if (lineEnd < 0) {
                    break;
                }
                String size = new String(bytes, position, lineEnd - position, StandardCharsets.US_ASCII).split(";")[0]
                    .strip();
                int length = Integer.parseInt(size, 16);
                if (length == 0) {
                    break;
                }
                int start = lineEnd + 2;
                body.write(bytes, start, Math.min(length, bytes.length - start));
                position = start + length + 2;
            }
            return body.toByteArray();
        }

        private static int indexOfCrlf(byte[] bytes, int from) {
            for (int i = from; i + 1 < bytes.length; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    return i;
                }
            }
            return -1;
        }

    }

}
