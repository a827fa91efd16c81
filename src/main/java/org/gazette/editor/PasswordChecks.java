package org.gazette.editor;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The password checks running at once, capped: each check costs tens of milliseconds of
 * a processor, so a flood of sign-ins could otherwise take every processor and request
 * thread from readers. A stranger's sign-in takes a check only if one is free at once,
 * so none of them holds a request thread waiting; a browser that signed in to the
 * account before (its device cookie) may also wait briefly, and has one check of its own
 * beyond the cap, so a flood from many clients cannot keep the editors out. The cap is
 * per node, as it should be: it guards this node's processors and counts no guesses
 * (those are counted in the database, by {@link SignInThrottle}, for every node).
 */
class PasswordChecks {

    private final Semaphore permits;

    private final Semaphore reserved = new Semaphore(1);

    private final Duration wait;

    PasswordChecks(int concurrent, Duration wait) {
        this.permits = new Semaphore(concurrent);
        this.wait = wait;
    }

    /**
     * Takes a check: at once for a stranger; for a known browser, waiting briefly, and
     * then from the check kept for known browsers.
     * @return the check to release when done, or empty when none is free
     */
    Optional<Permit> tryAcquire(boolean knownBrowser) {
        if (this.permits.tryAcquire()) {
            return Optional.of(this.permits::release);
        }
        if (!knownBrowser) {
            return Optional.empty();
        }
        try {
            if (this.reserved.tryAcquire(this.wait.toNanos(), TimeUnit.NANOSECONDS)) {
                return Optional.of(this.reserved::release);
            }
            return this.permits.tryAcquire(this.wait.toNanos(), TimeUnit.NANOSECONDS)
                    ? Optional.of(this.permits::release) : Optional.empty();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A check taken; released once the password has been compared. */
    @FunctionalInterface
    interface Permit {

        void release();

    }

}
