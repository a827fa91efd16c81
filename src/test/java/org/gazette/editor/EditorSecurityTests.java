package org.gazette.editor;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

/**
 * Who may do what on the editors' side, and how signing in behaves: anonymous
 * requests go to the sign-in page and come back (to a desk page, never elsewhere),
 * editors work the desk but not the accounts, every form needs its CSRF token, and
 * repeated failures of one username from one address are throttled without locking
 * out anyone else. Runs on a real server too, for the session cookie and the idle
 * timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class EditorSecurityTests {

    private static final String PASSWORD = "test-editor-password";

    /** Every page on the desk, the routes of this feature and of the queue and log. */
    private static final String[] DESK_PAGES = { "/moderation", "/moderation/log", "/moderation/settings" };

    private static final String[] ACCOUNT_POSTS = { "/moderation/accounts", "/moderation/accounts/1/disable",
            "/moderation/accounts/1/enable", "/moderation/accounts/1/reset-password" };

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private EditorAccountService accounts;

    @Autowired
    private EditorAccountRepository repository;

    @Autowired
    private JdbcTemplate jdbc;

    @MockitoSpyBean
    private PasswordEncoder passwordEncoder;

    @LocalServerPort
    private int port;

    @ParameterizedTest
    @ValueSource(strings = { "/moderation", "/moderation/log", "/moderation/settings", "/moderation/settings?page=2",
            "/moderation/accounts", "/moderation/forbidden" })
    void anonymousReadersAreSentToSignIn(String page) {
        assertThat(this.mvc.get().uri(page)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/moderation/settings", "/moderation/accounts", "/moderation/accounts/1/disable",
            "/moderation/accounts/1/enable", "/moderation/accounts/1/reset-password" })
    void anonymousFormsAreSentToSignInAndChangeNothing(String action) {
        assertThat(this.mvc.post().uri(action).with(csrf()).param("mode", "NONE"))
            .hasStatus(HttpStatus.FOUND)
            .hasRedirectedUrl("/login");
        assertThat(this.repository.findByUsername("editor").orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void editorsWorkTheDeskButAreRefusedTheAccounts() {
        for (String page : DESK_PAGES) {
            assertThat(this.mvc.get().uri(page).with(editor()).exchange().getResponse().getStatus()).as(page)
                .isNotIn(401, 403);
        }
        assertThat(this.mvc.get().uri("/moderation/accounts").with(editor())).hasStatus(HttpStatus.FORBIDDEN)
            .hasForwardedUrl("/moderation/forbidden");
        for (String action : ACCOUNT_POSTS) {
            assertThat(this.mvc.post().uri(action).with(editor()).with(csrf()).param("username", "intruder"))
                .as(action)
                .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(this.repository.findByUsername("intruder")).isEmpty();
        assertThat(this.repository.findByUsername("editor").orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void adminsOpenEveryPage() {
        for (String page : DESK_PAGES) {
            assertThat(this.mvc.get().uri(page).with(admin()).exchange().getResponse().getStatus()).as(page)
                .isNotIn(401, 403);
        }
        assertThat(this.mvc.get().uri("/moderation/accounts").with(admin())).hasStatusOk()
            .bodyText()
            .contains("Editor accounts");
        assertThat(this.mvc.get().uri("/moderation/settings").with(admin())).hasStatusOk()
            .bodyText()
            .contains("Comment settings");
    }

    @Test
    void formsWithoutTheirCsrfTokenAreRefused() {
        assertThat(this.mvc.post().uri("/moderation/settings").with(editor()).param("mode", "NONE"))
            .hasStatus(HttpStatus.FORBIDDEN);
        for (String action : ACCOUNT_POSTS) {
            assertThat(this.mvc.post().uri(action).with(admin()).param("username", "intruder")).as(action)
                .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(this.mvc.post().uri("/moderation/settings").with(editor()).with(csrf().useInvalidToken()))
            .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(this.mvc.post().uri("/logout").with(editor())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(this.repository.findByUsername("intruder")).isEmpty();
    }

    @Test
    void aSignInFormWhoseSessionEndedLeadsBackToSignIn() {
        assertThat(this.mvc.post().uri("/login").param("username", "editor").param("password", PASSWORD))
            .hasStatus(HttpStatus.FOUND)
            .hasRedirectedUrl("/login?expired")
            .matches(unauthenticated());
        assertThat(this.mvc.get().uri("/login?expired")).bodyText()
            .contains("Your session has ended. Please sign in again.");
    }

    @Test
    void signsInWithTheRightPasswordAndNotWithAWrongOne() {
        assertThat(this.mvc.perform(formLogin().user("editor").password(PASSWORD))).hasRedirectedUrl("/moderation")
            .matches(authenticated().withUsername("editor").withRoles("EDITOR", "ADMIN"));
        assertThat(this.mvc.perform(formLogin().user("editor").password("not-the-password")))
            .hasRedirectedUrl("/login?error")
            .matches(unauthenticated());
    }

    @Test
    void repeatedFailuresThrottleThatUsernameFromThatAddressOnly() {
        String username = newEditor("throttled");
        String address = "198.51.100.21";
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(username, "wrong-password-" + i, address)).hasRedirectedUrl("/login?error");
        }
        clearInvocations(this.passwordEncoder);
        MvcTestResult throttled = signIn(username, PASSWORD, address);
        assertThat(throttled).hasStatus(HttpStatus.TOO_MANY_REQUESTS).matches(unauthenticated());
        assertThat(throttled).bodyText()
            .containsPattern("Too many failed sign-in attempts\\. Please wait \\d+ seconds and try again\\.");
        String retryAfter = throttled.getResponse().getHeader(HttpHeaders.RETRY_AFTER);
        assertThat(retryAfter).isNotNull();
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 600L);
        verify(this.passwordEncoder, never()).matches(anyString(), anyString());

        assertThat(signIn(username, PASSWORD, "198.51.100.22")).hasRedirectedUrl("/moderation")
            .matches(authenticated().withUsername(username));
        assertThat(signIn("someone-else", "wrong-password", address)).hasRedirectedUrl("/login?error");
    }

    @Test
    void aSuccessfulSignInClearsEarlierFailures() {
        String username = newEditor("clears");
        String address = "198.51.100.31";
        for (int i = 0; i < 4; i++) {
            signIn(username, "wrong-password", address);
        }
        MvcTestResult signedIn = signIn(username, PASSWORD, address);
        assertThat(signedIn).hasRedirectedUrl("/moderation");
        Cookie device = signedIn.getResponse().getCookie(DeviceCookies.nameFor(username));
        for (int i = 0; i < 4; i++) {
            assertThat(signIn(username, "wrong-password", address, device)).hasRedirectedUrl("/login?error");
        }
        assertThat(signIn(username, PASSWORD, address, device)).hasRedirectedUrl("/moderation");
    }

    @Test
    void aDisabledAccountCannotSignInAndLearnsNothingMore() {
        String username = newEditor("gone");
        assertThat(signIn(username, PASSWORD, "192.0.2.40")).hasRedirectedUrl("/moderation");
        this.accounts.disable(this.repository.findByUsername(username).orElseThrow().getId(), "editor");
        assertThat(signIn(username, PASSWORD, "192.0.2.40")).hasRedirectedUrl("/login?error")
            .matches(unauthenticated());
    }

    @Test
    void disablingAnAccountEndsItsSessions() {
        String username = newEditor("signed-in");
        MvcTestResult signedIn = this.mvc.post()
            .uri("/login")
            .with(csrf())
            .param("username", username)
            .param("password", PASSWORD)
            .exchange();
        Cookie live = signedIn.getResponse().getCookie(EditorSecurityConfiguration.SESSION_COOKIE);
        assertThat(this.mvc.get().uri("/moderation/settings").cookie(live)).hasStatusOk();
        this.accounts.disable(this.repository.findByUsername(username).orElseThrow().getId(), "editor");
        assertThat(this.mvc.get().uri("/moderation/settings").cookie(live)).hasRedirectedUrl("/login?expired");
    }

    @Test
    void signInReturnsToTheDeskPageFirstAskedFor() {
        MvcTestResult asked = this.mvc.get().uri("/moderation/settings?page=1").exchange();
        assertThat(asked).hasRedirectedUrl("/login");
        assertThat(asked.getResponse().getCookie(EditorSecurityConfiguration.SESSION_COOKIE)).isNull();
        Cookie returnTo = asked.getResponse().getCookie(ReturnPathCookie.NAME);
        assertThat(returnTo).isNotNull();
        assertThat(returnTo.isHttpOnly()).isTrue();

        MvcTestResult signedIn = signInWith(returnTo);

        assertThat(signedIn).hasRedirectedUrl("/moderation/settings?page=1");
        assertThat(signedIn.getResponse().getCookie(ReturnPathCookie.NAME).getMaxAge()).as("forgotten once used")
            .isZero();
    }

    @Test
    void aScriptsRequestOrAFormPostIsNotWhereSignInReturns() {
        MvcTestResult fetched = this.mvc.get().uri("/moderation/settings").header("Sec-Fetch-Mode", "cors").exchange();
        assertThat(fetched).hasRedirectedUrl("/login");
        assertThat(fetched.getResponse().getCookie(ReturnPathCookie.NAME)).isNull();

        MvcTestResult posted = this.mvc.post().uri("/moderation/settings").with(csrf()).exchange();
        assertThat(posted).hasRedirectedUrl("/login");
        assertThat(posted.getResponse().getCookie(ReturnPathCookie.NAME)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "//evil.example/moderation", "https://evil.example/", "/moderation\\evil", "/login",
            "/moderation//evil.example", "not base64 at all!", "" })
    void signInReturnsNowhereButTheDesk(String path) {
        String value = path.startsWith("not") ? path
                : Base64.getUrlEncoder().withoutPadding().encodeToString(path.getBytes(StandardCharsets.UTF_8));

        MvcTestResult signedIn = signInWith(new Cookie(ReturnPathCookie.NAME, value));

        assertThat(signedIn).hasRedirectedUrl("/moderation").matches(authenticated());
    }

    @Test
    void signingInGivesAnExistingSessionANewId() {
        MvcTestResult first = this.mvc.post()
            .uri("/login")
            .with(csrf())
            .param("username", "editor")
            .param("password", PASSWORD)
            .exchange();
        Cookie session = first.getResponse().getCookie(EditorSecurityConfiguration.SESSION_COOKIE);
        assertThat(session).isNotNull();
        MvcTestResult signedIn = this.mvc.post()
            .uri("/login")
            .cookie(session)
            .with(csrf())
            .param("username", "editor")
            .param("password", PASSWORD)
            .exchange();
        assertThat(signedIn).hasRedirectedUrl("/moderation");
        assertThat(signedIn.getResponse().getCookie(EditorSecurityConfiguration.SESSION_COOKIE).getValue())
            .isNotEqualTo(session.getValue());
    }

    @Test
    void theSignInPageIsGazettesOwn() {
        assertThat(this.mvc.get().uri("/login")).hasStatusOk()
            .bodyText()
            .contains("<label for=\"username\">Username</label>", "<label for=\"password\">Password</label>",
                    ">Sign in</button>", "name=\"_csrf\"")
            .doesNotContain("style=");
    }

    @Test
    void signedInEditorsGoStraightToTheDesk() {
        assertThat(this.mvc.get().uri("/login").with(editor())).hasRedirectedUrl("/moderation");
    }

    @Test
    void overRealHttpTheSessionStartsAtSignInTimesOutAndEndsAtSignOut() throws Exception {
        CookieBrowser browser = new CookieBrowser(this.port);
        HttpResponse<String> signedIn = browser.signIn("editor", PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/moderation"));
        String session = browser.sessionId();
        assertThat(session).isNotNull();
        assertThat(idleTimeoutOfStoredSession(session)).contains(30 * 60);

        HttpResponse<String> settings = browser.get("/moderation/settings");
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        HttpResponse<String> signedOut = browser.signOut(settings.body());
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/login?logout"));
        assertThat(idleTimeoutOfStoredSession(session)).isEmpty();
        assertThat(browser.get("/moderation/settings").statusCode()).isEqualTo(302);
        assertThat(browser.get("/login?logout").body()).contains("You have signed out.");
    }

    @Test
    void overRealHttpAnEditorSeesTheDesksStyledRefusalOfTheAccountsPage() throws Exception {
        CookieBrowser browser = new CookieBrowser(this.port);
        browser.signIn(newEditor("plain"), PASSWORD);
        HttpResponse<String> refused = browser.get("/moderation/accounts");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Not allowed", "Managing editor accounts is for administrators.",
                "desk-header");
    }

    @Test
    void theSignInAccountsSettingsPasswordAndRefusalPagesHaveNoHtmlErrors() throws Exception {
        String username = newEditor("valid");
        CookieBrowser admin = new CookieBrowser(this.port);
        assertValid("/login", admin.get("/login").body());
        admin.signIn("editor", PASSWORD);
        HttpResponse<String> accounts = admin.get("/moderation/accounts");
        assertValid("/moderation/accounts", accounts.body());
        HttpResponse<String> refused = admin.post("/moderation/accounts",
                Map.of("username", "no spaces allowed", "displayName", "", "password", "short", "_csrf",
                        CookieBrowser.csrfToken(accounts.body())));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertValid("refused account form", refused.body());
        HttpResponse<String> settings = admin.get("/moderation/settings");
        assertValid("/moderation/settings", settings.body());
        HttpResponse<String> refusedSettings = admin.post("/moderation/settings",
                Map.of("mode", "ALL", "maxLinks", "-1", "closeAfterDays", "x", "version", "0", "_csrf",
                        CookieBrowser.csrfToken(settings.body())));
        assertThat(refusedSettings.statusCode()).isEqualTo(422);
        assertValid("refused settings form", refusedSettings.body());
        HttpResponse<String> password = admin.get("/moderation/password");
        assertValid("/moderation/password", password.body());
        HttpResponse<String> refusedPassword = admin.post("/moderation/password",
                Map.of("currentPassword", "", "newPassword", "short", "repeatPassword", "other", "_csrf",
                        CookieBrowser.csrfToken(password.body())));
        assertThat(refusedPassword.statusCode()).isEqualTo(422);
        assertValid("refused password form", refusedPassword.body());
        assertValid("/moderation/log", admin.get("/moderation/log").body());

        CookieBrowser editor = new CookieBrowser(this.port);
        editor.signIn(username, PASSWORD);
        assertValid("403 page", editor.get("/moderation/accounts").body());
        CookieBrowser refusedBrowser = new CookieBrowser(this.port);
        for (int i = 0; i < 5; i++) {
            refusedBrowser.signIn(username, "not-the-password");
        }
        HttpResponse<String> throttled = refusedBrowser.signIn(username, "not-the-password");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertValid("429 sign-in page", throttled.body());
    }

    private static void assertValid(String page, String html) throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.TEXT);
        String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(report).as("Nu Html Checker report for %s", page).doesNotContain("Error:");
    }

    private MvcTestResult signInWith(Cookie cookie) {
        return this.mvc.post()
            .uri("/login")
            .cookie(cookie)
            .with(csrf())
            .param("username", "editor")
            .param("password", PASSWORD)
            .exchange();
    }

    private MvcTestResult signIn(String username, String password, String address, Cookie... cookies) {
        var request = this.mvc.post()
            .uri("/login")
            .with(csrf())
            .with(from(address))
            .param("username", username)
            .param("password", password);
        if (cookies.length > 0 && cookies[0] != null) {
            request = request.cookie(cookies);
        }
        return request.exchange();
    }

    private String newEditor(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.accounts.create(username, "Editor " + username, EditorRole.EDITOR, PASSWORD);
        return username;
    }

    /** The idle timeout, in seconds, of the session stored for a session cookie's value. */
    private Optional<Integer> idleTimeoutOfStoredSession(String cookieValue) {
        String id = new String(Base64.getDecoder().decode(cookieValue), StandardCharsets.US_ASCII);
        List<Integer> timeouts = this.jdbc.queryForList(
                "select max_inactive_interval from spring_session where session_id = ?", Integer.class, id);
        return timeouts.stream().findFirst();
    }

    private static RequestPostProcessor from(String address) {
        return (request) -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static RequestPostProcessor editor() {
        return user("desk-editor").roles("EDITOR");
    }

    private static RequestPostProcessor admin() {
        return user("desk-admin").roles("EDITOR", "ADMIN");
    }

}
