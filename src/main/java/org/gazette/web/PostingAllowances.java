package org.gazette.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.gazette.comment.CommentProperties;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The posting rate limit's token buckets, one row per client network in the database, so
 * that every node draws on the one allowance: a client may post {@code capacity} times at
 * once and gains a post back every {@code period / capacity}, as a greedily refilled
 * token bucket does. A bucket is kept as the instant its allowance is whole again (the
 * generic cell rate algorithm): a post goes through when that instant is at most
 * {@code capacity - 1} posts ahead, and moves it one post on, in a single conditional
 * UPDATE that also serialises concurrent posts. A full bucket is no row: rows past that
 * instant are deleted once a minute, so a flood of strangers stays bounded by time.
 */
@Component
class PostingAllowances {

    /**
     * Rows deleted at a time, each by its key: H2 takes quadratic time over
     * {@code DELETE ... WHERE key IN (SELECT ... LIMIT n)}, and PostgreSQL has no
     * {@code DELETE ... LIMIT}.
     */
    static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;

    private final Clock clock;

    private final long millisPerPost;

    private final long burstMillis;

    PostingAllowances(JdbcTemplate jdbc, Clock clock, CommentProperties properties) {
        CommentProperties.RateLimit limit = properties.rateLimit();
        if (limit.capacity() < 1 || limit.period().isNegative() || limit.period().isZero()) {
            throw new IllegalArgumentException("gazette.comments.rate-limit.capacity must be at least 1 and "
                    + "gazette.comments.rate-limit.period positive");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        // rounded up, so that the allowance is never larger than configured
        this.millisPerPost = Math.max(1, (limit.period().toMillis() + limit.capacity() - 1) / limit.capacity());
        this.burstMillis = (limit.capacity() - 1) * this.millisPerPost;
    }

    /**
     * Takes one post from the client's allowance.
     * @param clientNetwork the client's limit key
     * @return empty when the post may go ahead, else how long until the next one may
     */
    Optional<Duration> take(String clientNetwork) {
        long now = this.clock.millis();
        for (int attempt = 0; attempt < 3; attempt++) {
            if (this.jdbc.update("update posting_allowance set full_at = greatest(full_at, ?) + ? "
                    + "where client_network = ? and full_at <= ?", now, this.millisPerPost, clientNetwork,
                    now + this.burstMillis) == 1) {
                return Optional.empty();
            }
            List<Long> fullAt = this.jdbc.queryForList(
                    "select full_at from posting_allowance where client_network = ?", Long.class, clientNetwork);
            if (!fullAt.isEmpty() && fullAt.get(0) > now + this.burstMillis) {
                return Optional.of(Duration.ofMillis(fullAt.get(0) - this.burstMillis - now));
            }
            if (fullAt.isEmpty() && this.jdbc.update("insert into posting_allowance (client_network, full_at) "
                    + "values (?, ?) on conflict do nothing", clientNetwork, now + this.millisPerPost) == 1) {
                return Optional.empty();
            }
            // another post from the client changed the row meanwhile: look again
        }
        return Optional.of(Duration.ofMillis(this.millisPerPost));
    }

    /**
     * Deletes the buckets that are full again, a batch at a time; a bucket a post has
     * taken from meanwhile is not full and stays.
     * @return how many were deleted
     */
    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    public int removeFull() {
        long now = this.clock.millis();
        int total = 0;
        List<String> full;
        do {
            full = this.jdbc.queryForList("select client_network from posting_allowance where full_at < ? "
                    + "order by full_at limit ?", String.class, now, BATCH);
            for (int deleted : this.jdbc.batchUpdate(
                    "delete from posting_allowance where client_network = ? and full_at < ?",
                    full.stream().map((client) -> new Object[] { client, now }).toList())) {
                total += Math.max(0, deleted);
            }
        }
        while (full.size() == BATCH);
        return total;
    }

}
