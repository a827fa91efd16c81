package org.gazette.editor;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An editor signed in with a password someone else chose (generated for the first
 * account, or by an admin's reset) is sent to the password page from every desk page
 * until they have chosen their own; signing out still works. Once the account no
 * longer requires it, the session forgets the requirement.
 */
class PasswordChangeFilter extends OncePerRequestFilter {

    /** The page where editors change their own password. */
    static final String PASSWORD_PAGE = "/moderation/password";

    private static final PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();

    private static final RequestMatcher ALLOWED = new OrRequestMatcher(paths.matcher(PASSWORD_PAGE),
            paths.matcher("/logout"), paths.matcher("/login"), paths.matcher(EditorAccessDeniedHandler.FORBIDDEN_PAGE));

    private final EditorAccountRepository accounts;

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    PasswordChangeFilter(EditorAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** Whether the signed-in editor must change their password first. */
    static boolean mustChange(Authentication authentication) {
        return authentication != null && authentication.getAuthorities()
            .stream()
            .anyMatch((authority) -> EditorAuthenticationProvider.PASSWORD_CHANGE_REQUIRED
                .equals(authority.getAuthority()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (mustChange(authentication) && !stillRequired(authentication)) {
            forget(authentication, request, response);
        }
        else if (mustChange(authentication) && !ALLOWED.matches(request)) {
            boolean safe = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
            response.setStatus((safe ? HttpStatus.FOUND : HttpStatus.SEE_OTHER).value());
            response.setHeader("Location", request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean stillRequired(Authentication authentication) {
        return this.accounts.findByUsername(authentication.getName())
            .map(EditorAccount::isPasswordChangeRequired)
            .orElse(true);
    }

    /** Keeps the session signed in, without the requirement. */
    private void forget(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        List<GrantedAuthority> kept = authentication.getAuthorities()
            .stream()
            .filter((authority) -> !EditorAuthenticationProvider.PASSWORD_CHANGE_REQUIRED
                .equals(authority.getAuthority()))
            .map(GrantedAuthority.class::cast)
            .toList();
        UsernamePasswordAuthenticationToken changed = UsernamePasswordAuthenticationToken
            .authenticated(authentication.getPrincipal(), null, kept);
        changed.setDetails(authentication.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(changed);
        SecurityContextHolder.setContext(context);
        this.contexts.saveContext(context, request, response);
    }

}
