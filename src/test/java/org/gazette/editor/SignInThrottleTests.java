package org.gazette.editor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in throttle's rules, on the database that keeps its failures: failures count
 * per username and client within a sliding window; a client has one budget across all
 * usernames; an existing account has a budget for browsers that never signed in to it,
 * which once spent holds back those browsers only; every throttle on the database (one
 * per node) counts the same failures; and the database keeps only what the limits need,
 * for as long as they need it.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class SignInThrottleTests {

    private static final String CLIENT = "203.0.113.1";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    private SignInThrottle throttle;

    @BeforeEach
    void emptyThrottle() {
        this.jdbc.update("delete from sign_in_failure");
        this.throttle = newThrottle();
    }

    @Test
    void letsAttemptsThroughUntilTheLimitIsReached() {
        assertThat(fail("editor", CLIENT)).isFalse();
        assertThat(fail("editor", CLIENT)).isFalse();
        assertThat(this.throttle.waitFor("editor", CLIENT)).isEmpty();
        assertThat(fail("editor", CLIENT)).isTrue();
        assertThat(this.throttle.waitFor("editor", CLIENT)).contains(Duration.ofMinutes(10));
    }

    @Test
    void keysOnUsernameAndClientTogether() {
        failTimes(3, "editor", CLIENT);
        assertThat(this.throttle.waitFor("editor", CLIENT)).isPresent();
        assertThat(this.throttle.waitFor("editor", "198.51.100.7")).isEmpty();
        assertThat(this.throttle.waitFor("someone", CLIENT)).isEmpty();
    }

    @Test
    void usernamesTheRuleRefusesShareOneBudgetPerClient() {
        failTimes(3, null, CLIENT);
        assertThat(this.throttle.waitFor(null, CLIENT)).isPresent();
        assertThat(this.throttle.waitFor("editor", CLIENT)).isEmpty();
    }

    @Test
    void theWaitEndsWhenTheOldestFailureLeavesTheWindow() {
        fail("editor", CLIENT);
        this.clock.advance(Duration.ofMinutes(4));
        fail("editor", CLIENT);
        fail("editor", CLIENT);
        assertThat(this.throttle.waitFor("editor", CLIENT)).contains(Duration.ofMinutes(6));
        this.clock.advance(Duration.ofMinutes(6));
        assertThat(this.throttle.waitFor("editor", CLIENT)).isEmpty();
        assertThat(fail("editor", CLIENT)).isTrue();
        assertThat(this.throttle.waitFor("editor", CLIENT)).contains(Duration.ofMinutes(4));
    }

    @Test
    void aSuccessClearsTheUsernameAndClientPair() {
        failTimes(2, "editor", CLIENT);
        this.throttle.succeeded("editor", CLIENT);
        failTimes(2, "editor", CLIENT);
        assertThat(this.throttle.waitFor("editor", CLIENT)).isEmpty();
    }

    @Test
    void aClientCannotSprayUsernames() {
        for (int i = 0; i < 10; i++) {
            assertThat(this.throttle.waitFor("guess-" + i, CLIENT)).as("attempt %d", i).isEmpty();
            fail("guess-" + i, CLIENT);
        }
        assertThat(this.throttle.waitFor("guess-10", CLIENT)).contains(Duration.ofMinutes(10));
        assertThat(this.throttle.waitFor("editor", CLIENT)).isPresent();
        assertThat(this.throttle.waitFor("editor", "198.51.100.7")).isEmpty();
        this.clock.advance(Duration.ofMinutes(10));
        assertThat(this.throttle.waitFor("guess-10", CLIENT)).isEmpty();
    }

    @Test
    void anAccountsBudgetHoldsBackOnlyBrowsersThatNeverSignedIn() {
        for (int i = 0; i < 4; i++) {
            assertThat(this.throttle.held("editor")).isFalse();
            this.throttle.failed("editor", "198.51.100." + i, true, false);
        }
        assertThat(this.throttle.held("editor")).isTrue();
        assertThat(this.throttle.held("other")).isFalse();
        assertThat(this.throttle.waitFor("editor", "198.51.100.99")).as("no wait for a fresh client").isEmpty();
        this.clock.advance(Duration.ofMinutes(10));
        assertThat(this.throttle.held("editor")).isFalse();
    }

    @Test
    void failuresFromABrowserThatSignedInBeforeDoNotSpendTheAccountsBudget() {
        for (int i = 0; i < 10; i++) {
            this.throttle.failed("editor", "198.51.100." + i, true, true);
        }
        assertThat(this.throttle.held("editor")).isFalse();
    }

    @Test
    void keepsNothingAboutAUsernameWithoutAnAccount() {
        for (int i = 0; i < 100; i++) {
            this.throttle.failed("nobody-" + i, "198.51.100." + (i % 25), false, false);
        }
        assertThat(this.throttle.held("nobody-1")).isFalse();
        assertThat(this.jdbc.queryForObject("select count(*) from sign_in_failure where counted_as = 'account'",
                Integer.class)).isZero();
    }

    @Test
    void everyThrottleOnTheDatabaseCountsTheSameFailures() {
        SignInThrottle otherNode = newThrottle();
        fail("editor", CLIENT);
        otherNode.failed("editor", CLIENT, true, false);
        assertThat(this.throttle.waitFor("editor", CLIENT)).isEmpty();

        assertThat(fail("editor", CLIENT)).isTrue();
        assertThat(otherNode.waitFor("editor", CLIENT)).contains(Duration.ofMinutes(10));
        otherNode.succeeded("editor", CLIENT);
        assertThat(this.throttle.waitFor("editor", CLIENT)).isEmpty();
    }

    @Test
    void aFailureCountsEvenWhenTheWorkAroundItIsRolledBack() {
        new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
            failTimes(3, "editor", CLIENT);
            status.setRollbackOnly();
        });

        assertThat(this.throttle.waitFor("editor", CLIENT)).isPresent();
    }

    @Test
    void forgetsFailuresOnceTheyHaveLeftTheWindow() {
        for (int i = 0; i < 2 * SignInThrottle.BATCH + 100; i++) {
            this.throttle.failed("guess-" + i, "2001:db8:" + Integer.toHexString(i) + "::/64", true, false);
        }
        this.clock.advance(Duration.ofMinutes(5));
        fail("editor", CLIENT);
        this.clock.advance(Duration.ofMinutes(5));

        assertThat(this.throttle.forgetExpired()).isEqualTo(3 * (2 * SignInThrottle.BATCH + 100));
        assertThat(this.jdbc.queryForObject("select count(*) from sign_in_failure", Integer.class)).isEqualTo(3);
        assertThat(this.throttle.held("guess-1")).isFalse();
    }

    @Test
    void tellsWholeSecondsRoundedUp() {
        assertThat(SignInThrottle.seconds(Duration.ofMillis(1500))).isEqualTo(2);
        assertThat(SignInThrottle.seconds(Duration.ofSeconds(600))).isEqualTo(600);
        assertThat(SignInThrottle.seconds(Duration.ofMillis(10))).isEqualTo(1);
    }

    private SignInThrottle newThrottle() {
        return new SignInThrottle(signIn(3, 10, 4), this.clock, this.jdbc, this.transactions);
    }

    private static EditorProperties.SignIn signIn(int perPair, int perClient, int perAccount) {
        return new EditorProperties.SignIn(perPair, Duration.ofMinutes(10), perClient, perAccount, 2,
                Duration.ofMillis(100));
    }

    /** A failed sign-in of an account that exists, from a browser that never signed in to it. */
    private boolean fail(String username, String client) {
        return this.throttle.failed(username, client, true, false);
    }

    private void failTimes(int times, String username, String client) {
        for (int i = 0; i < times; i++) {
            fail(username, client);
        }
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            this.now = this.now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return this.now;
        }

    }

}
