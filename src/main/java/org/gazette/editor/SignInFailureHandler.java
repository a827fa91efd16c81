package org.gazette.editor;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed sign-in: counted against the username and client address, then back to the
 * sign-in page with one message for every cause (unknown username, wrong password,
 * disabled account), so the page never tells whether a username exists.
 */
class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    private static final Logger logger = LoggerFactory.getLogger(SignInFailureHandler.class);

    private final SignInThrottle throttle;

    private final ClientAddress clients;

    SignInFailureHandler(SignInThrottle throttle, ClientAddress clients) {
        super("/login?error");
        this.throttle = throttle;
        this.clients = clients;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        String username = SignInThrottleFilter.username(request);
        String address = this.clients.of(request);
        if (this.throttle.failed(username, address)) {
            logger.warn("Sign-in for '{}' from {} throttled after repeated failures",
                    SignInThrottleFilter.loggable(username), address);
        }
        super.onAuthenticationFailure(request, response, exception);
    }

}
