package org.gazette.editor;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;

/**
 * A sign-in refused before its password was checked, and how the sign-in page answers
 * it: 429 when the client failed too often, 503 when every password check is busy.
 *
 * @param status the answer's status
 * @param retryAfterSeconds the answer's {@code Retry-After}
 * @param messageCode the message the sign-in page shows
 */
record SignInRefusal(HttpStatus status, long retryAfterSeconds, String messageCode) {

    private static final String ATTRIBUTE = SignInRefusal.class.getName();

    /** What a client is told to wait when every check is busy. */
    private static final long BUSY_RETRY_SECONDS = 2;

    static SignInRefusal throttled(long seconds) {
        return new SignInRefusal(HttpStatus.TOO_MANY_REQUESTS, seconds, "login.throttled");
    }

    static SignInRefusal busy() {
        return new SignInRefusal(HttpStatus.SERVICE_UNAVAILABLE, BUSY_RETRY_SECONDS, "login.busy");
    }

    static Optional<SignInRefusal> of(HttpServletRequest request) {
        return (request.getAttribute(ATTRIBUTE) instanceof SignInRefusal refusal) ? Optional.of(refusal)
                : Optional.empty();
    }

    void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

}
