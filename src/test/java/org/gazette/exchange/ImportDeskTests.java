package org.gazette.exchange;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The desk's import page over real HTTP, as a browser sends it: an administrator uploads
 * a file, the job runs in the background, its progress is JSON the page polls, and the
 * page shows the result; refusals come back as the page with a message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gazette.import.max-upload-bytes=64KB")
class ImportDeskTests {

    private static final Pattern FORM_ACTION = Pattern.compile("class=\"import-form\"[^>]*action=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WebApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    @BeforeEach
    void signIn() throws Exception {
        HttpResponse<String> login = get("/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=editor&password=test-editor-password&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
    }

    @Test
    void anUploadRunsInTheBackgroundWithProgressUntilItsSummaryShows() throws Exception {
        byte[] export = new ClassPathResource("exchange/wordpress-1.2.xml").getContentAsByteArray();

        HttpResponse<String> upload = upload("wordpress-1.2.xml", export);

        assertThat(upload.statusCode()).isEqualTo(303);
        String location = upload.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/moderation/articles/import#job-\\d+");
        long id = Long.parseLong(location.substring(location.indexOf("#job-") + 5));
        JsonNode job = waitUntilEnded(id);
        assertThat(job.get("state").asString()).isEqualTo("done");
        assertThat(job.get("stateText").asString()).isEqualTo("Done");
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        assertThat(job.get("summary").get(0).asString()).startsWith("wordpress-1.2.xml (WordPress export): ");
        HttpResponse<String> page = get("/moderation/articles/import");
        assertThat(page.body()).contains("id=\"job-" + id + "\"", "wordpress-1.2.xml", "Done", "comments created: ");
    }

    @Test
    void aRefusedFileShowsAsFailedWithItsLineAndReason() throws Exception {
        byte[] bad = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><wp:wxr_version>1.2</wp:wxr_version>
                <item><wp:post_id>1</wp:post_id><wp:post_date_gmt>not a date</wp:post_date_gmt>
                """.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> upload = upload("bad.xml", bad);

        String location = upload.headers().firstValue("Location").orElseThrow();
        JsonNode job = waitUntilEnded(Long.parseLong(location.substring(location.indexOf("#job-") + 5)));
        assertThat(job.get("state").asString()).isEqualTo("failed");
        assertThat(job.get("message").asString()).startsWith("bad.xml: line ");
    }

    @Test
    void refusesAFormWithoutAFile() throws Exception {
        HttpResponse<String> upload = upload("", new byte[0]);

        assertThat(upload.statusCode()).isEqualTo(422);
        assertThat(upload.body()).contains("Choose a file to import.");
    }

    @Test
    void refusesAFileOverTheCapWithoutStartingAJob() throws Exception {
        long before = this.jdbc.queryForObject("select count(*) from import_job", Long.class);

        HttpResponse<String> upload = upload("big.xml", new byte[200 * 1024]);

        assertThat(upload.statusCode()).isEqualTo(413);
        assertThat(upload.body()).contains("The file is larger than 64 KB");
        assertThat(this.jdbc.queryForObject("select count(*) from import_job", Long.class)).isEqualTo(before);
    }

    @Test
    void aJobWhoseNodeStoppedShowsAsInterrupted() throws Exception {
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(5));
        this.jdbc.update("""
                insert into import_job (file_name, file_bytes, state, phase, bytes_read, started_by, started_at,
                                        updated_at)
                values ('lost.xml', 1000, 'RUNNING', 'WRITING', 400, 'editor', ?, ?)""", Timestamp.from(longAgo),
                Timestamp.from(longAgo));
        long id = this.jdbc.queryForObject("select max(id) from import_job", Long.class);

        JsonNode job = JsonMapper.builder().build().readTree(get("/moderation/articles/import/jobs/" + id).body());

        assertThat(job.get("state").asString()).isEqualTo("lost");
        assertThat(job.get("message").asString()).contains("Importing the same file again finishes it");
        assertThat(get("/moderation/articles/import").body()).contains("Interrupted");
    }

    @Test
    void editorsWhoAreNotAdministratorsMayNotImport() {
        MockMvcTester mvc = MockMvcTester.from(this.context,
                (builder) -> builder.apply(SecurityMockMvcConfigurers.springSecurity()).build());

        assertThat(mvc.get().uri("/moderation/articles/import").with(user("desk-editor").roles("EDITOR")))
            .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/moderation/articles/import").with(user("desk-editor").roles("EDITOR")).with(csrf()))
            .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/moderation/articles/import").with(user("desk-admin").roles("EDITOR", "ADMIN")))
            .hasStatusOk();
    }

    @Test
    void anUnknownJobIsNotFound() throws Exception {
        assertThat(get("/moderation/articles/import/jobs/999999").statusCode()).isEqualTo(404);
    }

    private JsonNode waitUntilEnded(long id) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> response = get("/moderation/articles/import/jobs/" + id);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            JsonNode job = json.readTree(response.body());
            if (!job.get("state").asString().equals("running") || System.nanoTime() > deadline) {
                return job;
            }
            Thread.sleep(200);
        }
    }

    /** Sends the page's form as a browser does: multipart, the token in the action's query. */
    private HttpResponse<String> upload(String fileName, byte[] content) throws Exception {
        HttpResponse<String> page = get("/moderation/articles/import");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher action = FORM_ACTION.matcher(page.body());
        assertThat(action.find()).isTrue();
        String boundary = "----GazetteTestBoundary7MA4YWxkTrZu0gW";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nignored\r\n")
            .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/xml\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(action.group(1).replace("&amp;", "&")))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }

}
