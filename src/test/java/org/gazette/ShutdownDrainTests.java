package org.gazette;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Stopping a node drains it: its readiness probe answers 503 at once, so that the
 * proxy stops sending, while it goes on serving readers for the drain time; only then
 * does the web server stop taking connections.
 */
class ShutdownDrainTests {

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .build();

    @Test
    void readinessRefusesAtOnceWhileReadersAreServedForTheDrain() throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GazetteApplication.class)
            .run("--server.port=0", "--management.server.port=0", "--gazette.shutdown.drain=4s");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);

        long asked = System.nanoTime();
        CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close);
        HttpResponse<String> readiness = awaitUnready(port, Duration.ofSeconds(2));

        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"status\":\"OUT_OF_SERVICE\"");
        assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(503);
        assertThat(get(port, "/livez").statusCode()).as("alive all the same").isEqualTo(200);
        assertThat(get(port, "/").statusCode()).as("a reader during the drain").isEqualTo(200);
        assertThat(closed).as("still draining").isNotDone();

        closed.get(60, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        assertThatExceptionOfType(IOException.class).as("no connection once stopped")
            .isThrownBy(() -> get(port, "/"));
    }

    @Test
    void withoutADrainStopsWithoutWaiting() {
        ShutdownDrain drain = new ShutdownDrain(new ShutdownProperties(Duration.ZERO), (event) -> {
        });
        drain.start();
        long started = System.nanoTime();

        drain.stop();

        assertThat(drain.isRunning()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    private HttpResponse<String> awaitUnready(int port, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> readiness = get(port, "/readyz");
        while (readiness.statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            readiness = get(port, "/readyz");
        }
        return readiness;
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
