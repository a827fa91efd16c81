package org.gazette.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Stopping Gazette (SIGTERM) finishes the requests in flight: a comment whose post
 * has begun when the stop is asked for is still stored and answered 303, while new
 * connections are no longer taken.
 */
class GracefulShutdownIT {

    @TempDir
    Path directory;

    @Test
    void commentPostInFlightAtSigtermIsFinishedAndStored() throws Exception {
        Path jar = GazetteProcess.packagedJar();
        String text = "Posted slowly while the server stops";
        byte[] body = ("comment=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&author=Slow+Reader&email=slow%40example.com").getBytes(StandardCharsets.US_ASCII);
        int half = body.length / 2;
        String response;
        String log;
        try (GazetteProcess app = GazetteProcess.start(jar, this.directory, CrashDurabilityIT.JVM_OPTIONS,
                CrashDurabilityIT.ARGUMENTS, Duration.ofSeconds(120));
                Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + CommentClient.ARTICLE + "/comments HTTP/1.1\r\nHost: 127.0.0.1:" + app.port()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, half);
            out.flush();
            awaitRequestWaitingForItsBody(app, Duration.ofSeconds(60));

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> stop(app));
            awaitLogLine(app, "Commencing graceful shutdown", Duration.ofSeconds(30));
            assertThat(app.isAlive()).as("still finishing the request in flight").isTrue();
            assertThatExceptionOfType(IOException.class).as("a new connection during shutdown")
                .isThrownBy(() -> new CommentClient(app::uri).get("/"));

            out.write(body, half, body.length - half);
            out.flush();
            response = readAll(socket.getInputStream());
            stopped.get(90, TimeUnit.SECONDS);
            log = app.logText();
            assertThat(log).contains("Graceful shutdown complete");
        }
        assertThat(response).as("the answer to the post in flight; the application's log:%n%s", log)
            .startsWith("HTTP/1.1 303");
        Matcher location = Pattern.compile("(?m)^Location: .*#comment-(\\d+)\\r?$").matcher(response);
        assertThat(location.find()).as("a Location with the comment's id in\n%s", response).isTrue();
        Map<Long, String> stored = CrashDurabilityIT.storedComments(this.directory);
        assertThat(stored).containsEntry(Long.parseLong(location.group(1)), text);
    }

    private static void stop(GazetteProcess app) {
        try {
            app.stop();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Waits until a request thread of the application is inside the servlet and
     * waiting for the rest of the body: from then on the request is in flight as the
     * server counts it. Asked of the JVM with a thread dump ({@code jcmd}), not
     * guessed with a sleep.
     */
    private static void awaitRequestWaitingForItsBody(GazetteProcess app, Duration timeout) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        long deadline = System.nanoTime() + timeout.toNanos();
        String dump = "";
        while (System.nanoTime() < deadline) {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(app.pid()), "Thread.print")
                .redirectErrorStream(true)
                .start();
            dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            for (String thread : dump.split("\\R\\R")) {
                if (thread.contains("StandardWrapperValve.invoke")
                        && thread.contains("org.apache.catalina.connector.InputBuffer")) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No request thread waited for the post's body; last thread dump:\n" + dump);
    }

    private static void awaitLogLine(GazetteProcess app, String line, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!app.logText().contains(line)) {
            assertThat(System.nanoTime()).as("'%s' in the log:\n%s", line, app.logTail()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

}
