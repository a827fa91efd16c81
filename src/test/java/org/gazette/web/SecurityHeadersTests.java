package org.gazette.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.gazette.hardening.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, every kind of answer — pages, redirects and every error — carries
 * the security headers, reveals nothing about the server, and sets cookies that
 * scripts cannot read and other sites cannot send; errors are Gazette's own styled
 * pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "gazette.security.trusted-proxies=127.0.0.1", "gazette.moderation.mode=none",
                "gazette.comments.rate-limit.enabled=true", "gazette.comments.rate-limit.capacity=1",
                "gazette.comments.rate-limit.period=1h" })
@Import(SecurityHeadersTests.FailingRouteConfiguration.class)
class SecurityHeadersTests {

    static final String ARTICLE = "/articles/as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    static final String FAILING_ROUTE = "/test-only/failure";

    static final String FAILING_PAGE = "/test-only/fails-halfway";

    /** Words that would show a stack trace, an exception or the framework's own error page. */
    static final List<String> REVEALING = List.of("Exception", "exception", "\tat ", "at org.", "at java.",
            "Whitelabel", "Tomcat", "Spring", "springframework", "Caused by", "Stacktrace", "trace", "boom");

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    @LocalServerPort
    private int port;

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() throws Exception {
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("front page", get("/"));
        answers.put("article page", get(ARTICLE));
        answers.put("404", get("/articles/no-such-article"));
        answers.put("413", tooLarge());
        answers.put("429", overTheRateLimit("198.51.100.42"));
        answers.put("/login", get("/login"));
        answers.put("/moderation redirect", get("/moderation"));
        answers.put("500", get(FAILING_ROUTE));
        answers.put("stylesheet", get("/css/gazette.css"));

        assertThat(answers.get("front page").status()).isEqualTo(200);
        assertThat(answers.get("article page").status()).isEqualTo(200);
        assertThat(answers.get("404").status()).isEqualTo(404);
        assertThat(answers.get("413").status()).isEqualTo(413);
        assertThat(answers.get("429").status()).isEqualTo(429);
        assertThat(answers.get("/login").status()).isEqualTo(200);
        assertThat(answers.get("/moderation redirect").status()).isEqualTo(302);
        assertThat(answers.get("/moderation redirect").header("Location")).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/login"));
        assertThat(answers.get("500").status()).isEqualTo(500);
        assertThat(answers.get("stylesheet").status()).isEqualTo(200);
        answers.forEach(SecurityHeadersTests::assertSecurityHeaders);
    }

    @Test
    void contentSecurityPolicyAllowsOnlyGazettesOwnScriptsAndStyles() throws Exception {
        Map<String, List<String>> policy = directives(get(ARTICLE).header("Content-Security-Policy").orElseThrow());

        assertThat(policy).containsEntry("default-src", List.of("'self'"))
            .containsEntry("script-src", List.of("'self'"))
            .containsEntry("style-src", List.of("'self'"))
            .containsEntry("form-action", List.of("'self'"))
            .containsEntry("frame-ancestors", List.of("'none'"))
            .containsEntry("object-src", List.of("'none'"))
            .containsEntry("base-uri", List.of("'self'"));
        assertThat(policy.values()).allSatisfy((sources) -> assertThat(sources)
            .noneMatch((source) -> source.startsWith("'unsafe-") || source.equals("*") || source.startsWith("http")));
    }

    @Test
    void errorPagesAreStyledAndRevealNothing() throws Exception {
        Map<Integer, Answer> errors = new LinkedHashMap<>();
        errors.put(400, post(ARTICLE + "/comments", "comment=%FF%FE&author=Ann&email=ann%40example.com",
                "198.51.100.40"));
        errors.put(403, crossSitePost());
        errors.put(404, get("/articles/no-such-article"));
        errors.put(405, send("DELETE", "/"));
        errors.put(413, tooLarge());
        errors.put(429, overTheRateLimit("198.51.100.43"));
        errors.put(500, get(FAILING_ROUTE));

        errors.forEach((status, answer) -> {
            assertThat(answer.status()).as("status").isEqualTo(status);
            assertThat(answer.header("Content-Type")).as("%d content type", status)
                .hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
            assertThat(answer.body()).as("%d page", status)
                .contains("<link rel=\"stylesheet\" href=\"/css/gazette")
                .contains("<p class=\"error-code\">" + status + "</p>")
                .contains("Go to the front page");
            assertRevealsNothing(status + " page", answer);
        });
        assertThat(errors.get(404).body()).contains("Page not found");
        assertThat(errors.get(405).body()).contains("Method not allowed");
        assertThat(errors.get(413).body()).contains("Too large");
        assertThat(errors.get(429).body()).contains("Too many requests");
        assertThat(errors.get(429).header("Retry-After")).isPresent();
        assertThat(errors.get(500).body()).contains("Something went wrong");
    }

