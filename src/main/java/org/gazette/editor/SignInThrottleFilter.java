package org.gazette.editor;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before the sign-in filter: when the username and client address of a sign-in
 * have failed too often, the attempt is marked throttled, the password is never
 * checked, and the sign-in page answers it with 429 (see {@link LoginController}).
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    /** Request attribute: the whole seconds a throttled sign-in must wait. */
    static final String RETRY_AFTER_SECONDS = SignInThrottleFilter.class.getName() + ".retryAfterSeconds";

    private static final Logger logger = LoggerFactory.getLogger(SignInThrottleFilter.class);

    private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults()
        .matcher(HttpMethod.POST, "/login");

    /** The sign-in attempts the authentication filter handles: those not throttled. */
    static final RequestMatcher UNTHROTTLED_SIGN_IN = new AndRequestMatcher(SIGN_IN,
            (request) -> request.getAttribute(RETRY_AFTER_SECONDS) == null);

    private final SignInThrottle throttle;

    private final ClientAddress clients;

    SignInThrottleFilter(SignInThrottle throttle, ClientAddress clients) {
        this.throttle = throttle;
        this.clients = clients;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SIGN_IN.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = username(request);
        String address = this.clients.of(request);
        Optional<Duration> wait = this.throttle.waitFor(username, address);
        if (wait.isPresent()) {
            logger.info("Refused a throttled sign-in for '{}' from {}", loggable(username), address);
            request.setAttribute(RETRY_AFTER_SECONDS, SignInThrottle.seconds(wait.get()));
        }
        chain.doFilter(request, response);
    }

    static String username(HttpServletRequest request) {
        return request.getParameter(UsernamePasswordAuthenticationFilter.SPRING_SECURITY_FORM_USERNAME_KEY);
    }

    /** A username as typed, made safe for one log line. */
    static String loggable(String username) {
        if (username == null) {
            return "";
        }
        String safe = username.replaceAll("\\p{Cntrl}", "?");
        return (safe.length() > 100) ? safe.substring(0, 100) + "…" : safe;
    }

}
