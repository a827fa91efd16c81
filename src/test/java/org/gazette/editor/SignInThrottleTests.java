package org.gazette.editor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in throttle, on its own: failures count per username and address together,
 * within a sliding window, and a success clears them.
 */
class SignInThrottleTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));

    private final SignInThrottle throttle = new SignInThrottle(new EditorProperties.SignIn(3, Duration.ofMinutes(10)),
            this.clock);

    @Test
    void letsAttemptsThroughUntilTheLimitIsReached() {
        assertThat(this.throttle.failed("editor", "203.0.113.1")).isFalse();
        assertThat(this.throttle.failed("editor", "203.0.113.1")).isFalse();
        assertThat(this.throttle.waitFor("editor", "203.0.113.1")).isEmpty();
        assertThat(this.throttle.failed("editor", "203.0.113.1")).isTrue();
        assertThat(this.throttle.waitFor("editor", "203.0.113.1")).contains(Duration.ofMinutes(10));
    }

    @Test
    void keysOnUsernameAndAddressTogether() {
        failTimes(3, "editor", "203.0.113.1");
        assertThat(this.throttle.waitFor("editor", "203.0.113.1")).isPresent();
        assertThat(this.throttle.waitFor("editor", "198.51.100.7")).isEmpty();
        assertThat(this.throttle.waitFor("someone", "203.0.113.1")).isEmpty();
    }

    @Test
    void usernamesCompareWithoutCaseOrSurroundingSpace() {
        failTimes(3, "Editor ", "203.0.113.1");
        assertThat(this.throttle.waitFor("editor", "203.0.113.1")).isPresent();
    }

    @Test
    void theWaitEndsWhenTheOldestFailureLeavesTheWindow() {
        this.throttle.failed("editor", "203.0.113.1");
        this.clock.advance(Duration.ofMinutes(4));
        this.throttle.failed("editor", "203.0.113.1");
        this.throttle.failed("editor", "203.0.113.1");
        assertThat(this.throttle.waitFor("editor", "203.0.113.1")).contains(Duration.ofMinutes(6));
        this.clock.advance(Duration.ofMinutes(6));
        assertThat(this.throttle.waitFor("editor", "203.0.113.1")).isEmpty();
        assertThat(this.throttle.failed("editor", "203.0.113.1")).isTrue();
        assertThat(this.throttle.waitFor("editor", "203.0.113.1")).contains(Duration.ofMinutes(4));
    }

    @Test
    void aSuccessClearsThePair() {
        failTimes(2, "editor", "203.0.113.1");
        this.throttle.succeeded("EDITOR", "203.0.113.1");
        failTimes(2, "editor", "203.0.113.1");
        assertThat(this.throttle.waitFor("editor", "203.0.113.1")).isEmpty();
    }

    @Test
    void veryLongUsernamesShareOneCounter() {
        String padding = "x".repeat(5000);
        failTimes(3, padding + "a", "203.0.113.1");
        assertThat(this.throttle.waitFor(padding + "b", "203.0.113.1")).isPresent();
    }

    @Test
    void tellsWholeSecondsRoundedUp() {
        assertThat(SignInThrottle.seconds(Duration.ofMillis(1500))).isEqualTo(2);
        assertThat(SignInThrottle.seconds(Duration.ofSeconds(600))).isEqualTo(600);
        assertThat(SignInThrottle.seconds(Duration.ofMillis(10))).isEqualTo(1);
    }

    private void failTimes(int times, String username, String address) {
        for (int i = 0; i < times; i++) {
            this.throttle.failed(username, address);
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
