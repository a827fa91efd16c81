package org.gazette.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What strangers send for free writes nothing to the log: a wrong method or a path
 * nobody serves is answered, not reported, so a request flood cannot fill the disk.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class LogFloodTests {

    private static final String ARTICLE = "/articles/as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void wrongMethodsAndUnknownPathsLeaveNoLogLines(CapturedOutput output) throws Exception {
        int before = output.getAll().length();
        for (String method : List.of("PUT", "DELETE", "PATCH", "POST")) {
            send(method, ARTICLE);
            send(method, "/no-such-page-" + method);
            send(method, ARTICLE + "/Comments");
            send(method, ARTICLE + "/comments/");
        }
        send("GET", "/no-such-page");
        assertThat(output.getAll().substring(before)).doesNotContain(" WARN ").doesNotContain(" ERROR ");
    }

    @Test
    void signInsPastTheLimitsLeaveNoLogLinePerAttempt(CapturedOutput output) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = browser
            .send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(), HttpResponse.BodyHandlers.ofString())
            .body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).isTrue();
        int before = output.getAll().length();
        for (int attempt = 0; attempt < 40; attempt++) {
            HttpRequest signIn = HttpRequest.newBuilder(URI.create(base() + "/login"))
                .POST(HttpRequest.BodyPublishers.ofString("username=flood" + (attempt % 3)
                        + "&password=wrong&_csrf=" + token.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .build();
            browser.send(signIn, HttpResponse.BodyHandlers.discarding());
        }
        long lines = output.getAll().substring(before).lines().filter((line) -> line.contains("flood")).count();
        assertThat(lines).isLessThan(10);
    }

    private String base() {
        return "http://127.0.0.1:" + this.port;
    }

    private void send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .method(method, HttpRequest.BodyPublishers.ofString("comment=x"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .build();
        HttpResponse<Void> response = this.client.send(request, HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isBetween(400, 499);
    }

}
