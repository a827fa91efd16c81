package org.gazette;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security's filter chain is not observed: with observations on, every filter of
 * every request is wrapped in one that records events and builds tags and counters that
 * no exposed endpoint shows and no tracer reads. Requests themselves are still observed.
 */
@SpringBootTest
class ObservationCostTests {

    @Autowired
    private ObservationRegistry observations;

    @Test
    void securityFilterChainsAreNotObserved() {
        Observation chain = Observation.start("spring.security.filterchains", this.observations);
        chain.stop();

        assertThat(chain.isNoop()).isTrue();
    }

    @Test
    void requestsAreStillObserved() {
        Observation request = Observation.start("http.server.requests", this.observations);
        request.stop();

        assertThat(request.isNoop()).isFalse();
    }

}
