package org.gazette.editor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Gazette's own sign-in page (the framework's default one breaks the CSP). Sign-ins
 * are checked by Spring Security; the only sign-in that reaches this controller is one
 * refused before its password was checked (see {@link SignInFilter}): answered 429 or
 * 503 with the page, a message and the username as typed.
 */
@Controller
class LoginController {

    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    @GetMapping("/login")
    String login(Authentication authentication) {
        return this.trust.isAuthenticated(authentication) ? "redirect:/moderation" : "editor/login";
    }

    @PostMapping("/login")
    String refused(HttpServletRequest request, HttpServletResponse response, Model model) {
        SignInRefusal refusal = SignInRefusal.of(request).orElse(null);
        if (refusal == null) {
            return "redirect:/login";
        }
        response.setStatus(refusal.status().value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()));
        model.addAttribute("refusal", refusal);
        model.addAttribute("username", SignInAttempt.of(request).shown());
        return "editor/login";
    }

}
