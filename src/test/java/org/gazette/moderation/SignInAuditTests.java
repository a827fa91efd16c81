package org.gazette.moderation;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.gazette.editor.EditorAccountService;
import org.gazette.editor.EditorRole;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.editor.EditorSecurityConfiguration.SESSION_COOKIE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Sign-ins, failed sign-ins (with the username as typed when it names an account), sign-outs
 * and password changes go into the audit log with the client's address, and the log
 * page shows them and filters by them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignInAuditTests {

    private static final String PASSWORD = "a long audited password";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private EditorAccountService accounts;

    @Test
    void signInsFailuresAndSignOutsAreLoggedWithTheClientsAddress() {
        String username = newEditor("audited");
        MvcTestResult signedIn = signIn(username, PASSWORD, "198.51.100.201");
        Cookie session = signedIn.getResponse().getCookie(SESSION_COOKIE);
        assertThat(this.mvc.post().uri("/logout").cookie(session).with(csrf()).with(from("198.51.100.202")))
            .hasRedirectedUrl("/login?logout");
        signIn(username, "not-the-password", "198.51.100.203");

        List<Element> rows = rows(page("/moderation/log?editor=" + username));

        assertThat(rows).extracting(SignInAuditTests::who)
            .containsExactly(username + " 198.51.100.203", username + " 198.51.100.202",
                    username + " 198.51.100.201");
        assertThat(rows).extracting(SignInAuditTests::what)
            .containsExactly("Failed sign-in", "Signed out", "Signed in");
        assertThat(detail(rows.get(0))).contains(username, "wrong password");
    }

    @Test
    void aFailedSignInUnderANameThatIsNoAccountsDoesNotKeepTheName() {
        String typed = "\u0007intruder\u202E" + "x".repeat(300);
        signIn(typed, "guess", "198.51.100.211");

        Document log = page("/moderation/log?action=SIGN_IN_FAILED");

        Element row = rows(log).stream()
            .filter((candidate) -> who(candidate).endsWith("198.51.100.211"))
            .findFirst()
            .orElseThrow();
        assertThat(detail(row)).contains("a name that is no account", "no such account").doesNotContain("intruder");
        assertThat(log.select("#action option[selected]").text()).isEqualTo("Failed sign-in");
        assertThat(log.select("#editor option").eachText()).doesNotContain("", typed);
        assertThat(rows(log)).extracting(SignInAuditTests::what).containsOnly("Failed sign-in");
    }

    @Test
    void aPasswordChangeIsLogged() {
        String username = newEditor("changing");
        Cookie session = signIn(username, PASSWORD, "198.51.100.221").getResponse().getCookie(SESSION_COOKIE);
        this.mvc.post()
            .uri("/moderation/password")
            .cookie(session)
            .with(csrf())
            .with(from("198.51.100.222"))
            .param("currentPassword", PASSWORD)
            .param("newPassword", PASSWORD + " changed")
            .param("repeatPassword", PASSWORD + " changed")
            .exchange();

        List<Element> rows = rows(page("/moderation/log?editor=" + username + "&action=PASSWORD_CHANGE"));

        assertThat(rows).singleElement().satisfies((row) -> {
            assertThat(what(row)).isEqualTo("Changed their password");
            assertThat(who(row)).isEqualTo(username + " 198.51.100.222");
        });
    }

    private MvcTestResult signIn(String username, String password, String address) {
        return this.mvc.post()
            .uri("/login")
            .with(csrf())
            .with(from(address))
            .param("username", username)
            .param("password", password)
            .exchange();
    }

    private Document page(String url) {
        MvcTestResult result = this.mvc.get().uri(url).with(user("chief").roles("EDITOR", "ADMIN")).exchange();
        assertThat(result).hasStatusOk();
        return Jsoup.parse(DeskFixtures.body(result));
    }

    private static List<Element> rows(Document page) {
        return page.select(".log-table tbody tr");
    }

    private static String who(Element row) {
        return row.select("td").get(1).text();
    }

    private static String what(Element row) {
        return row.select("td").get(2).text();
    }

    private static String detail(Element row) {
        return row.select("td").get(5).text();
    }

    private static RequestPostProcessor from(String address) {
        return (request) -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private String newEditor(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.accounts.create(username, "Editor " + username, EditorRole.EDITOR, PASSWORD);
        return username;
    }

}
