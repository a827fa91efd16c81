package org.gazette.editor;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

/**
 * A refused sign-in tells nothing about the account: an unknown username, a wrong
 * password and a disabled account (with the right password or not) get the same answer
 * after the same work, one password check each.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignInAnswersTests {

    private static final String PASSWORD = "a long answers password";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private EditorAccountService accounts;

    @MockitoSpyBean
    private PasswordEncoder passwordEncoder;

    @Test
    void unknownWrongAndDisabledGetTheSameAnswerAfterOnePasswordCheckEach() {
        String enabled = newEditor("enabled");
        String disabled = newEditor("disabled");
        this.accounts.disable(this.accounts.accounts()
            .stream()
            .filter((account) -> account.getUsername().equals(disabled))
            .findFirst()
            .orElseThrow()
            .getId(), "editor");
        List<String[]> attempts = List.of(new String[] { "nobody-" + UUID.randomUUID(), PASSWORD },
                new String[] { enabled, "not-the-password" }, new String[] { disabled, PASSWORD },
                new String[] { disabled, "not-the-password" });

        MvcTestResult first = null;
        int client = 10;
        for (String[] attempt : attempts) {
            clearInvocations(this.passwordEncoder);
            MvcTestResult answer = signIn(attempt[0], attempt[1], "192.0.2." + client++);
            verify(this.passwordEncoder, times(1).description(attempt[0])).matches(eq(attempt[1]), anyString());
            assertThat(answer).as(attempt[0]).hasRedirectedUrl("/login?error").matches(unauthenticated());
            if (first == null) {
                first = answer;
            }
            assertThat(answer.getResponse().getStatus()).isEqualTo(first.getResponse().getStatus());
            assertThat(answer.getResponse().getHeaderNames()).as(attempt[0])
                .isEqualTo(first.getResponse().getHeaderNames());
            assertThat(answer.getResponse().getContentAsByteArray()).isEqualTo(first.getResponse().getContentAsByteArray());
        }
        assertThat(this.mvc.get().uri("/login?error")).bodyText()
            .contains("The username or password is not right.")
            .doesNotContain("does not exist", "unknown", "disabled");
    }

    private MvcTestResult signIn(String username, String password, String address) {
        return this.mvc.post()
            .uri("/login")
            .with(csrf())
            .with((request) -> {
                request.setRemoteAddr(address);
                return request;
            })
            .param("username", username)
            .param("password", password)
            .exchange();
    }

    private String newEditor(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.accounts.create(username, "Editor " + username, EditorRole.EDITOR, PASSWORD);
        return username;
    }

}
