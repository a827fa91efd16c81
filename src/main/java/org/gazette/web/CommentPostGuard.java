package org.gazette.web;

import java.io.IOException;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gazette.comment.CommentProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards comment posts before their body is read: a body over the size cap is
 * refused with 413, and a client over the abuse rate limit (a token bucket per client
 * address) gets 429 with {@code Retry-After}.
 */
@Component
class CommentPostGuard extends OncePerRequestFilter {

    /** 10,000 emoji URL-encode to about 120 KB; the cap leaves room for the other fields. */
    static final long MAX_BODY_BYTES = 256 * 1024;

    private final CommentProperties.RateLimit limit;

    private final ClientAddressResolver clients;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
        .maximumSize(100_000)
        .expireAfterAccess(Duration.ofHours(1))
        .build();

    CommentPostGuard(CommentProperties properties, ClientAddressResolver clients) {
        this.limit = properties.rateLimit();
        this.clients = clients;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"POST".equals(request.getMethod()) || !path.startsWith("/articles/") || !path.endsWith("/comments");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
            return;
        }
        if (this.limit.enabled()) {
            Bucket bucket = this.buckets.get(this.clients.resolve(request), (address) -> newBucket());
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Bucket newBucket() {
        return Bucket.builder()
            .addLimit(Bandwidth.builder()
                .capacity(this.limit.capacity())
                .refillGreedy(this.limit.capacity(), this.limit.period())
                .build())
            .build();
    }

}
