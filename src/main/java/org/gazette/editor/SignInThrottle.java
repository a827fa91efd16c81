package org.gazette.editor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Failed sign-ins, counted three ways within one sliding window: per username and
 * client (someone guessing one account's password), per client across usernames
 * (someone trying many usernames), and per existing account from browsers that never
 * signed in to it (many clients guessing one account). The first two make that client
 * wait; the third holds back only browsers without the account's device cookie, so an
 * attacker cannot keep the editor out of their own browser. Clients are counted by
 * their limit key (an IPv6 client by its /64). Memory is bounded: clients and pairs
 * are kept up to a maximum, and accounts only when they exist.
 */
class SignInThrottle {

    /** The pair key of usernames the rule refuses: one budget for all of them per client. */
    private static final String REFUSED_USERNAME = "";

    private static final int DEFAULT_MAXIMUM_CLIENTS = 10_000;

    private final EditorProperties.SignIn settings;

    private final Clock clock;

    private final Cache<Pair, Failures> pairs;

    private final Cache<String, Failures> clients;

    private final Cache<String, Failures> accounts;

    SignInThrottle(EditorProperties.SignIn settings, Clock clock) {
        this(settings, clock, DEFAULT_MAXIMUM_CLIENTS, ForkJoinPool.commonPool());
    }

    SignInThrottle(EditorProperties.SignIn settings, Clock clock, int maximumClients, Executor maintenance) {
        this.settings = settings;
        this.clock = clock;
        this.pairs = cache(maximumClients, maintenance);
        this.clients = cache(maximumClients, maintenance);
        this.accounts = cache(maximumClients, maintenance);
    }

    private <K> Cache<K, Failures> cache(int maximum, Executor maintenance) {
        return Caffeine.newBuilder()
            .maximumSize(maximum)
            .expireAfterWrite(this.settings.window())
            .executor(maintenance)
            .build();
    }

    /**
     * How long the client must still wait before trying this username, when it has
     * failed too often with it, or with any username.
     * @param username the canonical username, or {@code null} when the rule refused it
     * @param client the client's limit key
     */
    Optional<Duration> waitFor(String username, String client) {
        Instant now = this.clock.instant();
        Optional<Duration> pair = waitFor(this.pairs.getIfPresent(Pair.of(username, client)),
                this.settings.maxFailures(), now);
        Optional<Duration> all = waitFor(this.clients.getIfPresent(client), this.settings.maxFailuresPerClient(),
                now);
        return (pair.isPresent() && all.isPresent()) ? Optional.of(max(pair.get(), all.get())) : pair.or(() -> all);
    }

    /** Whether the account has failed too often from browsers that never signed in to it. */
    boolean held(String username) {
        return username != null && waitFor(this.accounts.getIfPresent(username),
                this.settings.maxFailuresPerAccount(), this.clock.instant())
            .isPresent();
    }

    /**
     * Records a failed sign-in.
     * @param username the canonical username, or {@code null} when the rule refused it
     * @param client the client's limit key
     * @param accountExists whether an account has that username
     * @param knownBrowser whether the browser has signed in to that account before
     * @return whether the username and client pair must now wait
     */
    boolean failed(String username, String client, boolean accountExists, boolean knownBrowser) {
        Instant now = this.clock.instant();
        this.clients.asMap().compute(client, (key, failures) -> record(failures, this.settings.maxFailuresPerClient(), now));
        if (accountExists && !knownBrowser && username != null) {
            this.accounts.asMap()
                .compute(username, (key, failures) -> record(failures, this.settings.maxFailuresPerAccount(), now));
        }
        Failures pair = this.pairs.asMap()
            .compute(Pair.of(username, client), (key, failures) -> record(failures, this.settings.maxFailures(), now));
        return waitFor(pair, this.settings.maxFailures(), now).isPresent();
    }

    /** Clears the username and client pair after a successful sign-in. */
    void succeeded(String username, String client) {
        this.pairs.invalidate(Pair.of(username, client));
    }

    long trackedAccounts() {
        this.accounts.cleanUp();
        return this.accounts.estimatedSize();
    }

    long trackedClients() {
        this.clients.cleanUp();
        return this.clients.estimatedSize();
    }

    long trackedPairs() {
        this.pairs.cleanUp();
        return this.pairs.estimatedSize();
    }

    private Failures record(Failures failures, int limit, Instant now) {
        return ((failures != null) ? failures : Failures.NONE).add(now.toEpochMilli(),
                now.minus(this.settings.window()).toEpochMilli(), limit);
    }

    private Optional<Duration> waitFor(Failures failures, int limit, Instant now) {
        if (failures == null) {
            return Optional.empty();
        }
        long oldest = now.minus(this.settings.window()).toEpochMilli();
        long[] counted = failures.after(oldest);
        if (counted.length < limit) {
            return Optional.empty();
        }
        Instant until = Instant.ofEpochMilli(counted[counted.length - limit]).plus(this.settings.window());
        Duration wait = Duration.between(now, until);
        return (wait.isNegative() || wait.isZero()) ? Optional.empty() : Optional.of(wait);
    }

    private static Duration max(Duration one, Duration other) {
        return (one.compareTo(other) >= 0) ? one : other;
    }

    /** Seconds to tell the user: whole seconds, rounded up, at least one. */
    static long seconds(Duration wait) {
        long seconds = wait.toSeconds();
        return Math.max(1, (wait.toNanosPart() > 0) ? seconds + 1 : seconds);
    }

    private record Pair(String username, String client) {

        static Pair of(String username, String client) {
            return new Pair((username != null) ? username : REFUSED_USERNAME, (client != null) ? client : "");
        }

    }

    /** The times of the latest failures, oldest first, in epoch milliseconds: at most the limit. */
    private record Failures(long[] times) {

        static final Failures NONE = new Failures(new long[0]);

        long[] after(long oldest) {
            int first = 0;
            while (first < this.times.length && this.times[first] <= oldest) {
                first++;
            }
            return (first == 0) ? this.times : Arrays.copyOfRange(this.times, first, this.times.length);
        }

        Failures add(long time, long oldest, int limit) {
            long[] kept = after(oldest);
            int from = Math.max(0, kept.length + 1 - limit);
            long[] next = new long[kept.length - from + 1];
            System.arraycopy(kept, from, next, 0, kept.length - from);
            next[next.length - 1] = time;
            return new Failures(next);
        }

    }

}
