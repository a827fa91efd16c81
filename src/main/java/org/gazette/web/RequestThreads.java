package org.gazette.web;

import org.apache.coyote.AbstractProtocol;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tomcat gets four request threads per core (eight on two) instead of its 200, unless
 * {@code server.tomcat.threads.max} is set: Gazette's requests run on the node's own processors, and with eight
 * threads posting ran 1.2 to 1.6 times as fast as with 200 (BENCHMARKS.md, "RequestThreads").
 */
@Component
class RequestThreads implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    static final String PROPERTY = "server.tomcat.threads.max";

    static final int PER_CORE = 4;

    private final Environment environment;

    RequestThreads(Environment environment) {
        this.environment = environment;
    }

    /** Request threads for a machine with this many cores. */
    static int forCores(int cores) {
        return Math.max(2, cores) * PER_CORE;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        if (this.environment.containsProperty(PROPERTY)) {
            return;
        }
        int threads = forCores(Runtime.getRuntime().availableProcessors());
        factory.addConnectorCustomizers((connector) -> {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setMaxThreads(threads);
            }
        });
    }

    /** After Boot's own customizer, which applies the property's default of 200. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

}
