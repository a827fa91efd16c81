package org.gazette.editor;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions over real HTTP: an anonymous visitor of the sign-in page or the desk gets no
 * session stored in the database (the sign-in form's CSRF token and the page to come back to live
 * in cookies), signing in through the form still works and comes back to the page first
 * asked for, and an editor holds at most {@code gazette.editor.max-sessions} sessions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gazette.editor.max-sessions=2")
class EditorSessionTests {

    private static final String PASSWORD = "a long sessions password";

    @Autowired
    private EditorAccountService accounts;

    @Autowired
    private JdbcTemplate jdbc;

    @LocalServerPort
    private int port;

    @ParameterizedTest
    @CsvSource({ "GET, /login", "GET, /login?error", "GET, /login?expired", "GET, /moderation",
            "GET, /moderation/anything", "GET, /moderation/settings?page=2", "HEAD, /login", "HEAD, /moderation",
            "HEAD, /moderation/anything" })
    void anonymousVisitorsGetNoSession(String method, String path) throws Exception {
        int before = sessions();
        CookieBrowser browser = browser();
        HttpResponse<String> answer = method.equals("HEAD") ? browser.head(path) : browser.get(path);

        assertThat(answer.statusCode()).isIn(200, 302);
        assertThat(answer.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.startsWith("JSESSIONID"));
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void aFailedSignInGetsNoSession() throws Exception {
        int before = sessions();
        CookieBrowser browser = browser();
        HttpResponse<String> failed = browser.signIn("editor", "not-the-password");

        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/login?error"));
        assertThat(browser.get("/login?error").body()).contains("The username or password is not right.");
        assertThat(browser.sessionId()).isNull();
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void signingInThroughTheFormStartsTheSessionAndComesBackToThePageAskedFor() throws Exception {
        CookieBrowser browser = browser();
        HttpResponse<String> asked = browser.get("/moderation/settings?page=1");
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(browser.sessionId()).isNull();

        String username = newEditor("returns");
        HttpResponse<String> signedIn = browser.signIn(username, PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/moderation/settings?page=1"));
        assertThat(browser.sessionId()).isNotNull();
        HttpResponse<String> settings = browser.get("/moderation/settings");
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(browser.signOut(settings.body()).statusCode()).isEqualTo(302);
        HttpResponse<String> again = browser.signIn(username, PASSWORD);
        assertThat(again.headers().firstValue("Location")).as("the page asked for is forgotten once used")
            .hasValueSatisfying((location) -> assertThat(location).endsWith("/moderation"));
    }

    @Test
    void signingInOnceTooOftenEndsTheLeastRecentlyUsedSession() throws Exception {
        String username = newEditor("many");
        CookieBrowser first = browser();
        CookieBrowser second = browser();
        CookieBrowser third = browser();
        assertThat(first.signIn(username, PASSWORD).statusCode()).isEqualTo(302);
        assertThat(second.signIn(username, PASSWORD).statusCode()).isEqualTo(302);
        assertThat(first.get("/moderation/settings").statusCode()).isEqualTo(200);
        assertThat(third.signIn(username, PASSWORD).statusCode()).isEqualTo(302);

        HttpResponse<String> ended = second.get("/moderation/settings");
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/login?expired"));
        assertThat(first.get("/moderation/settings").statusCode()).isEqualTo(200);
        assertThat(third.get("/moderation/settings").statusCode()).isEqualTo(200);
    }

    @Test
    void clicksOnTheDeskThatChangeNothingButTheLastAccessDoNotWriteTheSession() throws Exception {
        String username = newEditor("clicks");
        CookieBrowser browser = browser();
        assertThat(browser.signIn(username, PASSWORD).statusCode()).isEqualTo(302);
        assertThat(browser.get("/moderation/settings").statusCode()).isEqualTo(200);
        Long stored = lastAccess(username);

        assertThat(browser.get("/moderation/settings").statusCode()).isEqualTo(200);
        assertThat(browser.get("/moderation").statusCode()).isEqualTo(200);

        assertThat(lastAccess(username)).as("written at most once a minute (LastAccessWrites)").isEqualTo(stored);
    }

    private Long lastAccess(String username) {
        return this.jdbc.queryForObject("select last_access_time from spring_session where principal_name = ?",
                Long.class, username);
    }

    private CookieBrowser browser() {
        return new CookieBrowser(this.port);
    }

    /** The sessions stored in the database, which every node shares. */
    private int sessions() {
        Integer count = this.jdbc.queryForObject("select count(*) from spring_session", Integer.class);
        return (count != null) ? count : 0;
    }

    private String newEditor(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.accounts.create(username, "Editor " + username, EditorRole.EDITOR, PASSWORD);
        return username;
    }

}
