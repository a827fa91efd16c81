package org.gazette.web;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Request threads follow the cores unless the property is set. */
class RequestThreadsTests {

    @Test
    void fourThreadsPerCoreAndNeverFewerThanEight() {
        assertThat(RequestThreads.forCores(1)).isEqualTo(8);
        assertThat(RequestThreads.forCores(2)).isEqualTo(8);
        assertThat(RequestThreads.forCores(16)).isEqualTo(64);
    }

    @Test
    void theMachinesCoresSetTheThreads() {
        assertThat(maxThreads(new MockEnvironment()))
            .isEqualTo(RequestThreads.forCores(Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void aSetPropertyIsLeftToBoot() {
        assertThat(maxThreads(new MockEnvironment().withProperty(RequestThreads.PROPERTY, "50"))).isEqualTo(200);
    }

    /** The connector's threads after the customizer (Tomcat's own default, 200, when it leaves them). */
    private static int maxThreads(MockEnvironment environment) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        new RequestThreads(environment).customize(factory);
        Connector connector = new Connector("HTTP/1.1");
        for (TomcatConnectorCustomizer customizer : factory.getConnectorCustomizers()) {
            customizer.customize(connector);
        }
        return ((AbstractProtocol<?>) connector.getProtocolHandler()).getMaxThreads();
    }

}
