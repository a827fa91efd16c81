package org.gazette.editor;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gazette.editor.*} properties: the first editor account, made on a fresh
 * database, and the sign-in throttle.
 *
 * @param username its username
 * @param password its password ({@code GAZETTE_EDITOR_PASSWORD}); when absent one is
 * generated and printed once in the log
 * @param signIn how many failed sign-ins one username may have from one client address
 */
@ConfigurationProperties("gazette.editor")
public record EditorProperties(@DefaultValue("editor") String username, String password,
        @DefaultValue SignIn signIn) {

    /**
     * The sign-in throttle: after {@code maxFailures} failed sign-ins for one username
     * from one client address within {@code window}, further attempts for that pair are
     * refused (429) until the oldest failure is older than the window.
     *
     * @param maxFailures failures allowed within the window
     * @param window how long a failure counts
     */
    public record SignIn(@DefaultValue("5") int maxFailures, @DefaultValue("10m") Duration window) {

        public SignIn {
            if (maxFailures < 1) {
                throw new IllegalArgumentException("gazette.editor.sign-in.max-failures must be at least 1");
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("gazette.editor.sign-in.window must be positive");
            }
        }

    }

}
