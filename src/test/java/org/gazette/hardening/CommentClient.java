package org.gazette.hardening;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reader's side of Gazette over plain HTTP: posts comments to the seed article the
 * way its form does and reads the article's pages. One instance per thread (one
 * keep-alive connection).
 */
final class CommentClient {

    static final String ARTICLE = "/articles/as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    private static final Pattern COMMENT_ID = Pattern.compile("id=\"comment-(\\d+)\"");

    private static final Pattern ACKNOWLEDGED_ID = Pattern.compile("#comment-(\\d+)$");

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    private final Function<String, URI> uris;

    CommentClient(Function<String, URI> uris) {
        this.uris = uris;
    }

    /**
     * Posts a comment; returns its id when Gazette acknowledged it with 303, empty for
     * any other answer.
     * @throws IOException the connection failed (for instance, the server was killed)
     */
    OptionalLong post(String author, String email, String text) throws IOException, InterruptedException {
        HttpResponse<Void> response = send(author, email, text);
        if (response.statusCode() != 303) {
            return OptionalLong.empty();
        }
        String location = response.headers().firstValue("Location").orElse("");
        Matcher id = ACKNOWLEDGED_ID.matcher(location);
        return id.find() ? OptionalLong.of(Long.parseLong(id.group(1))) : OptionalLong.empty();
    }

    /** Posts a comment and returns the answer as it came. */
    HttpResponse<Void> send(String author, String email, String text) throws IOException, InterruptedException {
        String form = "comment=" + encode(text) + "&author=" + encode(author) + "&email=" + encode(email);
        HttpRequest request = HttpRequest.newBuilder(this.uris.apply(ARTICLE + "/comments"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
        return this.http.send(request, HttpResponse.BodyHandlers.discarding());
    }

    /** The ids of every comment shown on the article's pages, page 1 until the first 404. */
    Set<Long> visibleCommentIds() throws IOException, InterruptedException {
        Set<Long> ids = new LinkedHashSet<>();
        for (int page = 1;; page++) {
            HttpResponse<String> response = get(ARTICLE + "?page=" + page);
            if (response.statusCode() == 404) {
                return ids;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Page " + page + " answered " + response.statusCode());
            }
            Matcher id = COMMENT_ID.matcher(response.body());
            while (id.find()) {
                ids.add(Long.parseLong(id.group(1)));
            }
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(this.uris.apply(path)).timeout(Duration.ofSeconds(60)).build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
