package org.gazette.editor;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Refusals on the editors' side. A form sent after the session ended (its CSRF token
 * went with the session) leads back to the sign-in page with a note that the session
 * expired; anything else refused gets the desk's 403 page.
 */
class EditorAccessDeniedHandler implements AccessDeniedHandler {

    static final String FORBIDDEN_PAGE = "/moderation/forbidden";

    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    private final AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();

    EditorAccessDeniedHandler() {
        this.forbidden.setErrorPage(FORBIDDEN_PAGE);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException exception) throws IOException, ServletException {
        if (exception instanceof CsrfException && !signedIn()) {
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        this.forbidden.handle(request, response, exception);
    }

    private boolean signedIn() {
        return this.trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
    }

}
