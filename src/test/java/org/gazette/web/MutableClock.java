package org.gazette.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests: real time, which a test can move forward (for
 * instance past a held-comment token's 24 hours) and put back afterwards.
 */
final class MutableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), this.offset.get());
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(this.offset.get());
    }

    void advance(Duration duration) {
        this.offset.updateAndGet((current) -> current.plus(duration));
    }

    void reset() {
        this.offset.set(Duration.ZERO);
    }

}
