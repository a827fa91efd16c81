package org.gazette.moderation;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.gazette.editor.EditorAccount;
import org.gazette.editor.EditorAccountRepository;
import org.gazette.editor.EditorAccountService;
import org.gazette.editor.EditorRole;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.editor.EditorSecurityConfiguration.SESSION_COOKIE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

/**
 * The accounts page end to end: an admin adds, disables, enables and resets accounts;
 * each change is a 303 with a notice, lands in the audit log without any password,
 * and changes who can sign in.
 */
@SpringBootTest(properties = "gazette.moderation.mode=first-time")
@AutoConfigureMockMvc
class AccountAdministrationTests {

    private static final String ADMIN = "chief";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private EditorAccountRepository repository;

    @Autowired
    private EditorAccountService accounts;

    @Autowired
    private AuditLog audit;

    @Autowired
    private EditorStaffDirectory staff;

    @Test
    void theDisplayNameOfAnAccountJustAddedIsAStaffNameAtOnceButNotItsUsername() {
        assertThat(this.staff.isStaffName("Night Desk")).isFalse();

        this.accounts.create("nightdesk", "Night Desk", EditorRole.EDITOR, "a long night-desk password");

        assertThat(this.staff.isStaffName("  night desk ")).isTrue();
        assertThat(this.staff.isStaffName("NIGHTDESK")).isFalse();
        assertThat(this.staff.isStaffName("Night")).isFalse();
    }

    @Test
    void listsEveryAccountWithItsRoleStatusAndDate() {
        assertThat(this.mvc.get().uri("/moderation/accounts").with(admin())).hasStatusOk()
            .bodyText()
            .contains("Editor accounts", "<span>editor</span>", "Administrator", "Enabled", "Add an account",
                    "name=\"_csrf\"");
    }

    @Test
    void addsAnAccountWithAGeneratedPasswordShownOnlyOnce() throws Exception {
        String username = unique("reporter");
        MvcTestResult added = this.mvc.post()
            .uri("/moderation/accounts")
            .with(admin())
            .with(csrf())
            .param("username", username)
            .param("displayName", "Rita Reporter")
            .param("role", "EDITOR")
            .param("generate", "true")
            .exchange();
        assertThat(added).hasStatus(HttpStatus.SEE_OTHER).hasRedirectedUrl("/moderation/accounts");
        String password = (String) added.getMvcResult().getFlashMap().get("password");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);

        assertThat(this.mvc.get().uri("/moderation/accounts").with(admin()).cookie(sessionOf(added)))
            .bodyText()
            .contains("Account " + username + " added.", "The password for " + username + " is:", password,
                    "shown only this once");
        assertThat(this.mvc.get().uri("/moderation/accounts").with(admin())).bodyText().doesNotContain(password);

        EditorAccount account = this.repository.findByUsername(username).orElseThrow();
        assertThat(account.getRole()).isEqualTo(EditorRole.EDITOR);
        assertThat(account.getDisplayName()).isEqualTo("Rita Reporter");
        assertThat(account.getPasswordHash()).doesNotContain(password);
        assertThat(signIn(username, password)).matches(authenticated().withRoles("EDITOR"));

