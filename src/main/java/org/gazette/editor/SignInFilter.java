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
import org.gazette.ClientAddresses;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before the sign-in filter: makes the {@link SignInAttempt} (the username
 * canonicalised once), then lets the password be checked only when the client has not
 * failed too often (else 429) and a password check is free within a short wait (else
 * 503). A refused attempt is answered by the sign-in page (see {@link LoginController})
 * without a password check.
 */
class SignInFilter extends OncePerRequestFilter {

    private static final Logger logger = LoggerFactory.getLogger(SignInFilter.class);

    private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults()
        .matcher(HttpMethod.POST, "/login");

    /** The sign-in attempts the authentication filter handles: those not refused here. */
    static final RequestMatcher CHECKED_SIGN_IN = new AndRequestMatcher(SIGN_IN,
            (request) -> SignInRefusal.of(request).isEmpty());

    private final SignInThrottle throttle;

    private final PasswordChecks checks;

    private final DeviceCookies devices;

    SignInFilter(SignInThrottle throttle, PasswordChecks checks, DeviceCookies devices) {
        this.throttle = throttle;
        this.checks = checks;
        this.devices = devices;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SIGN_IN.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SignInAttempt attempt = SignInAttempt.of(SignInAttempt.typedIn(request), ClientAddresses.of(request),
                this.devices, request);
        attempt.attachTo(request);
        Optional<Duration> wait = this.throttle.waitFor(attempt.username(), attempt.clientKey());
        if (wait.isPresent()) {
            logger.debug("Refused a throttled sign-in for '{}' from {}", attempt.shown(), attempt.clientAddress());
            SignInRefusal.throttled(SignInThrottle.seconds(wait.get())).attachTo(request);
            chain.doFilter(request, response);
            return;
        }
        Optional<PasswordChecks.Permit> check = this.checks.tryAcquire(attempt.knownBrowser());
        if (check.isEmpty()) {
            logger.debug("Refused a sign-in for '{}' from {}: every password check is busy", attempt.shown(),
                    attempt.clientAddress());
            // counted as a failure, so that one client cannot keep the checks busy for free
            this.throttle.failed(attempt.username(), attempt.clientKey(), false, attempt.knownBrowser());
            SignInRefusal.busy().attachTo(request);
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            check.get().release();
        }
    }

}
