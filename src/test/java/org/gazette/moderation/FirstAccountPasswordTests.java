package org.gazette.moderation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.editor.EditorSecurityConfiguration.SESSION_COOKIE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

/**
 * Started without {@code GAZETTE_EDITOR_PASSWORD}, Gazette prints a generated password
 * for the first account once; whoever signs in with it must choose their own first.
 */
@SpringBootTest(properties = "gazette.editor.password=")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class FirstAccountPasswordTests {

    private static final Pattern GENERATED = Pattern.compile("with generated password: (\\S+)");

    @Autowired
    private MockMvcTester mvc;

    @Test
    void theGeneratedFirstPasswordMustBeChangedAtTheFirstSignIn(CapturedOutput output) {
        Matcher printed = GENERATED.matcher(output.getAll());
        assertThat(printed.find()).as("the generated password in the log").isTrue();
        String generated = printed.group(1);

        MvcTestResult signedIn = this.mvc.post()
            .uri("/login")
            .with(csrf())
            .param("username", "editor")
            .param("password", generated)
            .exchange();

        assertThat(signedIn).matches(authenticated().withUsername("editor")).hasRedirectedUrl("/moderation/password");
        Cookie session = signedIn.getResponse().getCookie(SESSION_COOKIE);
        assertThat(this.mvc.get().uri("/moderation").cookie(session)).hasRedirectedUrl("/moderation/password");
    }

}
