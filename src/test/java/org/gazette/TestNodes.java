package org.gazette;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Nodes of one site on one database, for tests of what nodes share: each node is a whole
 * Gazette with its own server on a free port, all started with the same settings. Closing
 * stops every node started, the last one first.
 */
public final class TestNodes implements AutoCloseable {

    private final List<String> arguments = new ArrayList<>();

    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    /**
     * @param database the datasource properties every node uses ({@link TestDatabases})
     * @param settings further command-line settings for every node ({@code --name=value})
     */
    public TestNodes(Map<String, String> database, String... settings) {
        database.forEach((name, value) -> this.arguments.add("--" + name + "=" + value));
        this.arguments.addAll(List.of("--server.port=0", "--spring.jmx.enabled=false"));
        this.arguments.addAll(List.of(settings));
    }

    /** Starts one more node. */
    public ConfigurableApplicationContext start() {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(GazetteApplication.class)
            .run(this.arguments.toArray(String[]::new));
        this.started.add(node);
        return node;
    }

    /** The port a node's server listens on. */
    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    @Override
    public void close() {
        List<ConfigurableApplicationContext> lastFirst = new ArrayList<>(this.started);
        Collections.reverse(lastFirst);
        lastFirst.forEach(ConfigurableApplicationContext::close);
        this.started.clear();
    }

}
