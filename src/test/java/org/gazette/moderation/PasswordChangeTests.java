package org.gazette.moderation;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.gazette.editor.AccountChange;
import org.gazette.editor.EditorAccountRepository;
import org.gazette.editor.EditorAccountService;
import org.gazette.editor.EditorRole;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.editor.EditorSecurityConfiguration.SESSION_COOKIE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

/**
 * Every editor changes their own password at {@code /moderation/password}: with the
 * current one, a new one that meets the rules, typed twice; their other sessions end.
 * A password someone else generated (an admin's reset) must be changed before anything
 * else on the desk.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PasswordChangeTests {

    private static final String PASSWORD = "a long current password";

    private static final String NEW_PASSWORD = "a new and longer password";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private EditorAccountService accounts;

    @Autowired
    private EditorAccountRepository accountRepository;

    @Autowired
    private PasswordEncoder passwordEncoder;

    @Autowired
    private AuditLog audit;

    @Test
    void theDeskLinksToThePasswordPage() {
        Cookie session = signedIn(newEditor("linked"), PASSWORD);

        assertThat(this.mvc.get().uri("/moderation/settings").cookie(session)).hasStatusOk()
            .bodyText()
            .contains("href=\"/moderation/password\"");
        assertThat(this.mvc.get().uri("/moderation/password").cookie(session)).hasStatusOk()
            .bodyText()
            .contains("Change your password", "Current password", "New password", "New password again",
                    "name=\"_csrf\"");
    }

    @Test
    void anEditorChangesTheirPasswordAndTheirOtherSessionsEnd() {
        String username = newEditor("changer");
        Cookie here = signedIn(username, PASSWORD);
        Cookie elsewhere = signedIn(username, PASSWORD);

        MvcTestResult changed = change(here, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(changed).hasStatus(HttpStatus.SEE_OTHER).hasRedirectedUrl("/moderation/password");
        assertThat(changed).flash().containsEntry("notice", "Your password is changed. Your other sessions have ended.");
        assertThat(this.mvc.get().uri("/moderation/settings").cookie(here)).hasStatusOk();
        assertThat(this.mvc.get().uri("/moderation/settings").cookie(elsewhere)).hasRedirectedUrl("/login?expired");
        assertThat(signIn(username, PASSWORD)).matches(unauthenticated());
        assertThat(signIn(username, NEW_PASSWORD)).matches(authenticated().withUsername(username));
    }

    @Test
    void refusesAWrongCurrentPasswordAShortOneAndAMismatchBesideTheirFields() {
        String username = newEditor("refused");
        Cookie session = signedIn(username, PASSWORD);

        assertThat(change(session, "not-the-password", NEW_PASSWORD, NEW_PASSWORD))
            .hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
            .bodyText()
            .contains("There is a problem", "The current password is not right.");
        assertThat(change(session, PASSWORD, "too-short", "too-short")).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
            .bodyText()
            .contains("The password must be at least 12 characters.")
            .doesNotContain("too-short");
        assertThat(change(session, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!"))
            .hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
            .bodyText()
            .contains("The two new passwords are not the same.");
        assertThat(change(session, PASSWORD, PASSWORD, PASSWORD)).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
            .bodyText()
            .contains("Choose a password different from the current one.");
        assertThat(change(session, "", "", "")).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
            .bodyText()
            .contains("Enter your current password.", "Enter a new password of at least 12 characters.");
        assertThat(signIn(username, PASSWORD)).matches(authenticated());
    }

    @Test
    void wrongCurrentPasswordsAreThrottledLikeFailedSignIns() {
        String username = newEditor("guessed");
        Cookie session = signedIn(username, PASSWORD);
        for (int guess = 0; guess < 5; guess++) {
            assertThat(change(session, "guess " + guess, NEW_PASSWORD, NEW_PASSWORD))
                .hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        }

        assertThat(change(session, PASSWORD, NEW_PASSWORD, NEW_PASSWORD)).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
            .bodyText()
            .contains("Too many wrong current passwords from here.");
        String hash = this.accountRepository.findByUsername(username).orElseThrow().getPasswordHash();
        assertThat(this.passwordEncoder.matches(PASSWORD, hash)).isTrue();
        assertThat(this.audit.search(username, AuditAction.PASSWORD_CHANGE_REFUSED, Pageable.unpaged()))
            .hasSize(6)
            .allMatch((line) -> line.getClientAddress() != null);
    }

    @Test
    void aResetPasswordMustBeChangedBeforeAnythingElse() {
        String username = newEditor("reset");
        AccountChange reset = this.accounts.resetPassword(id(username));
        String generated = reset.generatedPassword();

        MvcTestResult signedIn = signIn(username, generated);
        assertThat(signedIn).matches(authenticated().withUsername(username)).hasRedirectedUrl("/moderation/password");
        Cookie session = signedIn.getResponse().getCookie(SESSION_COOKIE);
        for (String page : new String[] { "/moderation", "/moderation/log", "/moderation/settings" }) {
            assertThat(this.mvc.get().uri(page).cookie(session)).as(page).hasRedirectedUrl("/moderation/password");
        }
        assertThat(this.mvc.post().uri("/moderation/settings").cookie(session).with(csrf()).param("mode", "ALL"))
            .hasRedirectedUrl("/moderation/password");
        assertThat(this.mvc.get().uri("/moderation/password").cookie(session)).hasStatusOk()
            .bodyText()
            .contains("Choose a new password before you continue");

        assertThat(change(session, generated, NEW_PASSWORD, NEW_PASSWORD)).hasStatus(HttpStatus.SEE_OTHER);

        assertThat(this.mvc.get().uri("/moderation").cookie(session)).hasStatusOk();
        assertThat(signIn(username, NEW_PASSWORD)).hasRedirectedUrl("/moderation");
    }

    @Test
    void anEditorWhoMustChangeTheirPasswordCanStillSignOut() {
        String username = newEditor("leaving");
        String generated = this.accounts.resetPassword(id(username)).generatedPassword();
        Cookie session = signIn(username, generated).getResponse().getCookie(SESSION_COOKIE);

        assertThat(this.mvc.post().uri("/logout").cookie(session).with(csrf())).hasRedirectedUrl("/login?logout");
    }

    private MvcTestResult change(Cookie session, String current, String password, String repeat) {
        return this.mvc.post()
            .uri("/moderation/password")
            .cookie(session)
            .with(csrf())
            .param("currentPassword", current)
            .param("newPassword", password)
            .param("repeatPassword", repeat)
            .exchange();
    }

    private Cookie signedIn(String username, String password) {
        MvcTestResult result = signIn(username, password);
        assertThat(result).matches(authenticated());
        return result.getResponse().getCookie(SESSION_COOKIE);
    }

    private MvcTestResult signIn(String username, String password) {
        return this.mvc.post()
            .uri("/login")
            .with(csrf())
            .param("username", username)
            .param("password", password)
            .exchange();
    }

    private long id(String username) {
        return this.accounts.accounts()
            .stream()
            .filter((account) -> account.getUsername().equals(username))
            .findFirst()
            .orElseThrow()
            .getId();
    }

    private String newEditor(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.accounts.create(username, "Editor " + username, EditorRole.EDITOR, PASSWORD);
        return username;
    }

}
