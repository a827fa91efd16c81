package org.gazette;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A PostgreSQL database dumped with {@code pg_dump} while Gazette runs and restored with
 * {@code pg_restore} into a fresh database holds the comments posted before the dump:
 * the procedure docs/deployment.md gives. Needs PostgreSQL 15's client tools (Debian's
 * {@code postgresql-15}); skipped without them.
 */
class PostgresBackupTests {

    static final Path TOOLS = Path.of("/usr/lib/postgresql/15/bin");

    static final String ARTICLE = "/articles/as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    @TempDir
    Path directory;

    @Test
    void dumpTakenWhileRunningRestoresIntoAFreshDatabaseWithTheComments() throws Exception {
        assumeThat(TOOLS.resolve("pg_dump")).as("PostgreSQL 15 client tools").isExecutable();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String server = "postgresql://postgres@127.0.0.1:" + postgres.getPort();
            Path dump = this.directory.resolve("gazette.dump");
            try (ConfigurableApplicationContext gazette = new SpringApplicationBuilder(GazetteApplication.class).run(
                    "--server.port=0", "--management.server.port=0", "--gazette.moderation.mode=none",
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=")) {
                int port = ((WebServerApplicationContext) gazette).getWebServer().getPort();
                assertThat(post(port, "Pat Dumped")).isEqualTo(303);
                run(TOOLS.resolve("pg_dump").toString(), "--format=custom", "--file=" + dump,
                        "--dbname=" + server + "/postgres");
                assertThat(post(port, "Al After")).isEqualTo(303);
            }
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE gazette_restored");
            }
            run(TOOLS.resolve("pg_restore").toString(), "--no-owner", "--dbname=" + server + "/gazette_restored",
                    dump.toString());

            List<String> authors = new ArrayList<>();
            try (Connection connection = postgres.getDatabase("postgres", "gazette_restored").getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT author_name FROM comment")) {
                while (rows.next()) {
                    authors.add(rows.getString(1));
                }
            }
            assertThat(authors).contains("Pat Dumped").doesNotContain("Al After");
        }
    }

    private static int post(int port, String author) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + port + ARTICLE + "/comments"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers
                .ofString("comment=Said+before+or+after+the+dump.&author=" + author.replace(' ', '+')
                        + "&email=reader%40example.com"))
            .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void run(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(this.directory, "tool", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command[0], Files.readString(output)).isZero();
    }

}
