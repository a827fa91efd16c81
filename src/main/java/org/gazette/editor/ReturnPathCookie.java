package org.gazette.editor;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Where to go after signing in, kept without a session: the desk page an anonymous
 * editor navigated to is remembered in a short-lived cookie that only the sign-in form
 * receives. Only a path on the desk is kept and followed, never another site, and a
 * cookie that is not one is ignored.
 */
class ReturnPathCookie implements RequestCache {

    static final String NAME = "GAZETTE_RETURN_TO";

    private static final int MAX_PATH = 1000;

    private static final Pattern DESK_PATH = Pattern.compile("/moderation(?:[/?][\\x21-\\x7E]*)?");

    private final RequestMatcher worthReturningTo;

    ReturnPathCookie(RequestMatcher worthReturningTo) {
        this.worthReturningTo = worthReturningTo;
    }

    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            path = path + "?" + request.getQueryString();
        }
        if (!this.worthReturningTo.matches(request) || !isDeskPath(path)) {
            return;
        }
        write(request, response, Base64.getUrlEncoder().withoutPadding().encodeToString(
                path.getBytes(StandardCharsets.US_ASCII)), -1);
    }

    /** The desk path kept for this browser, if any; the cookie is cleared. */
    Optional<String> take(HttpServletRequest request, HttpServletResponse response) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                write(request, response, "", 0);
                return decode(cookie.getValue()).filter(ReturnPathCookie::isDeskPath);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> decode(String value) {
        if (value == null || value.length() > 2 * MAX_PATH) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII));
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    private static boolean isDeskPath(String path) {
        return path.length() <= MAX_PATH && DESK_PATH.matcher(path).matches() && !path.contains("\\")
                && !path.startsWith("/moderation//");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String value, long maxAge) {
        ResponseCookie cookie = ResponseCookie.from(NAME, value)
            .path(request.getContextPath() + "/login")
            .maxAge(maxAge)
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Lax")
            .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    @Override
    public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        return null;
    }

    @Override
    public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        return null;
    }

    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
    }

}
