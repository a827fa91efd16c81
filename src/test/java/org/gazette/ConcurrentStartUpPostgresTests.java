package org.gazette;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nodes started together on one empty database all start, and what a fresh database
 * lacks is made once: one editor account, each built-in article once, one key of each
 * kind. Each node is a whole application, as in production, on PostgreSQL, the one
 * database several nodes share (three on one in-memory H2 database in one JVM met a race
 * inside H2's own metadata as their migrations began, which no deployment can meet).
 */
class ConcurrentStartUpPostgresTests {

    private static final int NODES = 3;

    @Test
    void nodesStartingTogetherOnAnEmptyDatabaseAllStartAndMakeEachThingOnce() throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        TestDatabases.postgresDatabase().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        // Boot sets up logging for the whole JVM as an application starts, which is not
        // safe to do from several threads at once: the nodes take turns until their
        // contexts are about to refresh, then refresh (migrations, start-up work) together.
        Semaphore settingUp = new Semaphore(1);
        CyclicBarrier refresh = new CyclicBarrier(NODES);
        ExecutorService threads = Executors.newFixedThreadPool(NODES);
        List<Future<ConfigurableApplicationContext>> nodes = new ArrayList<>();
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        try {
            for (int i = 0; i < NODES; i++) {
                nodes.add(threads.submit(() -> {
                    settingUp.acquire();
                    return new SpringApplicationBuilder(GazetteApplication.class).initializers((context) -> {
                        settingUp.release();
                        try {
                            refresh.await(1, TimeUnit.MINUTES);
                        }
                        catch (Exception ex) {
                            throw new IllegalStateException(ex);
                        }
                    }).run(arguments.toArray(String[]::new));
                }));
            }
            for (Future<ConfigurableApplicationContext> node : nodes) {
                started.add(node.get(2, TimeUnit.MINUTES));
            }

            JdbcTemplate jdbc = started.get(0).getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from editor_account", Integer.class)).isOne();
            assertThat(jdbc.queryForList("select source_key from article", String.class))
                .hasSize(builtInArticles())
                .doesNotHaveDuplicates();
            assertThat(jdbc.queryForList("select name from app_secret", String.class))
                .containsExactlyInAnyOrder("held-comment-token-key", "editor-device-cookie-key");
        }
        finally {
            threads.shutdownNow();
            started.forEach(ConfigurableApplicationContext::close);
        }
    }

    private static int builtInArticles() throws IOException {
        return new PathMatchingResourcePatternResolver().getResources("classpath*:content/*.txt").length;
    }

}
