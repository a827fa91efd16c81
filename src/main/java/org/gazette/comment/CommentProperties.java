package org.gazette.comment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * The {@code gazette.comments.*} properties: defaults for the comment rules. The
 * values editors can change are kept in the database and fall back to these.
 *
 * @param floodInterval minimum time between two comments from one client address;
 * {@code 0s} turns flood control off
 * @param rateLimit the per-client abuse limit on posting
 * @param maxLinks more links than this holds a comment
 * @param threadDepth the deepest reply nesting
 * @param pageSize top-level comments per page
 * @param closeAfterDays close an article's comments this many days after its
 * dateline; 0 never
 * @param tokenSecret the key that signs held-comment tokens, at least 32 bytes;
 * generated once and kept in the database when empty
 */
@ConfigurationProperties("gazette.comments")
public record CommentProperties(@DefaultValue("15s") Duration floodInterval, @DefaultValue RateLimit rateLimit,
        @DefaultValue("2") int maxLinks, @DefaultValue("5") int threadDepth, @DefaultValue("50") int pageSize,
        @DefaultValue("0") int closeAfterDays, String tokenSecret) {

    /** The shortest token secret accepted: as long as the HMAC-SHA256 key generated in its place. */
    static final int MIN_TOKEN_SECRET_BYTES = 32;

    public CommentProperties {
        if (threadDepth < 1) {
            throw new IllegalArgumentException("gazette.comments.thread-depth must be at least 1");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("gazette.comments.page-size must be at least 1");
        }
        if (StringUtils.hasText(tokenSecret)
                && tokenSecret.getBytes(StandardCharsets.UTF_8).length < MIN_TOKEN_SECRET_BYTES) {
            throw new IllegalArgumentException("gazette.comments.token-secret must be at least "
                    + MIN_TOKEN_SECRET_BYTES + " bytes (UTF-8), a random value; "
                    + "leave it empty to have one generated and kept in the database");
        }
    }

    /**
     * The abuse rate limit on posting, per client address.
     *
     * @param enabled whether it applies
     * @param capacity posts allowed in a burst
     * @param period the time in which the whole capacity refills
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("10") int capacity,
            @DefaultValue("10m") Duration period) {

    }

}
