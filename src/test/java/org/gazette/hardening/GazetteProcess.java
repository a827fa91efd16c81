package org.gazette.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application (the jar {@code mvn package} builds) running as a separate
 * process on a free port (its management server on another), in a working directory
 * of its own, so its H2 database lives in {@code <directory>/data}. Its output goes to a log file in that directory.
 */
final class GazetteProcess implements AutoCloseable {

    private final Process process;

    private final int port;

    private final Path log;

    private GazetteProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * The jar to run: the {@code gazette.jar} system property (set by the build for
     * the integration tests), else the application jar in {@code target/}.
     */
    static Path packagedJar() throws IOException {
        String configured = System.getProperty("gazette.jar");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter((file) -> file.getFileName().toString().matches("gazette-.*\\.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No application jar in target/: run ./mvnw package"));
        }
    }

    /** Starts the jar in {@code directory} and waits until its health endpoint answers UP. */
    static GazetteProcess start(Path jar, Path directory, List<String> jvmOptions, List<String> arguments,
            Duration timeout) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
                "--management.server.port=" + freePort()));
        command.addAll(arguments);
        Path log = directory.resolve("gazette-" + port + ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
        GazetteProcess app = new GazetteProcess(process, port, log);
        try {
            app.awaitHealthy(timeout);
        }
        catch (IOException | InterruptedException | RuntimeException ex) {
            app.kill();
            throw ex;
        }
        return app;
    }

    int port() {
        return this.port;
    }

    long pid() {
        return this.process.pid();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }

    boolean isAlive() {
        return this.process.isAlive();
    }

    /** Kills the process at once: SIGKILL on Linux, no shutdown hooks run. */
    void kill() throws InterruptedException {
        this.process.destroyForcibly();
        this.process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Asks the process to stop (SIGTERM: graceful shutdown) and waits for it to exit. */
    void stop() throws InterruptedException {
        this.process.destroy();
        if (!this.process.waitFor(90, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Gazette did not stop within 90 s after SIGTERM; log: " + logTail());
        }
    }

    /** The last lines of the process's output, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(this.log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    String logText() throws IOException {
        return Files.readString(this.log);
    }

    @Override
    public void close() throws InterruptedException {
        if (this.process.isAlive()) {
            kill();
        }
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
        HttpRequest health = HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!this.process.isAlive()) {
                throw new IllegalStateException("Gazette exited with " + this.process.exitValue()
                        + " before it was ready; log:\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            }
            catch (IOException ex) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Gazette was not ready within " + timeout + "; log:\n" + logTail());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

}
