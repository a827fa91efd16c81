package org.gazette.editor;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

/**
 * What an attacker meets when guessing at the sign-in form: every spelling of a username
 * shares its budget, one client cannot spray usernames, an account under attack from
 * many clients lets in only browsers that signed in to it before, and password checks
 * are capped, the rest answered 503 without one. Every refusal is the sign-in page with
 * a message and the username as typed.
 */
@SpringBootTest(properties = { "gazette.editor.sign-in.max-concurrent-checks=1",
        "gazette.editor.sign-in.check-wait=50ms" })
@AutoConfigureMockMvc
class SignInLimitsTests {

    private static final String PASSWORD = "a long limits password";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private EditorAccountService accounts;

    @MockitoSpyBean
    private PasswordEncoder passwordEncoder;

    @Test
    void noSpellingOfAUsernameGetsAFreshBudget() {
        String username = newEditor("writer");
        String client = "198.51.100.61";
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(username, "wrong-password-" + i, client)).hasRedirectedUrl("/login?error");
        }
        List<String> spellings = List.of("\u0007" + username, username + "\u0000", username.replace('i', 'ı'),
                " " + username.toUpperCase(Locale.ROOT) + " ", username + "\u001F", "\u00A0" + username);
        for (String spelling : spellings) {
            MvcTestResult attempt = signIn(spelling, PASSWORD, client);
            assertThat(attempt).as("%s", spelling.codePoints().boxed().toList()).matches(unauthenticated());
            assertThat(attempt.getResponse().getStatus()).as("%s", spelling).isIn(302, 429);
            if (attempt.getResponse().getStatus() == 302) {
                assertThat(attempt).hasRedirectedUrl("/login?error");
            }
        }
        MvcTestResult plain = signIn(username, PASSWORD, client);
        assertThat(plain).hasStatus(HttpStatus.TOO_MANY_REQUESTS).matches(unauthenticated());
        assertThat(plain).bodyText()
            .containsPattern("Too many failed sign-in attempts\\. Please wait \\d+ seconds and try again\\.")
            .contains("value=\"" + username + "\"");
    }

    @Test
    void oneClientCannotSprayUsernames() {
        String client = "198.51.100.62";
        for (int i = 0; i < 20; i++) {
            assertThat(signIn("nobody-" + UUID.randomUUID(), "guess", client)).as("attempt %d", i)
                .hasRedirectedUrl("/login?error");
        }
        clearInvocations(this.passwordEncoder);
        MvcTestResult refused = signIn("editor", "guess", client);
        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS).matches(unauthenticated());
        assertThat(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isNotNull();
        assertThat(refused).bodyText().contains("Too many failed sign-in attempts", "value=\"editor\"");
        verify(this.passwordEncoder, times(0)).matches(any(), any());
        assertThat(signIn("nobody", "guess", "198.51.100.63")).hasRedirectedUrl("/login?error");
    }

    @Test
    void anIPv6ClientIsCountedByItsNetwork() {
        for (int i = 0; i < 20; i++) {
            signIn("nobody-" + UUID.randomUUID(), "guess", "2001:db8:6:1::" + Integer.toHexString(i + 1));
        }
        assertThat(signIn("nobody", "guess", "2001:db8:6:1:ffff::1")).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(signIn("nobody", "guess", "2001:db8:6:2::1")).hasRedirectedUrl("/login?error");
    }

    @Test
    void anAccountUnderAttackStillLetsItsEditorsOwnBrowserIn() {
        String username = newEditor("target");
        MvcTestResult earlier = signIn(username, PASSWORD, "192.0.2.70");
        assertThat(earlier).matches(authenticated().withUsername(username));
        Cookie device = earlier.getResponse().getCookie(DeviceCookies.nameFor(username));
        assertThat(device).as("a device cookie after signing in").isNotNull();
        assertThat(device.isHttpOnly()).isTrue();

        for (int i = 0; i < 10; i++) {
            assertThat(signIn(username, "wrong-" + i, "203.0.113." + (100 + i))).hasRedirectedUrl("/login?error");
        }
        clearInvocations(this.passwordEncoder);
        MvcTestResult stranger = signIn(username, PASSWORD, "203.0.113.200");
        assertThat(stranger).hasRedirectedUrl("/login?error").matches(unauthenticated());
        verify(this.passwordEncoder).matches(anyString(), anyString());

        MvcTestResult ownBrowser = signIn(username, PASSWORD, "203.0.113.201", device);
        assertThat(ownBrowser).hasRedirectedUrl("/moderation").matches(authenticated().withUsername(username));
        MvcTestResult othersCookie = signIn(newEditor("other"), PASSWORD, "203.0.113.202", device);
        assertThat(othersCookie).matches(authenticated());
        assertThat(signIn(username, PASSWORD, "203.0.113.203", forged(device))).matches(unauthenticated());
    }

    @Test
    void passwordChecksAreCappedAndTheRestAreAnswered503WithoutOne() throws Exception {
        String username = newEditor("busy");
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        doAnswer((invocation) -> {
            checking.countDown();
            release.await(10, TimeUnit.SECONDS);
            return invocation.callRealMethod();
        }).when(this.passwordEncoder).matches(any(), any());
        try {
            CompletableFuture<MvcTestResult> first = CompletableFuture
                .supplyAsync(() -> signIn(username, PASSWORD, "192.0.2.80"));
            assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();
            MvcTestResult second = CompletableFuture.supplyAsync(() -> signIn(username, PASSWORD, "192.0.2.81"))
                .get(5, TimeUnit.SECONDS);
            assertThat(second).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).matches(unauthenticated());
            assertThat(second.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isNotNull();
            assertThat(second).bodyText()
                .contains("Editors’ sign-in", "Sign-in is busy", "value=\"" + username + "\"");
            verify(this.passwordEncoder, times(1)).matches(any(), any());
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).hasRedirectedUrl("/moderation");
        }
        finally {
            release.countDown();
            reset(this.passwordEncoder);
        }
    }

    @Test
    void anEditorsOwnBrowserIsNotHeldBackByOthersAtTheSameAddress() {
        String username = newEditor("shared");
        String office = "192.0.2.95";
        Cookie device = signIn(username, PASSWORD, office).getResponse().getCookie(DeviceCookies.nameFor(username));
        for (int i = 0; i < 25; i++) {
            signIn((i % 2 == 0) ? username : "nobody-" + i, "wrong-" + i, office);
        }
        assertThat(signIn(username, PASSWORD, office)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);

        assertThat(signIn(username, PASSWORD, office, device)).matches(authenticated().withUsername(username));
    }

    @Test
    void aChangedPasswordRevokesTheDeviceCookiesIssuedBefore() {
        String username = newEditor("revoked");
        Cookie device = signIn(username, PASSWORD, "192.0.2.96").getResponse().getCookie(DeviceCookies.nameFor(username));
        String newPassword = "a newer and longer password";
        this.accounts.changeOwnPassword(username, PASSWORD, newPassword, "192.0.2.96");
        for (int i = 0; i < 10; i++) {
            signIn(username, "wrong-" + i, "203.0.113." + (150 + i));
        }

        assertThat(signIn(username, newPassword, "192.0.2.97", device)).matches(unauthenticated());
    }

    @Test
    void anEditorsOwnBrowserIsCheckedWhileStrangersHoldEveryCheck() throws Exception {
        String username = newEditor("busyknown");
        Cookie device = signIn(username, PASSWORD, "192.0.2.90").getResponse().getCookie(DeviceCookies.nameFor(username));
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        doAnswer((invocation) -> {
            checking.countDown();
            release.await(10, TimeUnit.SECONDS);
            return invocation.callRealMethod();
        }).when(this.passwordEncoder).matches(eq("stranger's check"), any());
        try {
            CompletableFuture<MvcTestResult> stranger = CompletableFuture
                .supplyAsync(() -> signIn("nobody-busy", "stranger's check", "192.0.2.91"));
            assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();

            MvcTestResult own = CompletableFuture.supplyAsync(() -> signIn(username, PASSWORD, "192.0.2.92", device))
                .get(5, TimeUnit.SECONDS);

            assertThat(own).hasRedirectedUrl("/moderation").matches(authenticated().withUsername(username));
            release.countDown();
            assertThat(stranger.get(10, TimeUnit.SECONDS)).hasRedirectedUrl("/login?error");
        }
        finally {
            release.countDown();
            reset(this.passwordEncoder);
        }
    }

    private MvcTestResult signIn(String username, String password, String address, Cookie... cookies) {
        var request = this.mvc.post()
            .uri("/login")
            .with(csrf())
            .with((r) -> {
                r.setRemoteAddr(address);
                return r;
            })
            .param("username", username)
            .param("password", password);
        if (cookies.length > 0) {
            request = request.cookie(cookies);
        }
        return request.exchange();
    }

    private String newEditor(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "-fix";
        this.accounts.create(username, "Editor " + username, EditorRole.EDITOR, PASSWORD);
        return username;
    }

    private static Cookie forged(Cookie device) {
        String value = device.getValue();
        char last = value.charAt(value.length() - 1);
        return new Cookie(device.getName(), value.substring(0, value.length() - 1) + ((last == 'A') ? 'B' : 'A'));
    }

}
