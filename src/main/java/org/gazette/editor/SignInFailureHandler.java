package org.gazette.editor;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed sign-in: counted by the throttle (against the account only when it exists),
 * published for the audit log, then back to the sign-in page with one message for
 * every cause, and no session.
 */
class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    private static final Logger logger = LoggerFactory.getLogger(SignInFailureHandler.class);

    private final SignInThrottle throttle;

    private final ApplicationEventPublisher events;

    SignInFailureHandler(SignInThrottle throttle, ApplicationEventPublisher events) {
        super("/login?error");
        setAllowSessionCreation(false);
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        SignInAttempt attempt = SignInAttempt.of(request);
        boolean accountExists = !(exception instanceof UsernameNotFoundException);
        if (this.throttle.failed(attempt.username(), attempt.clientKey(), accountExists, attempt.knownBrowser())) {
            logger.warn("Sign-in for '{}' from {} throttled after repeated failures", attempt.shown(),
                    attempt.clientAddress());
        }
        this.events.publishEvent(new EditorSignInFailed(attempt.shown(), accountExists ? attempt.username() : null,
                attempt.clientAddress(), reason(exception)));
        super.onAuthenticationFailure(request, response, exception);
    }

    private static EditorSignInFailed.Reason reason(AuthenticationException exception) {
        if (exception instanceof UsernameNotFoundException) {
            return EditorSignInFailed.Reason.UNKNOWN_USERNAME;
        }
        if (exception instanceof DisabledException) {
            return EditorSignInFailed.Reason.DISABLED;
        }
        if (exception instanceof SignInHeldException) {
            return EditorSignInFailed.Reason.HELD_BACK;
        }
        return EditorSignInFailed.Reason.WRONG_PASSWORD;
    }

}
