package org.gazette.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gazette.ClientAddresses;
import org.gazette.article.SiteProperties;
import org.gazette.comment.CommentProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Guards the handlers marked {@link GuardedPost} before their body is read: a cross-site
 * post is refused with 403, a body over the size cap with 413, and a client over the
 * abuse rate limit (a token bucket per client: an IPv4 address or an IPv6 /64, kept in
 * the database and shared by every node, see {@link PostingAllowances}) gets 429 with
 * {@code Retry-After}. It is tied to the handler, not to a spelling of its path, so
 * {@code /articles/x/%63omments} meets the same limits as {@code /articles/x/comments}.
 * (The public chain's {@link CrossSiteRequestFilter} refuses cross-site posts everywhere
 * on the readers' side; the guard repeats the check so that it holds for the posting
 * handler whatever chain or path led there.) It registers itself with MVC.
 */
@Component
class CommentPostGuard implements HandlerInterceptor, WebMvcConfigurer {

    /** 10,000 emoji URL-encode to about 120 KB; the cap leaves room for the other fields. */
    static final long MAX_BODY_BYTES = 256 * 1024;

    private final CommentProperties.RateLimit limit;

    private final CrossSiteRequestFilter crossSite;

    private final PostingOutcomes outcomes;

    private final PostingAllowances allowances;

    CommentPostGuard(CommentProperties properties, SiteProperties site, PostingOutcomes outcomes,
            PostingAllowances allowances) {
        this.limit = properties.rateLimit();
        this.crossSite = new CrossSiteRequestFilter(site.baseUrl().toString());
        this.outcomes = outcomes;
        this.allowances = allowances;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(GuardedPost.class)) {
            return true;
        }
        if (this.crossSite.isCrossSite(request)) {
            this.outcomes.refused(PostingOutcomes.Refusal.CROSS_SITE);
            response.sendError(HttpStatus.FORBIDDEN.value());
            return false;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            this.outcomes.refused(PostingOutcomes.Refusal.TOO_LARGE);
            response.setHeader(HttpHeaders.CONNECTION, "close");
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
            return false;
        }
        if (this.limit.enabled()) {
            Optional<Duration> wait = this.allowances.take(ClientAddresses.limitKey(ClientAddresses.of(request)));
            if (wait.isPresent()) {
                this.outcomes.refused(PostingOutcomes.Refusal.RATE_LIMITED);
                long seconds = Math.max(1, wait.get().toSeconds() + 1);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
                return false;
            }
        }
        return true;
    }

}
