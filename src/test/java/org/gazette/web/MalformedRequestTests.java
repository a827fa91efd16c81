package org.gazette.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.assertj.core.api.SoftAssertions;
import org.gazette.hardening.EditorSession;
import org.gazette.hardening.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the open web sends: every route, as a reader and as a signed-in editor, with
 * malformed parameters (overlong, out of range, not numbers, repeated, invalid UTF-8,
 * control characters, NUL bytes, unknown values, garbage tokens), wrong methods, wrong
 * content types and empty bodies. Nothing may answer 5xx or show a stack trace; bad
 * comment fields are refused with a status and a message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedRequestTests {

    static final String ARTICLE = "/articles/as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    static final String POST = ARTICLE + "/comments";

    static final String FORM = "Content-Type: application/x-www-form-urlencoded";

    /** Signs of a stack trace, an exception or the server's own error report in a body. */
    static final List<String> REVEALING = List.of("Exception", "\tat ", "at org.", "at java.", "java.lang",
            "org.springframework", "org.apache", "Whitelabel", "Tomcat", "Caused by", "Failed to convert",
            "NumberFormat");

    static final String HUNDRED_KB = "x".repeat(100 * 1024);

    /** Values a numeric or token parameter should never trust. */
    static final List<String> BAD_VALUES = List.of("", "0", "-1", "-0", "+1", "%2B1", "1.5", "1e3", "0x10", "abc",
            "2147483647", "2147483648", "-2147483649", "999999999", "1000000000", "99999999999999999999999999",
            "%ff", "%FF%FE", "%c3%28", "%ed%a0%80", "%00", "1%00", "%0a", "%0d%0a", "%07", "%7f", "%e2%80%ae",
            "%d9%a1", "%ef%bc%91", "%25", "%", "%zz", "null", "undefined", "NaN", "Infinity", "[1]", "%5B%5D",
            "1;2", "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%27%20OR%201%3D1--",
            HUNDRED_KB);

    private RawHttp http;

    private SoftAssertions softly;

    private final List<String> walked = new ArrayList<>();

    @LocalServerPort
    private int port;

    @BeforeEach
    void connect() {
        this.http = new RawHttp(this.port);
        this.softly = new SoftAssertions();
    }

    @AfterEach
    void everyRequestAnsweredWithoutFailing() {
        assertThat(this.walked).as("requests walked").isNotEmpty();
        this.softly.assertAll();
    }

    @Test
    void readersRoutesWithMalformedParametersNeverFail() throws Exception {
        List<String> targets = new ArrayList<>();
        targets.addAll(List.of("/", "/?page=2", "/?%ff=%ff", "/?" + HUNDRED_KB, ARTICLE, ARTICLE + "/",
                ARTICLE + "?page=1&page=2", ARTICLE + "?replyto=1&replyto=2", ARTICLE + "?held=a&held=b",
                ARTICLE + "?page", ARTICLE + "?page=", ARTICLE + "?&&&=&=", ARTICLE + "?page=1&replyto=x&held=y",
                "/articles/", "/articles", "/articles/%ff", "/articles/%00", "/articles/a%2Fb", "/articles/..%2F..",
                "/articles/%2e%2e", "/articles/" + "a".repeat(5000), "/articles/%3Cscript%3E", "/articles/UPPER",
                "/articles/no-such-article?page=2", "/login?error", "/login?logout", "/login?%ff", "/login?error=%00",
                "/actuator/health", "/actuator/health?%ff", "/actuator/health/%00", "/actuator/health/liveness",
                "/actuator/env", "/actuator", "/error", "/error?status=500", "/css/gazette.css?%ff",
                "/css/../../application.properties", "/WEB-INF/web.xml", "/%2e%2e/%2e%2e/etc/passwd",
                "/moderation", "/moderation?status=%ff", "/moderation/settings", "/moderation/log?page=-1"));
        for (String value : BAD_VALUES) {
            targets.add(ARTICLE + "?page=" + value);
            targets.add(ARTICLE + "?replyto=" + value);
            targets.add(ARTICLE + "?held=" + value);
            targets.add(ARTICLE + "?replyto=" + value + "&page=" + value + "&held=" + value);
            targets.add("/?page=" + value);
        }
        for (String target : targets) {
            assertNoFailure("GET " + abbreviate(target), this.http.get(target));
        }
        for (String page : List.of("0", "-1", "2147483648", "abc", "1.5", "999999999", "%00", "1%0a")) {
            assertThat(this.http.get(ARTICLE + "?page=" + page).status()).as("page=%s", page).isEqualTo(404);
        }
        assertThat(this.http.get(ARTICLE + "?page=%ff").status()).as("page=%ff: not UTF-8").isIn(400, 404);
        assertThat(this.http.get(ARTICLE + "?page=" + HUNDRED_KB).status()).isIn(400, 404, 414);
        assertThat(this.http.get(ARTICLE + "?replyto=abc").status()).isEqualTo(200);
        assertThat(this.http.get(ARTICLE + "?held=garbage-token").status()).isEqualTo(200);
    }

    @Test
    void rawInvalidBytesInTheRequestLineAreRefusedQuietly() throws Exception {
        List<byte[]> targets = List.of(bytes("/", 0xff), bytes("/articles/", 0xc3, 0x28), bytes("/?page=", 0x00),
                bytes("/?page=1", 0x01), bytes(ARTICLE + "?page=", 0x7f), bytes("/", 0x1b, '[', '3', '1', 'm'),
                "/<script>".getBytes(StandardCharsets.US_ASCII), "/{}|\\^`".getBytes(StandardCharsets.US_ASCII),
                "/?a=b c".getBytes(StandardCharsets.US_ASCII), "*".getBytes(StandardCharsets.US_ASCII),
                "http://attacker.example/".getBytes(StandardCharsets.US_ASCII),
                "//attacker.example/".getBytes(StandardCharsets.US_ASCII));
        for (byte[] target : targets) {
            RawHttp.Response response = this.http.send("GET", target, List.of(), null);
            assertNoFailure("GET " + new String(target, StandardCharsets.ISO_8859_1), response);
        }
        RawHttp.Response hugeHeader = this.http.get("/", "X-Padding: " + HUNDRED_KB);
        assertNoFailure("a 100 KB header", hugeHeader);
        assertThat(hugeHeader.status()).isEqualTo(400);
    }

    @Test
    void wrongMethodsAndContentTypesNeverFail() throws Exception {
        for (String method : List.of("PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "HEAD", "PROPFIND", "FOO")) {
            for (String target : List.of("/", ARTICLE, POST, "/login", "/actuator/health", "/moderation")) {
                assertNoFailure(method + " " + target, this.http.send(method, target, List.of(), ""));
            }
        }
        assertThat(this.http.send("DELETE", ARTICLE, List.of(), "").status()).isEqualTo(405);
        assertThat(this.http.send("TRACE", "/", List.of(), "").status()).isEqualTo(405);
        assertNoFailure("GET " + POST, this.http.get(POST));

        String valid = "comment=Hello&author=Ann&email=ann%40example.com";
        List<List<String>> contentTypes = List.of(List.of(), List.of("Content-Type: application/json"),
                List.of("Content-Type: text/plain"), List.of("Content-Type: application/xml"),
                List.of("Content-Type: multipart/form-data"), List.of("Content-Type: multipart/form-data; boundary=x"),
                List.of("Content-Type: application/x-www-form-urlencoded; charset=nonsense"),
                List.of("Content-Type: application/x-www-form-urlencoded; charset=UTF-16"),
                List.of("Content-Type: application/x-www-form-urlencoded; charset=ISO-8859-1"),
                List.of("Content-Type: ;;;"), List.of(FORM, "Content-Encoding: gzip"),
                List.of(FORM, "Expect: 100-continue"));
        List<String> bodies = List.of("", valid, "{\"comment\":\"Hello\",\"author\":\"Ann\",\"email\":\"a@b.c\"}",
                "<comment>Hello</comment>", "--x\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nHi\r\n",
                "\u0000\u0001\u0002", "&&&===&&", "comment", "=", "%", "comment=%", "comment=%zz");
        for (List<String> headers : contentTypes) {
            for (String body : bodies) {
                assertNoFailure("POST " + headers + " " + body.length() + " bytes",
                        this.http.send("POST", POST, headers, body));
            }
        }
        String chunkedForm = "comment=Sent+in+chunks&author=Chunky&email=chunky%40example.com";
        String chunks = "%x\r\n%s\r\n0\r\n\r\n".formatted(chunkedForm.length(), chunkedForm);
        RawHttp.Response chunked = this.http.send("POST", POST, List.of(FORM, "Transfer-Encoding: chunked"), chunks);
        assertThat(chunked.status()).as("a chunked form post").isEqualTo(303);
        RawHttp.Response badChunks = this.http.send("POST", POST, List.of(FORM, "Transfer-Encoding: chunked"),
                "zz\r\nnot a chunk\r\n0\r\n\r\n");
        assertNoFailure("a post with malformed chunks", badChunks);
        assertThat(badChunks.status()).isEqualTo(400);

        RawHttp.Response json = this.http.send("POST", POST, List.of("Content-Type: application/json"),
                "{\"comment\":\"Hello\",\"author\":\"Ann\",\"email\":\"ann@example.com\"}");
        assertThat(json.status()).as("a JSON body is not a form: nothing to post").isIn(400, 415, 422);
        RawHttp.Response empty = this.http.send("POST", POST, List.of(FORM), "");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("Enter your comment.", "Enter your name.", "Enter your email address.");
    }

    @Test
    void commentFieldsWithInvalidBytesControlCharactersOrOtherSchemesAreRefusedWithAMessage() throws Exception {
        RawHttp.Response invalidUtf8 = postComment("comment=Caf%E9+%FF%FE&author=Ann&email=ann%40example.com");
        assertThat(invalidUtf8.status()).isEqualTo(400);
        assertThat(invalidUtf8.body()).contains("Bad request", "The request could not be understood");
        assertNoFailure("invalid UTF-8", invalidUtf8);

        for (String control : List.of("%00", "%07", "%08", "%1B", "%7F", "%C2%85", "%E2%80%A8", "%EF%BF%B9")) {
            RawHttp.Response inComment = postComment(
                    "comment=Before" + control + "after&author=Ann&email=ann%40example.com");
            assertThat(inComment.status()).as("control %s in the comment", control).isEqualTo(422);
            assertThat(inComment.body()).contains("Remove the invisible control characters from this text.");
            RawHttp.Response inName = postComment("comment=Hello&author=A" + control + "nn&email=ann%40example.com");
            assertThat(inName.status()).as("control %s in the name", control).isEqualTo(422);
            assertNoFailure("control " + control, inComment);
        }
        RawHttp.Response newlineInName = postComment("comment=Hello&author=A%0Ann&email=ann%40example.com");
        assertThat(newlineInName.status()).isEqualTo(422);

        for (String website : List.of("javascript:alert(1)", "JavaScript:alert(1)", "%20javascript:alert(1)",
                "java%0Ascript:alert(1)", "data:text/html,%3Cscript%3Ealert(1)%3C/script%3E", "vbscript:msgbox(1)",
                "file:///etc/passwd", "ftp://example.com/", "mailto:ann@example.com", "//attacker.example/",
                "http:/example.com", "https://", "example.com", "http://user:pass@example.com/", "gopher://x",
                "ws://example.com")) {
            RawHttp.Response response = postComment("comment=Hello+" + website.hashCode()
                    + "&author=Ann&email=ann%40example.com&url=" + website.replace("&", "%26"));
            assertThat(response.status()).as("website %s", website).isEqualTo(422);
            assertThat(response.body()).as("website %s", website)
                .contains("Enter a website address that starts with http:// or https://");
            assertNoFailure("website " + website, response);
        }
        RawHttp.Response https = postComment("comment=Fine&author=Ann&email=ann%40example.com&url=https://ann.example/");
        assertThat(https.status()).isEqualTo(303);
    }

    @Test
    void overlongAndMistypedFieldsAreRefusedWithoutFailing() throws Exception {
        List<String> forms = List.of("comment=" + "a".repeat(10_001) + "&author=Ann&email=ann%40example.com",
                "comment=Hi&author=" + "a".repeat(101) + "&email=ann%40example.com",
                "comment=Hi&author=Ann&email=" + "a".repeat(250) + "%40example.com",
                "comment=Hi&author=Ann&email=ann%40example.com&url=https://example.com/" + "a".repeat(200),
                "comment=Hi&author=Ann&email=ann%40example.com&replyTo=abc",
                "comment=Hi&author=Ann&email=ann%40example.com&replyTo=-1",
                "comment=Hi&author=Ann&email=ann%40example.com&replyTo=99999999999999999999999",
                "comment=Hi&author=Ann&email=ann%40example.com&replyTo=%ff",
                "comment=Hi&author=Ann&email=ann%40example.com&replyTo=123456789",
                "comment=Hi&author=Ann&email=ann%40example.com&remember=maybe",
                "comment=Hi&comment=Again&author=Ann&author=Bo&email=ann%40example.com",
                "comment=Hi&author=Ann&email=not-an-address", "comment=Hi&author=Ann&email=%40%40%40",
                "comment=%20%20%20&author=%20&email=%20", "comment=Hi&author=Ann&email=ann%40example.com&subject=%ff",
                "comment=" + HUNDRED_KB + "&author=Ann&email=ann%40example.com",
                "comment=" + "%F0%9F%98%80".repeat(10_001) + "&author=Ann&email=ann%40example.com",
                "class.module.classLoader.DefaultAssertionStatus=true&comment=Hi&author=Ann&email=ann%40example.com",
                "article.id=2&status=APPROVED&id=1&comment=Hi+there&author=Ann&email=ann2%40example.com");
        for (String form : forms) {
            RawHttp.Response response = postComment(form);
            assertNoFailure("POST " + abbreviate(form), response);
            assertThat(response.status()).as("POST %s", abbreviate(form)).isIn(303, 400, 404, 413, 422);
        }
        RawHttp.Response tooLong = postComment(forms.get(0));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("Your comment must be 10,000 characters or fewer.");
        RawHttp.Response emoji = postComment(forms.get(16));
        assertThat(emoji.status()).as("10,001 emoji").isIn(413, 422);
    }

    @Test
    void signInAndSignOutWithMalformedInputNeverFail() throws Exception {
        String token = EditorSession.csrfToken(this.http.get("/login").body());
        List<String> forms = List.of("", "username=&password=", "username=editor", "username=%ff&password=%ff",
                "username=" + HUNDRED_KB + "&password=x", "username=editor%00&password=test-editor-password",
                "username=editor&password=" + "p".repeat(10_000), "_csrf=garbage&username=editor&password=x",
                "_csrf=" + token + "&username=editor&password=wrong", "_csrf=%ff&username=%00&password=%00");
        for (String form : forms) {
            assertNoFailure("POST /login " + abbreviate(form), this.http.send("POST", "/login", List.of(FORM), form));
            assertNoFailure("POST /logout " + abbreviate(form),
                    this.http.send("POST", "/logout", List.of(FORM), form));
        }
        RawHttp.Response withoutToken = this.http.send("POST", "/login", List.of(FORM),
                "username=editor&password=test-editor-password");
        assertThat(withoutToken.status()).as("sign-in without a CSRF token").isIn(302, 403);
        assertThat(withoutToken.header("Location").orElse("")).as("sign-in without a CSRF token")
            .doesNotEndWith("/moderation");
    }

    @Test
    void editorsRoutesWithMalformedParametersNeverFail() throws Exception {
        assertThat(postComment("comment=For+the+desk&author=Desk+Reader&email=desk%40example.com").status())
            .isEqualTo(303);
        EditorSession editor = EditorSession.signIn(this.http, "editor", "test-editor-password");
        assertThat(editor.get("/moderation").status()).isEqualTo(200);
        assertThat(editor.get("/moderation?status=unknown").status()).as("an unknown status").isEqualTo(400);

        List<String> targets = new ArrayList<>(List.of("/moderation", "/moderation/", "/moderation?status=pending",
                "/moderation?status=PENDING", "/moderation?status=", "/moderation?status=pending&status=spam",
                "/moderation/settings", "/moderation/settings?%ff", "/moderation/log", "/moderation/accounts",
                "/moderation/nothing-here", "/moderation?" + HUNDRED_KB, "/moderation/comments",
                "/moderation/comments/1", "/moderation/comments/1/view", "/moderation/comments/1/edit",
                "/moderation/comments/1/reply", "/moderation/comments/999999/edit", "/login", "/login?error", "/"));
        for (String value : BAD_VALUES) {
            targets.add("/moderation?status=" + value);
            targets.add("/moderation?status=pending&page=" + value);
            targets.add("/moderation?status=" + value + "&page=" + value + "&q=" + value + "&article=" + value
                    + "&sort=" + value + "&comment=" + value);
            targets.add("/moderation/log?page=" + value + "&editor=" + value + "&action=" + value);
            targets.add("/moderation/settings?page=" + value);
            targets.add("/moderation/comments/" + value);
            targets.add("/moderation/comments/" + value + "/view");
            targets.add("/moderation/comments/" + value + "/edit?status=" + value);
            targets.add("/moderation/comments/1/reply?page=" + value);
        }
        for (String target : targets) {
            assertNoFailure("editor GET " + abbreviate(target), editor.get(target));
        }

        String token = editor.csrfToken();
        List<String> values = List.of("", "abc", "-1", "%ff", "%00", "99999999999999999999", "1:abc", "abc:1", ":",
                "1:1:1", HUNDRED_KB);
        List<String> forms = new ArrayList<>(List.of("", "_csrf=garbage&action=approve", "_csrf=" + token));
        for (String value : values) {
            forms.add("_csrf=" + token + "&action=" + value + "&selected=" + value + "&selected=1:0&version=" + value
                    + "&confirmed=" + value);
            forms.add("_csrf=" + token + "&text=" + value + "&version=" + value);
            forms.add("_csrf=" + token + "&mode=" + value + "&maxLinks=" + value + "&closeAfterDays=" + value
                    + "&disallowedWords=" + value + "&moderationWords=" + value + "&version=" + value
                    + "&shownArticles=" + value + "&openArticles=" + value + "&seenOpenArticles=" + value);
            forms.add("_csrf=" + token + "&username=" + value + "&displayName=" + value + "&role=" + value
                    + "&password=" + value + "&generate=" + value);
        }
        List<String> posts = List.of("/moderation", "/moderation/comments/bulk", "/moderation/comments/1/edit",
                "/moderation/comments/1/reply", "/moderation/settings", "/moderation/settings?page=abc",
                "/moderation/accounts", "/moderation/log", "/moderation/accounts/1/reset-password");
        for (String target : posts) {
            for (String form : forms) {
                assertNoFailure("editor POST " + target + " " + abbreviate(form),
                        editor.send("POST", target, List.of(FORM), form));
            }
            assertNoFailure("editor POST json " + target, editor.send("POST", target,
                    List.of("Content-Type: application/json"), "{\"_csrf\":\"" + token + "\"}"));
            assertNoFailure("editor DELETE " + target, editor.send("DELETE", target, List.of(), ""));
        }
        List<String> actionForms = List.of("", "_csrf=garbage", "_csrf=" + token, "_csrf=" + token + "&version=abc",
                "_csrf=" + token + "&version=0&confirmed=%ff", "_csrf=" + token + "&version=99999999999999999999");
        for (String value : List.of("1", "abc", "%ff", "-1", "99999999999999999999")) {
            for (String action : List.of("approve", "unapprove", "spam", "trash", "restore", "delete", "nonsense",
                    "%ff", "edit", "reply")) {
                for (String form : actionForms) {
                    String target = "/moderation/comments/" + value + "/" + action;
                    assertNoFailure("editor POST " + target + " " + form,
                            editor.send("POST", target, List.of(FORM), form));
                }
            }
            for (String target : List.of("/moderation/accounts/" + value + "/disable",
                    "/moderation/accounts/" + value + "/enable")) {
                for (String form : actionForms) {
                    assertNoFailure("editor POST " + target + " " + form,
                            editor.send("POST", target, List.of(FORM), form));
                }
            }
        }
    }

    private RawHttp.Response postComment(String form) throws IOException {
        return this.http.send("POST", POST, List.of(FORM), form);
    }

    /** Records a failure and walks on, so that one run lists every failing request. */
    private void assertNoFailure(String request, RawHttp.Response response) {
        this.walked.add(request);
        this.softly.assertThat(response.status()).as("%s answered", request).isBetween(200, 499);
        this.softly.assertThat(response.body()).as("%s body", request).doesNotContain(REVEALING);
        this.softly.assertThat(response.headers())
            .as("%s headers", request)
            .noneMatch((line) -> line.toLowerCase(Locale.ROOT).startsWith("x-powered-by"))
            .noneMatch((line) -> line.contains("Tomcat") || line.contains("Exception"));
    }

    private static String abbreviate(String value) {
        return (value.length() <= 120) ? value : value.substring(0, 120) + "… (" + value.length() + " chars)";
    }

    private static byte[] bytes(String prefix, int... raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix.getBytes(StandardCharsets.US_ASCII));
        for (int b : raw) {
            out.write(b);
        }
        return out.toByteArray();
    }

}
