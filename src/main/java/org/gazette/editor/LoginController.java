package org.gazette.editor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Gazette's own sign-in page (the framework's default one breaks the CSP). Sign-ins
 * are checked by Spring Security; the only sign-in that reaches this controller is one
 * the throttle refused, answered with 429 without looking at the password.
 */
@Controller
class LoginController {

    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    @GetMapping("/login")
    String login(Authentication authentication) {
        return this.trust.isAuthenticated(authentication) ? "redirect:/moderation" : "editor/login";
    }

    @PostMapping("/login")
    String throttled(@RequestParam(name = "username", required = false) String username,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Object seconds = request.getAttribute(SignInThrottleFilter.RETRY_AFTER_SECONDS);
        if (seconds == null) {
            return "redirect:/login";
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, seconds.toString());
        model.addAttribute("throttledSeconds", seconds);
        model.addAttribute("username", username);
        return "editor/login";
    }

}