        List<ModerationEvent> lines = lines(AuditAction.ACCOUNT_CREATE);
        assertThat(lines).anySatisfy((line) -> assertThat(line.getDetail())
            .isEqualTo(username + " (Rita Reporter, Editor)"));
        assertThat(lines).allSatisfy((line) -> assertThat(line.getDetail()).doesNotContain(password));
    }

    @Test
    void addsAnAdministratorWithAChosenPassword() {
        String username = unique("deputy");
        assertThat(create(username, "Dee Deputy", "ADMIN", "a long chosen password")).hasStatus(HttpStatus.SEE_OTHER)
            .flash()
            .doesNotContainKey("password");
        assertThat(signIn(username, "a long chosen password")).matches(authenticated().withRoles("EDITOR", "ADMIN"));
        assertThat(lines(AuditAction.ACCOUNT_CREATE)).anySatisfy((line) -> {
            assertThat(line.getEditor()).isEqualTo(ADMIN);
            assertThat(line.getDetail()).isEqualTo(username + " (Dee Deputy, Administrator)")
                .doesNotContain("a long chosen password");
        });
    }

    @Test
    void refusesAShortPasswordBesideTheFieldAndKeepsWhatWasTyped() {
        String username = unique("short");
        MvcTestResult refused = create(username, "Sam Short", "EDITOR", "too-short");
        assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
            .bodyText()
            .contains("There is a problem", "The password must be at least 12 characters.", "value=\"" + username + "\"",
                    "value=\"Sam Short\"")
            .doesNotContain("too-short");
        assertThat(this.repository.findByUsername(username)).isEmpty();
    }

    @Test
    void refusesMissingFieldsAndABadUsername() {
        assertThat(create("", "", "EDITOR", "")).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
            .bodyText()
            .contains("Enter a username.", "Enter a display name.", "Enter a password of at least 12 characters");
        assertThat(create("has space", "Name", "EDITOR", "a long chosen password"))
            .hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
            .bodyText()
            .contains("Use only letters, digits and . _ @ - in the username.");
        assertThat(this.mvc.post()
            .uri("/moderation/accounts")
            .with(admin())
            .with(csrf())
            .param("username", unique("both"))
            .param("displayName", "Both")
            .param("role", "EDITOR")
            .param("password", "a long chosen password")
            .param("generate", "true")).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
            .bodyText()
            .contains("Leave the password empty when Gazette generates one");
        assertThat(create(unique("role"), "Role", "OWNER", "a long chosen password"))
            .hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
            .bodyText()
            .contains("Choose a role.");
    }

    @Test
    void refusesAUsernameTakenInAnyCase() {
        assertThat(create("EDITOR", "Another Editor", "EDITOR", "a long chosen password"))
            .hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
            .bodyText()
            .contains("That username is taken. Choose another.");
        assertThat(this.repository.findAll()).filteredOn((a) -> a.getUsername().equalsIgnoreCase("editor")).hasSize(1);
    }

    @Test
    void keepsTheUsernameInLowerCaseWithoutSurroundingSpaces() {
        String typed = " Night.Desk-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + " ";
        String username = typed.strip().toLowerCase(java.util.Locale.ROOT);

        assertThat(create(typed, "Night Desk", "EDITOR", "a long chosen password")).hasStatus(HttpStatus.SEE_OTHER)
            .flash()
            .containsEntry("notice", "Account " + username + " added.");
        assertThat(this.repository.findByUsername(username)).isPresent();
        assertThat(signIn(typed.toUpperCase(java.util.Locale.ROOT), "a long chosen password"))
            .matches(authenticated().withUsername(username));
    }

    @Test
    void refusesAUsernameWithWhatAUsernameMayNotContain() {
        for (String typed : List.of("\u0007bell", "tab\tbed", "dotless-\u0131", "zero\u200Bwidth", "x".repeat(101))) {
            assertThat(create(typed, "Someone", "EDITOR", "a long chosen password")).as(typed)
                .hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
                .bodyText()
                .containsAnyOf("Use only letters, digits and . _ @ - in the username.",
                        "The username must be 100 characters or fewer.");
        }
        assertThat(this.repository.findAll()).noneMatch((account) -> account.getUsername().contains("bell"));
    }

    @Test
    void disablesAndEnablesAnAccount() {
        String username = unique("freelance");
        long id = newAccount(username, EditorRole.EDITOR);

        MvcTestResult disabled = this.mvc.post().uri("/moderation/accounts/{id}/disable", id).with(admin()).with(csrf())
            .exchange();
        assertThat(disabled).hasStatus(HttpStatus.SEE_OTHER).hasRedirectedUrl("/moderation/accounts");
        assertThat(disabled).flash().containsEntry("notice", "Account " + username + " disabled. It can no longer sign in.");
        assertThat(this.repository.findById(id).orElseThrow().isEnabled()).isFalse();
        assertThat(signIn(username, "a long chosen password")).matches(unauthenticated());
        assertThat(this.mvc.get().uri("/moderation/accounts").with(admin())).bodyText()
            .contains("Disabled", "/moderation/accounts/" + id + "/enable");

        assertThat(this.mvc.post().uri("/moderation/accounts/{id}/enable", id).with(admin()).with(csrf()))
            .hasStatus(HttpStatus.SEE_OTHER);
        assertThat(this.repository.findById(id).orElseThrow().isEnabled()).isTrue();
        assertThat(signIn(username, "a long chosen password")).matches(authenticated());

        assertThat(lines(AuditAction.ACCOUNT_DISABLE)).anySatisfy((line) -> {
            assertThat(line.getDetail()).startsWith(username + " (");
            assertThat(line.getFromStatus()).isEqualTo("enabled");
            assertThat(line.getToStatus()).isEqualTo("disabled");
        });
        assertThat(lines(AuditAction.ACCOUNT_ENABLE)).anySatisfy((line) -> {
            assertThat(line.getDetail()).startsWith(username + " (");
            assertThat(line.getToStatus()).isEqualTo("enabled");
        });
    }

    @Test
    void disablingTwiceChangesAndLogsNothingMore() {
        long id = newAccount(unique("twice"), EditorRole.EDITOR);
        this.mvc.post().uri("/moderation/accounts/{id}/disable", id).with(admin()).with(csrf()).exchange();
        long logged = lines(AuditAction.ACCOUNT_DISABLE).size();
        assertThat(this.mvc.post().uri("/moderation/accounts/{id}/disable", id).with(admin()).with(csrf()))
            .flash()
            .hasEntrySatisfying("notice", (notice) -> assertThat((String) notice).contains("was already disabled"));
        assertThat(lines(AuditAction.ACCOUNT_DISABLE)).hasSize((int) logged);
    }

    @Test
    void anAdminCannotDisableTheirOwnAccount() {
        String username = unique("self");
        long id = newAccount(username, EditorRole.ADMIN);
        MvcTestResult refused = this.mvc.post()
            .uri("/moderation/accounts/{id}/disable", id)
            .with(user(username.toUpperCase()).roles("EDITOR", "ADMIN"))
            .with(csrf())
            .exchange();
        assertThat(refused).hasStatus(HttpStatus.SEE_OTHER)
            .flash()
            .containsEntry("refusal", "You cannot disable your own account.");
        assertThat(this.repository.findById(id).orElseThrow().isEnabled()).isTrue();
        assertThat(this.mvc.get().uri("/moderation/accounts").with(user(username).roles("EDITOR", "ADMIN")))
            .bodyText()
            .doesNotContain("/moderation/accounts/" + id + "/disable");
    }

    @Test
    void theLastEnabledAdministratorStaysEnabled() {
        List<EditorAccount> admins = this.repository.findAll()
            .stream()
            .filter((a) -> a.isAdmin() && a.isEnabled())
            .toList();
        List<EditorAccount> others = admins.subList(0, admins.size() - 1);
        EditorAccount last = admins.get(admins.size() - 1);
        try {
            others.forEach((other) -> this.accounts.disable(other.getId(), ADMIN));
            assertThat(this.mvc.post().uri("/moderation/accounts/{id}/disable", last.getId()).with(admin()).with(csrf()))
                .flash()
                .containsEntry("refusal",
                        "That is the last enabled administrator: enable or add another administrator first.");
            assertThat(this.repository.findById(last.getId()).orElseThrow().isEnabled()).isTrue();
        }
        finally {
            others.forEach((other) -> this.accounts.enable(other.getId()));
        }
    }

    @Test
    void resettingAPasswordShowsTheNewOneOnceAndRetiresTheOld() {
        String username = unique("reset");
        long id = newAccount(username, EditorRole.EDITOR);
        MvcTestResult reset = this.mvc.post().uri("/moderation/accounts/{id}/reset-password", id).with(admin())
            .with(csrf())
            .exchange();
        assertThat(reset).hasStatus(HttpStatus.SEE_OTHER).hasRedirectedUrl("/moderation/accounts");
        String password = (String) reset.getMvcResult().getFlashMap().get("password");
        assertThat(password).isNotBlank();
        assertThat(this.mvc.get().uri("/moderation/accounts").with(admin()).cookie(sessionOf(reset)))
            .bodyText()
            .contains("The password of " + username + " was reset.", password);
        assertThat(signIn(username, "a long chosen password")).matches(unauthenticated());
        assertThat(signIn(username, password)).matches(authenticated());
        assertThat(lines(AuditAction.ACCOUNT_RESET)).anySatisfy((line) -> {
            assertThat(line.getDetail()).startsWith(username + " (").doesNotContain(password);
            assertThat(line.getEditor()).isEqualTo(ADMIN);
        });
    }

    @Test
    void resettingYourOwnPasswordKeepsThisSessionAndEndsYourOthers() {
        String username = unique("own-reset");
        long id = newAccount(username, EditorRole.ADMIN);
        Cookie here = signedInSession(username);
        Cookie elsewhere = signedInSession(username);

        MvcTestResult reset = this.mvc.post()
            .uri("/moderation/accounts/{id}/reset-password", id)
            .cookie(here)
            .with(csrf())
            .exchange();
        assertThat(reset).hasStatus(HttpStatus.SEE_OTHER);
        String password = (String) reset.getMvcResult().getFlashMap().get("password");
        assertThat(this.mvc.get()
            .uri("/moderation/accounts")
            .cookie(here)).hasStatusOk().bodyText().contains(password);
        assertThat(this.mvc.get().uri("/moderation/accounts").cookie(elsewhere)).hasRedirectedUrl("/login?expired");
    }

    @Test
    void anUnknownAccountAnswers404() {
        assertThat(this.mvc.post().uri("/moderation/accounts/{id}/disable", 987654).with(admin()).with(csrf()))
            .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(this.mvc.post().uri("/moderation/accounts/{id}/reset-password", 987654).with(admin()).with(csrf()))
            .hasStatus(HttpStatus.NOT_FOUND);
    }

    private MvcTestResult create(String username, String displayName, String role, String password) {
        return this.mvc.post()
            .uri("/moderation/accounts")
            .with(admin())
            .with(csrf())
            .param("username", username)
            .param("displayName", displayName)
            .param("role", role)
            .param("password", password)
            .exchange();
    }

    private Cookie signedInSession(String username) {
        MvcTestResult signedIn = this.mvc.post()
            .uri("/login")
            .with(csrf())
            .param("username", username)
            .param("password", "a long chosen password")
            .exchange();
        assertThat(signedIn).matches(authenticated());
        return signedIn.getResponse().getCookie(SESSION_COOKIE);
    }

    /** The session an answer started, which holds what the next page shows once (the flash attributes). */
    private static Cookie sessionOf(MvcTestResult answer) {
        Cookie session = answer.getResponse().getCookie(SESSION_COOKIE);
        assertThat(session).as("the session holding the flash attributes").isNotNull();
        return session;
    }

    private long newAccount(String username, EditorRole role) {
        return this.accounts.create(username, "Name of " + username, role, "a long chosen password").account().getId();
    }

    private MvcTestResult signIn(String username, String password) {
        return this.mvc.perform(formLogin().user(username).password(password));
    }

    private List<ModerationEvent> lines(AuditAction action) {
        return this.audit.search(null, action, PageRequest.of(0, 500)).getContent();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestPostProcessor admin() {
        return user(ADMIN).roles("EDITOR", "ADMIN");
    }

}
