package org.gazette.editor;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gazette.editor.*} properties: the first editor account, made on a fresh
 * database, the sessions an editor may hold, and the sign-in limits.
 *
 * @param username its username
 * @param password its password ({@code GAZETTE_EDITOR_PASSWORD}); when absent one is
 * generated and printed once in the log, and must be changed at the first sign-in
 * @param maxSessions the signed-in sessions one editor may hold at once; signing in
 * once more ends the least recently used
 * @param signIn the sign-in limits
 */
@ConfigurationProperties("gazette.editor")
public record EditorProperties(@DefaultValue("editor") String username, String password,
        @DefaultValue("3") int maxSessions, @DefaultValue SignIn signIn) {

    public EditorProperties {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("gazette.editor.max-sessions must be at least 1");
        }
    }

    /**
     * The sign-in limits (see {@link SignInThrottle}): failures allowed within the
     * window per username and client, per client across usernames, and per account
     * from browsers that never signed in to it; and how many password checks may run
     * at once.
     *
     * @param maxFailures failures per username and client within the window
     * @param window how long a failure counts
     * @param maxFailuresPerClient failures per client, whatever the username
     * @param maxFailuresPerAccount failures per account from browsers without its
     * device cookie; then only browsers with one may sign in to it until the window
     * passes
     * @param maxConcurrentChecks password checks at once; when absent, one for every
     * two processors (at least one), so a flood of sign-ins leaves readers the rest
     * @param checkWait how long a sign-in waits for a free check before it is answered
     * 503
     */
    public record SignIn(@DefaultValue("5") int maxFailures, @DefaultValue("10m") Duration window,
            @DefaultValue("20") int maxFailuresPerClient, @DefaultValue("10") int maxFailuresPerAccount,
            Integer maxConcurrentChecks, @DefaultValue("100ms") Duration checkWait) {

        public SignIn {
            if (maxFailures < 1 || maxFailuresPerClient < 1 || maxFailuresPerAccount < 1) {
                throw new IllegalArgumentException("gazette.editor.sign-in.max-failures, max-failures-per-client "
                        + "and max-failures-per-account must be at least 1");
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("gazette.editor.sign-in.window must be positive");
            }
            if (maxConcurrentChecks != null && maxConcurrentChecks < 1) {
                throw new IllegalArgumentException("gazette.editor.sign-in.max-concurrent-checks must be at least 1");
            }
            if (checkWait.isNegative()) {
                throw new IllegalArgumentException("gazette.editor.sign-in.check-wait must not be negative");
            }
        }

        /** The password checks allowed at once. */
        int concurrentChecks() {
            return (this.maxConcurrentChecks != null) ? this.maxConcurrentChecks
                    : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }

    }

}
