package org.gazette.editor;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client over real HTTP that keeps cookies and does not follow redirects, as a
 * browser keeps a session; {@link #signIn} goes through the sign-in form. Behind a
 * proxy ({@link #forwardedFor}) it sends its own address as {@code X-Forwarded-For}.
 */
final class CookieBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;

    private final CookieManager cookies;

    private final HttpClient http;

    private final String forwardedFor;

    CookieBrowser(int port) {
        this(port, new CookieManager(), null);
    }

    private CookieBrowser(int port, CookieManager cookies, String forwardedFor) {
        this.port = port;
        this.cookies = cookies;
        this.forwardedFor = forwardedFor;
        this.http = HttpClient.newBuilder()
            .cookieHandler(this.cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    /** The same browser, with the same cookies, talking to the server on another port. */
    CookieBrowser onPort(int otherPort) {
        return new CookieBrowser(otherPort, this.cookies, this.forwardedFor);
    }

    /** The same browser at that address, as a trusted proxy forwards it. */
    CookieBrowser forwardedFor(String clientAddress) {
        return new CookieBrowser(this.port, this.cookies, clientAddress);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> head(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet()
            .stream()
            .map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Opens the sign-in page and sends its form; the answer to the form. */
    HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        return post("/login", Map.of("username", username, "password", password, "_csrf", csrfToken(page.body())));
    }

    /** Signs out with the token of the page given. */
    HttpResponse<String> signOut(String pageWithAForm) throws IOException, InterruptedException {
        return post("/logout", Map.of("_csrf", csrfToken(pageWithAForm)));
    }

    String cookie(String name) {
        return this.cookies.getCookieStore()
            .getCookies()
            .stream()
            .filter((c) -> c.getName().equals(name))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElse(null);
    }

    String sessionId() {
        return cookie("JSESSIONID");
    }

    static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF field in the page").isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (this.forwardedFor != null) {
            request.header("X-Forwarded-For", this.forwardedFor);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }

}
