package org.gazette.hardening;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in editor over plain HTTP: signs in through the sign-in form (CSRF token
 * taken from the page and its cookie, as a browser does) and keeps the session cookie.
 *
 * @param cookie the {@code Cookie} header value that carries the session
 */
public record EditorSession(RawHttp http, String cookie) {

    private static final Pattern CSRF = Pattern
        .compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    /**
     * Signs in with the given account, sending back the cookies of the sign-in page (its
     * CSRF token lives in one); fails unless the answer is the redirect to the desk.
     */
    public static EditorSession signIn(RawHttp http, String username, String password) throws IOException {
        RawHttp.Response page = http.get("/login");
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                + encode(csrfToken(page.body()));
        List<String> headers = new ArrayList<>(List.of("Content-Type: application/x-www-form-urlencoded"));
        List<String> cookies = page.headers("Set-Cookie").stream().map((cookie) -> cookie.split(";", 2)[0]).toList();
        if (!cookies.isEmpty()) {
            headers.add("Cookie: " + String.join("; ", cookies));
        }
        RawHttp.Response signedIn = http.send("POST", "/login", headers, form);
        String location = signedIn.header("Location").orElse("");
        if (signedIn.status() != 302 || !location.endsWith("/moderation")) {
            throw new IllegalStateException("Sign-in answered " + signedIn.status() + " to " + location);
        }
        String session = sessionOf(signedIn)
            .orElseThrow(() -> new IllegalStateException("No session cookie after signing in"));
        return new EditorSession(http, "JSESSIONID=" + session);
    }

    /** A CSRF token valid for this session, from the desk (its sign-out form carries one). */
    public String csrfToken() throws IOException {
        return csrfToken(get("/moderation").body());
    }

    public RawHttp.Response get(String target) throws IOException {
        return this.http.get(target, "Cookie: " + this.cookie);
    }

    public RawHttp.Response send(String method, String target, List<String> headers, String body)
            throws IOException {
        List<String> all = new ArrayList<>(headers);
        all.add("Cookie: " + this.cookie);
        return this.http.send(method, target, all, body);
    }

    public static String csrfToken(String html) {
        Matcher token = CSRF.matcher(html);
        if (!token.find()) {
            throw new IllegalStateException("No CSRF token in the page");
        }
        return (token.group(1) != null) ? token.group(1) : token.group(2);
    }

    private static Optional<String> sessionOf(RawHttp.Response response) {
        return response.headers("Set-Cookie")
            .stream()
            .map(SESSION::matcher)
            .filter(Matcher::lookingAt)
            .map((matcher) -> matcher.group(1))
            .findFirst();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