    @Test
    void sessionCookieAfterSignInIsHttpOnlyAndSameSiteLaxAndChanges() throws Exception {
        Answer loginPage = get("/login");
        String csrf = csrfToken(loginPage.body());
        Optional<String> anonymousSession = loginPage.cookie("JSESSIONID");

        String form = "username=editor&password=test-editor-password&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpRequest.Builder signIn = HttpRequest.newBuilder(uri("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
        List<String> cookies = loginPage.setCookies().stream().map((cookie) -> cookie.split(";", 2)[0]).toList();
        if (!cookies.isEmpty()) {
            signIn.header("Cookie", String.join("; ", cookies));
        }
        Answer signedIn = Answer.of(this.http.send(signIn.build(), HttpResponse.BodyHandlers.ofString()));

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/moderation"));
        String sessionCookie = signedIn.setCookies()
            .stream()
            .filter((cookie) -> cookie.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no session cookie after signing in: " + signedIn.setCookies()));
        assertThat(attributes(sessionCookie)).contains("httponly", "samesite=lax").doesNotContain("secure");
        assertThat(signedIn.cookie("JSESSIONID")).as("session id after sign-in (fixation)")
            .isNotEqualTo(anonymousSession);
        assertSecurityHeaders("sign-in", signedIn);
        assertSecurityHeaders("login page", loginPage);
    }

    @Test
    void overHttpsBehindTheTrustedProxyCookiesAreSecureAndHstsIsSent() throws Exception {
        String form = "comment=Remember+me+over+HTTPS&author=Secure+Reader&email=secure%40example.com&remember=true";
        HttpRequest request = HttpRequest.newBuilder(uri(ARTICLE + "/comments"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", "198.51.100.44")
            .header("X-Forwarded-Proto", "https")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
        Answer posted = Answer.of(this.http.send(request, HttpResponse.BodyHandlers.ofString()));
        Answer page = Answer.of(this.http.send(HttpRequest.newBuilder(uri("/login"))
            .header("X-Forwarded-For", "198.51.100.44")
            .header("X-Forwarded-Proto", "https")
            .build(), HttpResponse.BodyHandlers.ofString()));

        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.setCookies()).isNotEmpty()
            .allSatisfy((cookie) -> assertThat(attributes(cookie)).contains("secure", "samesite=lax"));
        assertThat(page.setCookies()).allSatisfy(
                (cookie) -> assertThat(attributes(cookie)).contains("secure", "httponly", "samesite=lax"));
        assertThat(posted.header("Strict-Transport-Security")).hasValueSatisfying(
                (hsts) -> assertThat(hsts).contains("max-age="));
        assertThat(page.header("Strict-Transport-Security")).isPresent();
    }

    @Test
    void overPlainHttpThereIsNoHstsAndCookiesAreNotSecure() throws Exception {
        Answer posted = post(ARTICLE + "/comments",
                "comment=Remember+me&author=Plain+Reader&email=plain%40example.com&remember=true", "198.51.100.45");

        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.header("Strict-Transport-Security")).isEmpty();
        assertThat(get("/").header("Strict-Transport-Security")).isEmpty();
        assertThat(posted.setCookies()).isNotEmpty()
            .allSatisfy((cookie) -> assertThat(attributes(cookie)).contains("samesite=lax").doesNotContain("secure"));
    }

    static void assertSecurityHeaders(String what, Answer answer) {
        assertThat(answer.headers("Content-Security-Policy")).as("%s: one CSP", what).hasSize(1);
        String csp = answer.header("Content-Security-Policy").orElseThrow();
        assertThat(csp).as("%s: CSP", what)
            .doesNotContain("unsafe-inline", "unsafe-eval")
            .contains("form-action 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'",
                    "script-src 'self'", "style-src 'self'");
        assertThat(answer.header("X-Content-Type-Options")).as("%s: nosniff", what).hasValue("nosniff");
        assertThat(answer.header("Referrer-Policy")).as("%s: referrer policy", what)
            .hasValue("strict-origin-when-cross-origin");
        assertThat(answer.header("Permissions-Policy")).as("%s: permissions policy", what)
            .hasValueSatisfying((policy) -> assertThat(policy).contains("camera=()", "microphone=()",
                    "geolocation=()", "payment=()"));
        assertThat(answer.header("Server")).as("%s: Server header", what)
            .satisfiesAnyOf((server) -> assertThat(server).isEmpty(),
                    (server) -> assertThat(server.orElseThrow()).doesNotContainPattern("[0-9]"));
        assertThat(answer.header("X-Powered-By")).as("%s: X-Powered-By", what).isEmpty();
        assertThat(answer.setCookies()).as("%s: cookies", what)
            .allSatisfy((cookie) -> assertThat(attributes(cookie)).contains("samesite=lax"));
    }

    static void assertRevealsNothing(String what, Answer answer) {
        assertThat(answer.body()).as("%s body", what).doesNotContain(REVEALING);
        assertThat(String.join("\n", answer.rawHeaders())).as("%s headers", what)
            .doesNotContain("Tomcat", "Spring", "Exception");
    }

    private Answer get(String path) throws IOException, InterruptedException {
        return Answer.of(this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private Answer send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
        return Answer.of(this.http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private Answer post(String path, String form, String clientAddress) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", clientAddress)
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
        return Answer.of(this.http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private Answer crossSitePost() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(ARTICLE + "/comments"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Sec-Fetch-Site", "cross-site")
            .header("Origin", "https://attacker.example")
            .POST(HttpRequest.BodyPublishers.ofString("comment=Forged&author=Mallory&email=m%40example.com"))
            .build();
        return Answer.of(this.http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /**
     * A comment post one byte over the size cap: refused with 413 before the body is
     * read (Tomcat then swallows the body it refused and closes the connection).
     */
    private Answer tooLarge() throws IOException {
        byte[] body = new byte[(int) CommentPostGuard.MAX_BODY_BYTES + 1];
        Arrays.fill(body, (byte) 'a');
        RawHttp.Response response = new RawHttp(this.port).send("POST", (ARTICLE + "/comments").getBytes(StandardCharsets.US_ASCII),
                List.of("Content-Type: application/x-www-form-urlencoded"), body);
        return Answer.of(response);
    }

    /** Two posts from one client address with a limit of one: the second is refused. */
    private Answer overTheRateLimit(String clientAddress) throws IOException, InterruptedException {
        String form = "comment=Quick+%s&author=Quick+Reader&email=quick%%40example.com";
        Answer first = post(ARTICLE + "/comments", form.formatted(clientAddress + "+one"), clientAddress);
        assertThat(first.status()).as("first post from %s", clientAddress).isEqualTo(303);
        return post(ARTICLE + "/comments", form.formatted(clientAddress + "+two"), clientAddress);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }

    static String csrfToken(String html) {
        Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"")
            .matcher(html);
        assertThat(token.find()).as("a CSRF token in the sign-in form").isTrue();
        return (token.group(1) != null) ? token.group(1) : token.group(2);
    }

    static Map<String, List<String>> directives(String policy) {
        return Arrays.stream(policy.split(";"))
            .map(String::strip)
            .filter((directive) -> !directive.isEmpty())
            .map((directive) -> directive.split("\\s+"))
            .collect(Collectors.toMap((parts) -> parts[0], (parts) -> List.of(parts).subList(1, parts.length),
                    (a, b) -> {
                        throw new AssertionError("directive given twice in " + policy);
                    }, LinkedHashMap::new));
    }

    /** A cookie's attributes, lower case, without its name and value. */
    static List<String> attributes(String setCookie) {
        return Arrays.stream(setCookie.split(";"))
            .skip(1)
            .map((attribute) -> attribute.strip().toLowerCase(Locale.ROOT))
            .toList();
    }

    /**
     * An answer from either client.
     *
     * @param status the status
     * @param rawHeaders the header lines, {@code Name: value}
     * @param body the body
     */
    record Answer(int status, List<String> rawHeaders, String body) {

        static Answer of(HttpResponse<String> response) {
            List<String> lines = response.headers()
                .map()
                .entrySet()
                .stream()
                .flatMap((header) -> header.getValue().stream().map((value) -> header.getKey() + ": " + value))
                .toList();
            return new Answer(response.statusCode(), lines, response.body());
        }

        static Answer of(RawHttp.Response response) {
            return new Answer(response.status(), response.headers(), response.body());
        }

        List<String> headers(String name) {
            return new RawHttp.Response(this.status, this.rawHeaders, this.body).headers(name);
        }

        Optional<String> header(String name) {
            return headers(name).stream().findFirst();
        }

        List<String> setCookies() {
            return headers("Set-Cookie");
        }

        Optional<String> cookie(String name) {
            return setCookies().stream()
                .filter((cookie) -> cookie.startsWith(name + "="))
                .map((cookie) -> cookie.substring(name.length() + 1).split(";")[0])
                .findFirst();
        }

    }

    @Test
    void aPageThatFailsHalfWayIsReplacedWholeByTheErrorPage() throws Exception {
        Answer answer = get(FAILING_PAGE);

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).contains("<p class=\"error-code\">500</p>")
            .doesNotContain("Rendered before the failure");
        assertRevealsNothing("page failing half-way", answer);
    }

    /** Routes that fail, to see the 500 page: exist only in this test. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FailingRouteConfiguration {

        @RestController
        static class FailingController {

            @GetMapping(FAILING_ROUTE)
            String fail() {
                throw new IllegalStateException("boom: a detail no reader should see");
            }

        }

        /** A page whose template fails after its first paragraph. */
        @Controller
        static class FailingPageController {

            @GetMapping(FAILING_PAGE)
            String failHalfWay(Model model) {
                model.addAttribute("broken", new Broken());
                return "test-only/fails-halfway";
            }

        }

        static class Broken {

            public String getValue() {
                throw new IllegalStateException("boom: a detail no reader should see");
            }

        }

    }

}
