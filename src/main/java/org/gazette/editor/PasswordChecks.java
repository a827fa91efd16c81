package org.gazette.editor;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The password checks running at once, capped: each sign-in's password hash costs tens
 * of milliseconds of a processor, so a flood of sign-ins could otherwise hold every
 * request thread. A sign-in that finds no check free within a short wait is answered
 * 503 without one.
 */
class PasswordChecks {

    private final Semaphore permits;

    private final Duration wait;

    PasswordChecks(int concurrent, Duration wait) {
        this.permits = new Semaphore(concurrent);
        this.wait = wait;
    }

    /** Takes a check, waiting briefly for one; {@code false} when none became free. */
    boolean tryAcquire() {
        try {
            return this.permits.tryAcquire(this.wait.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void release() {
        this.permits.release();
    }

}
