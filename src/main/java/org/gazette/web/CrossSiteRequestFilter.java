package org.gazette.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a cross-site post on the public side, from its headers alone, before the
 * body is read: {@code Sec-Fetch-Site: cross-site} or {@code same-site} is refused;
 * otherwise an {@code Origin} that is present must be the request's own origin or
 * the configured public one ({@code Origin: null} is refused). A client that sends
 * neither header (not a browser) is let through.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final String publicOrigin;

    private final Runnable onRefusal;

    CrossSiteRequestFilter(String publicOrigin) {
        this(publicOrigin, () -> {
        });
    }

    /** @param onRefusal told of each post refused */
    CrossSiteRequestFilter(String publicOrigin, Runnable onRefusal) {
        this.publicOrigin = originOf(publicOrigin);
        this.onRefusal = onRefusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod()) && isCrossSite(request)) {
            this.onRefusal.run();
            response.sendError(HttpStatus.FORBIDDEN.value());
            return;
        }
        chain.doFilter(request, response);
    }

    boolean isCrossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            String site = fetchSite.strip().toLowerCase(Locale.ROOT);
            if (site.equals("cross-site") || site.equals("same-site")) {
                return true;
            }
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String given = originOf(origin);
        return given == null || !(given.equals(ownOrigin(request)) || given.equals(this.publicOrigin));
    }

    private static String ownOrigin(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null) {
            return null;
        }
        return originOf(request.getScheme() + "://" + host);
    }

    /** scheme://host[:port] in lower case with default ports dropped, or null when not an origin. */
    static String originOf(String value) {
        if (value == null || value.equals("null")) {
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        }
        catch (Exception ex) {
            return null;
        }
    }

}
