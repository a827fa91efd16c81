package org.gazette.editor;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * A successful sign-in clears the failures of that username and client address, then
 * goes back to the page the editor first asked for (or the queue).
 */
class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final SignInThrottle throttle;

    private final ClientAddress clients;

    SignInSuccessHandler(SignInThrottle throttle, ClientAddress clients, RequestCache requestCache) {
        this.throttle = throttle;
        this.clients = clients;
        setDefaultTargetUrl("/moderation");
        setRequestCache(requestCache);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        this.throttle.succeeded(SignInThrottleFilter.username(request), this.clients.of(request));
        super.onAuthenticationSuccess(request, response, authentication);
    }

}
