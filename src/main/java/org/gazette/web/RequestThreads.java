package org.gazette.web;

import org.apache.coyote.AbstractProtocol;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Gives Tomcat four request threads per processor core (eight on two cores) instead of
 * its default 200, unless {@code server.tomcat.threads.max} says otherwise.
 * <p>
 * Tomcat's 200 threads suit applications that wait on a remote database. Gazette's
 * requests spend their time on its own processors (pages rendered in-process, the
 * database embedded), so more threads than requests the cores can run only share the
 * cores more finely: sixteen connections meant sixteen requests in flight, each
 * holding its rows, its page and its buffers when the collector stopped them, and more
 * of that survived into the old generation. {@code bench/run.sh --sizes 20000} with
 * {@code -Xmx176m}, the same jar: 200 threads gave a queue p99 of 100.5 ms and posting
 * 1,007/s with a p99 of 87 ms; eight threads 72 ms, and 1,253/s with 66 ms. Posting's
 * shared commits still group up to as many posts as there are threads.
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
