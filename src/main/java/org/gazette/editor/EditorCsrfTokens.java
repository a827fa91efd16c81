package org.gazette.editor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.util.WebUtils;

/**
 * Where the editors' CSRF tokens live: in the session of a signed-in editor, and for
 * anyone without a session (the sign-in form) in an HttpOnly cookie, so that opening
 * the sign-in page creates nothing on the server. The form carries the token itself, so
 * no script needs to read the cookie.
 */
class EditorCsrfTokens implements CsrfTokenRepository {

    static final String COOKIE_NAME = "GAZETTE_SIGN_IN_CSRF";

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

    private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

    EditorCsrfTokens() {
        this.cookies.setCookieName(COOKIE_NAME);
        this.cookies.setCookieCustomizer((cookie) -> cookie.httpOnly(true).sameSite("Lax"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return this.sessions.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            this.sessions.saveToken(token, request, response);
            if (token == null && WebUtils.getCookie(request, COOKIE_NAME) != null) {
                this.cookies.saveToken(null, request, response);
            }
        }
        else {
            this.cookies.saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return (request.getSession(false) != null) ? this.sessions.loadToken(request)
                : this.cookies.loadToken(request);
    }

}
