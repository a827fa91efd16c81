package org.gazette.editor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Counts failed sign-ins per username and client address together, so that someone
 * guessing passwords from elsewhere cannot lock the real editor out. After
 * {@code maxFailures} failures within the window, the pair must wait until the oldest
 * of them is older than the window; a successful sign-in clears the pair.
 */
class SignInThrottle {

    /** Usernames are at most 100 characters; longer input is cut so it cannot fill memory. */
    private static final int MAX_KEY_USERNAME = 100;

    private final int maxFailures;

    private final Duration window;

    private final Clock clock;

    private final Cache<Key, List<Instant>> failures;

    SignInThrottle(EditorProperties.SignIn settings, Clock clock) {
        this.maxFailures = settings.maxFailures();
        this.window = settings.window();
        this.clock = clock;
        this.failures = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(this.window).build();
    }

    /** How long the pair must still wait, when it has failed too often. */
    Optional<Duration> waitFor(String username, String clientAddress) {
        List<Instant> recent = this.failures.getIfPresent(Key.of(username, clientAddress));
        if (recent == null) {
            return Optional.empty();
        }
        Instant now = this.clock.instant();
        List<Instant> counted = within(recent, now);
        if (counted.size() < this.maxFailures) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, counted.get(counted.size() - this.maxFailures).plus(this.window));
        return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Records a failed sign-in; returns {@code true} when the pair is now throttled. */
    boolean failed(String username, String clientAddress) {
        Instant now = this.clock.instant();
        List<Instant> updated = this.failures.asMap().compute(Key.of(username, clientAddress), (key, recent) -> {
            List<Instant> next = new ArrayList<>((recent != null) ? within(recent, now) : List.of());
            next.add(now);
            return List.copyOf(next.subList(Math.max(0, next.size() - this.maxFailures), next.size()));
        });
        return updated.size() >= this.maxFailures;
    }

    /** Clears the pair after a successful sign-in. */
    void succeeded(String username, String clientAddress) {
        this.failures.invalidate(Key.of(username, clientAddress));
    }

    private List<Instant> within(List<Instant> recent, Instant now) {
        Instant oldest = now.minus(this.window);
        return recent.stream().filter((failure) -> failure.isAfter(oldest)).toList();
    }

    /** Seconds to tell the user: whole seconds, rounded up, at least one. */
    static long seconds(Duration wait) {
        long seconds = wait.toSeconds();
        return Math.max(1, (wait.toNanosPart() > 0) ? seconds + 1 : seconds);
    }

    private record Key(String username, String clientAddress) {

        static Key of(String username, String clientAddress) {
            String name = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
            if (name.length() > MAX_KEY_USERNAME) {
                name = name.substring(0, MAX_KEY_USERNAME);
            }
            return new Key(name, (clientAddress != null) ? clientAddress : "");
        }

    }

}
