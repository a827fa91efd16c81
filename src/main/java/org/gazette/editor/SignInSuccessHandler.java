package org.gazette.editor;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * A successful sign-in clears the failures of that username and client, marks the
 * browser with the account's device cookie, and goes to the page the editor first
 * asked for (or the queue); an editor who must change their password goes to the
 * password page first.
 */
class SignInSuccessHandler implements AuthenticationSuccessHandler {

    private final SignInThrottle throttle;

    private final DeviceCookies devices;

    private final ReturnPathCookie returnPath;

    private final ApplicationEventPublisher events;

    SignInSuccessHandler(SignInThrottle throttle, DeviceCookies devices, ReturnPathCookie returnPath,
            ApplicationEventPublisher events) {
        this.throttle = throttle;
        this.devices = devices;
        this.returnPath = returnPath;
        this.events = events;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        SignInAttempt attempt = SignInAttempt.of(request);
        String username = authentication.getName();
        this.throttle.succeeded(username, attempt.clientKey());
        this.devices.issue(request, response, username);
        this.events.publishEvent(new EditorSignedIn(username, attempt.clientAddress()));
        String target = this.returnPath.take(request, response).orElse("/moderation");
        if (PasswordChangeFilter.mustChange(authentication)) {
            target = PasswordChangeFilter.PASSWORD_PAGE;
        }
        response.sendRedirect(request.getContextPath() + target);
    }

}
