package org.gazette;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationRegistryCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security's filter chains are not observed: with observations on, every filter of
 * every request is wrapped in one that records events and builds tags and counters that
 * no exposed endpoint shows and no tracer reads. Requests themselves are still observed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ObservationCostTests {

    @Autowired
    private Observed observed;

    @LocalServerPort
    private int port;

    @Test
    void aRequestIsObservedAsAWholeAndSpringSecurityRecordsNothing() throws Exception {
        HttpResponse<Void> answer = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login")).build(),
                    HttpResponse.BodyHandlers.discarding());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(this.observed.names).contains("http.server.requests")
            .noneMatch((name) -> name.startsWith("spring.security"));
    }

    /** The names of the observations started, as a tracer or a metrics registry would see them. */
    static final class Observed implements ObservationHandler<Observation.Context> {

        final List<String> names = new CopyOnWriteArrayList<>();

        @Override
        public void onStart(Observation.Context context) {
            this.names.add(context.getName());
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Observing {

        @Bean
        Observed observed() {
            return new Observed();
        }

        @Bean
        ObservationRegistryCustomizer<ObservationRegistry> observedHandler(Observed observed) {
            return (registry) -> registry.observationConfig().observationHandler(observed);
        }

    }

}
