package org.gazette;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the tests on PostgreSQL when the system property {@code gazette.test.database} is
 * {@code postgresql} (the build's second test run sets it): every application context
 * that would get the tests' in-memory H2 database gets a fresh database of its own on one
 * embedded PostgreSQL server, started once for the whole test run. Contexts given a
 * database explicitly (the PostgreSQL-only tests) keep theirs.
 * <p>
 * The server runs with PostgreSQL's defaults where Gazette depends on them
 * ({@code synchronous_commit} on, where the embedded server's builder turns it off), in a
 * time zone that is neither UTC nor the site's, and with {@code fsync} off because a test
 * server's files need not survive a power cut.
 */
public class TestDatabases implements EnvironmentPostProcessor, Ordered {

    /** The system property that chooses the database: {@code h2} (default) or {@code postgresql}. */
    public static final String PROPERTY = "gazette.test.database";

    private static final AtomicInteger databases = new AtomicInteger();

    private static EmbeddedPostgres server;

    /** Whether this test run is on PostgreSQL. */
    public static boolean postgresql() {
        return "postgresql".equals(System.getProperty(PROPERTY));
    }

    /**
     * The {@code spring.datasource.*} properties of a new, empty database of this run's
     * kind, for a test that starts several applications on one database.
     */
    public static Map<String, String> freshDatabase() {
        if (postgresql()) {
            return postgresDatabase();
        }
        return Map.of("spring.datasource.url", "jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.datasource.username", "sa", "spring.datasource.password", "");
    }

    /**
     * The {@code spring.datasource.*} properties of a new, empty database on this JVM's
     * one embedded PostgreSQL server, whatever this run's kind, for the tests that always
     * run on PostgreSQL.
     */
    public static Map<String, String> postgresDatabase() {
        return Map.of("spring.datasource.url", server().getJdbcUrl("postgres", createDatabase()),
                "spring.datasource.username", "postgres", "spring.datasource.password", "");
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        if (!postgresql() || url == null || !url.startsWith("jdbc:h2:mem:")) {
            return;
        }
        String database = createDatabase();
        environment.getPropertySources()
            .addFirst(new MapPropertySource("postgresqlTestDatabase",
                    Map.of("spring.datasource.url", server().getJdbcUrl("postgres", database),
                            "spring.datasource.username", "postgres", "spring.datasource.password", "")));
    }

    /** After the configuration files are read, so the H2 address they give is known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static String createDatabase() {
        String name = "gazette_" + databases.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            return name;
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create the test database " + name, ex);
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("timezone", "America/St_Johns")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "600")
                    .start();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", ex);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                }
                catch (IOException ex) {
                    // the data directory is temporary anyway
                }
            }));
        }
        return server;
    }

}
