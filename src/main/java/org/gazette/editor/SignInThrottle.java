package org.gazette.editor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins, counted three ways within one sliding window: per username and
 * client (someone guessing one account's password), per client across usernames
 * (someone trying many usernames), and per existing account from browsers that never
 * signed in to it (many clients guessing one account). The first two make that client
 * wait; the third holds back only browsers without the account's device cookie, so an
 * attacker cannot keep the editor out of their own browser. Clients are counted by
 * their limit key (an IPv6 client by its /64). The failures are rows in the database,
 * so every node counts the guesses made on any node, and nothing of them is kept in
 * memory; a row is kept for the window and then deleted, and accounts are counted only
 * when they exist. (The cap on password checks running at once, {@link PasswordChecks},
 * is rightly per node: it guards that node's processors.)
 */
class SignInThrottle {

    /**
     * Rows deleted at a time, each by its id: H2 takes quadratic time over
     * {@code DELETE ... WHERE id IN (SELECT ... LIMIT n)}, and PostgreSQL has no
     * {@code DELETE ... LIMIT}.
     */
    static final int BATCH = 1_000;

    /** The pair key of usernames the rule refuses: one budget for all of them per client. */
    private static final String REFUSED_USERNAME = "";

    /**
     * The n-th latest failure of a key within the window. Ordered by the whole index, so
     * that H2 too reads the index backwards and stops there, however many rows the key has.
     */
    private static final String NTH_LATEST = "select failed_at from sign_in_failure where counted_key = ? "
            + "and failed_at > ? order by counted_key desc, failed_at desc limit 1 offset ?";

    private final EditorProperties.SignIn settings;

    private final Clock clock;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate ownTransaction;

    /**
     * @param transactions the transactions a failure is recorded in: one of its own, so
     * that it counts even when the work around it is rolled back
     */
    SignInThrottle(EditorProperties.SignIn settings, Clock clock, JdbcTemplate jdbc,
            PlatformTransactionManager transactions) {
        this.settings = settings;
        this.clock = clock;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * How long the client must still wait before trying this username, when it has
     * failed too often with it, or with any username.
     * @param username the canonical username, or {@code null} when the rule refused it
     * @param client the client's limit key
     */
    Optional<Duration> waitFor(String username, String client) {
        long now = this.clock.millis();
        long oldest = now - this.settings.window().toMillis();
        // the limit-th latest failure of the pair and of the client, in one statement
        Long latest = this.jdbc.queryForObject("select greatest(coalesce((" + NTH_LATEST + "), 0), coalesce(("
                + NTH_LATEST + "), 0))", Long.class, Key.pair(username, client), oldest,
                this.settings.maxFailures() - 1, Key.client(client), oldest, this.settings.maxFailuresPerClient() - 1);
        return waitFrom((latest != null) ? latest : 0, now);
    }

    /** Whether the account has failed too often from browsers that never signed in to it. */
    boolean held(String username) {
        return username != null
                && waitFor(Key.account(username), this.settings.maxFailuresPerAccount(), this.clock.millis())
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
        long now = this.clock.millis();
        List<Object> values = new ArrayList<>(List.of("client", Key.client(client), now, "pair",
                Key.pair(username, client), now));
        if (accountExists && !knownBrowser && username != null) {
            values.addAll(List.of("account", Key.account(username), now));
        }
        String rows = String.join(", ", Collections.nCopies(values.size() / 3, "(?, ?, ?)"));
        this.ownTransaction.executeWithoutResult((status) -> this.jdbc.update(
                "insert into sign_in_failure (counted_as, counted_key, failed_at) values " + rows, values.toArray()));
        return waitFor(Key.pair(username, client), this.settings.maxFailures(), now).isPresent();
    }

    /** Clears the username and client pair after a successful sign-in. */
    void succeeded(String username, String client) {
        this.jdbc.update("delete from sign_in_failure where counted_key = ?", Key.pair(username, client));
    }

    /**
     * Deletes the failures that have left the window, a batch at a time.
     * @return how many were deleted
     */
    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    public int forgetExpired() {
        long oldest = this.clock.millis() - this.settings.window().toMillis();
        int total = 0;
        List<Long> expired;
        do {
            expired = this.jdbc.queryForList("select id from sign_in_failure where failed_at <= ? "
                    + "order by failed_at limit ?", Long.class, oldest, BATCH);
            for (int deleted : this.jdbc.batchUpdate("delete from sign_in_failure where id = ?",
                    expired.stream().map((id) -> new Object[] { id }).toList())) {
                total += Math.max(0, deleted);
            }
        }
        while (expired.size() == BATCH);
        return total;
    }

    /** The wait the key's failures impose: until the limit-th latest leaves the window. */
    private Optional<Duration> waitFor(String key, int limit, long now) {
        List<Long> limiting = this.jdbc.queryForList(NTH_LATEST, Long.class, key,
                now - this.settings.window().toMillis(), limit - 1);
        return waitFrom(limiting.isEmpty() ? 0 : limiting.get(0), now);
    }

    /** The wait until a failure at that time leaves the window; none for no failure (0). */
    private Optional<Duration> waitFrom(long failedAt, long now) {
        if (failedAt == 0) {
            return Optional.empty();
        }
        long wait = failedAt + this.settings.window().toMillis() - now;
        return (wait > 0) ? Optional.of(Duration.ofMillis(wait)) : Optional.empty();
    }

    /** Seconds to tell the user: whole seconds, rounded up, at least one. */
    static long seconds(Duration wait) {
        long seconds = wait.toSeconds();
        return Math.max(1, (wait.toNanosPart() > 0) ? seconds + 1 : seconds);
    }

    /** What a failure is counted under, as a digest: one width, and no device cookie kept. */
    private static final class Key {

        static String pair(String username, String client) {
            return digest("pair", (username != null) ? username : REFUSED_USERNAME, (client != null) ? client : "");
        }

        static String client(String client) {
            return digest("client", (client != null) ? client : "");
        }

        static String account(String username) {
            return digest("account", username);
        }

        private static String digest(String... parts) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
            }
        }

    }

}
