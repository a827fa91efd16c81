package org.gazette;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.tools.Restore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded H2 file database is backed up while Gazette runs ({@code POST
 * /actuator/backup} on the management port, H2's {@code BACKUP TO}), and the backup
 * restored with H2's Restore tool into a fresh directory holds the comments posted
 * before it: the procedure docs/deployment.md gives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gazette.moderation.mode=none")
class DatabaseBackupTests {

    static final String ARTICLE = "/articles/as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    static final String OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @TempDir
    static Path directory;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:file:" + directory.resolve("data/gazette") + OPTIONS + ";DB_CLOSE_ON_EXIT=FALSE");
        registry.add("gazette.backup.directory", () -> directory.resolve("backups").toString());
    }

    @Test
    void backupTakenWhileRunningRestoresIntoAFreshDatabaseWithTheComments() throws Exception {
        assertThat(post("Bea Backup", "Kept in the backup.").statusCode()).isEqualTo(303);

        HttpResponse<String> backup = this.http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/backup"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(backup.statusCode()).isEqualTo(200);
        Matcher file = Pattern.compile("\"file\":\"([^\"]+)\"").matcher(backup.body());
        assertThat(file.find()).as(backup.body()).isTrue();
        assertThat(post("Al After", "Posted after the backup.").statusCode()).isEqualTo(303);

        Path restored = directory.resolve("restored");
        Restore.execute(file.group(1), restored.toString(), "gazette");

        assertThat(commentAuthors("jdbc:h2:file:" + restored.resolve("gazette") + OPTIONS)).contains("Bea Backup")
            .doesNotContain("Al After");
    }

    @Test
    void backupAskedByAnotherSiteIsRefused() throws Exception {
        HttpResponse<String> answer = this.http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/backup"))
                    .header("Origin", "https://evil.example")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(403);
    }

    @Test
    void backupIsNotOnThePublicPort() throws Exception {
        HttpResponse<String> answer = this.http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/backup"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isIn(404, 405);
    }

    private HttpResponse<String> post(String author, String comment) throws Exception {
        String body = "comment=" + URLEncoder.encode(comment, StandardCharsets.UTF_8) + "&author="
                + URLEncoder.encode(author, StandardCharsets.UTF_8) + "&email=reader%40example.com";
        HttpRequest request = HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + this.port + ARTICLE + "/comments"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> commentAuthors(String url) throws Exception {
        List<String> authors = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT author_name FROM comment")) {
            while (rows.next()) {
                authors.add(rows.getString(1));
            }
        }
        return authors;
    }

}
