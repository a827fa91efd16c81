package org.gazette.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator lives on a management port of its own (health with its probes, and the
 * Prometheus metrics), while the public port keeps {@code /actuator/health} exactly as
 * the route contract has it, and the probes a proxy checks, but shows no metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagementPortTests {

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Test
    void publicPortAnswersHealthAsTheActuatorDoes() throws Exception {
        HttpResponse<String> health = get(this.port, "/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type"))
            .hasValue("application/vnd.spring-boot.actuator.v3+json");
        assertThat(health.body()).isEqualTo(get(this.managementPort, "/actuator/health").body())
            .contains("\"status\":\"UP\"")
            .doesNotContain("components", "details");
    }

    @Test
    void publicPortAnswersTheProbesAProxyChecks() throws Exception {
        for (String probe : new String[] { "/livez", "/readyz" }) {
            HttpResponse<String> answer = get(this.port, probe);
            assertThat(answer.statusCode()).as(probe).isEqualTo(200);
            assertThat(answer.body()).as(probe).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void managementPortAnswersProbesAndMetrics() throws Exception {
        assertThat(this.managementPort).isNotEqualTo(this.port);
        assertThat(get(this.managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get(this.managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        get(this.port, "/");

        HttpResponse<String> metrics = get(this.managementPort, "/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count", "hikaricp_connections_active");
    }

    @Test
    void publicPortShowsNoMetricsNorOtherEndpoints() throws Exception {
        for (String path : new String[] { "/actuator/prometheus", "/actuator", "/actuator/health/readiness",
                "/actuator/env", "/actuator/metrics" }) {
            assertThat(get(this.port, path).statusCode()).as(path).isEqualTo(404);
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
