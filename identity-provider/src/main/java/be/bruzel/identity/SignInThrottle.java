package be.bruzel.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Failed sign-ins lock a user name, and separately the address they come from, for a delay that
 * doubles with every failure past the first few: guessing a password takes years, not minutes.
 * A successful sign-in clears its user name. Kept in memory: the demo provider runs once.
 */
final class SignInThrottle {

    static final int FREE_ATTEMPTS_PER_USER = 3;
    /** More for an address: many people may sign in from one office, behind one address. */
    static final int FREE_ATTEMPTS_PER_ADDRESS = 10;

    static final Duration FIRST_DELAY = Duration.ofSeconds(2);
    static final Duration LONGEST_DELAY = Duration.ofMinutes(15);
    /** Bounds the memory a flood of invented user names can take. */
    private static final int MOST_TRACKED = 100_000;

    private record Failures(int count, Instant last, Instant lockedUntil) {}

    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the user name or the address must still wait, if either must. */
    Optional<Duration> waitFor(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(userKey(username)), lockedUntil(addressKey(address)));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    void failed(String username, String address) {
        if (failures.size() >= MOST_TRACKED) {
            failures.values().removeIf(entry -> entry.last().plus(LONGEST_DELAY).isBefore(clock.instant()));
        }
        count(userKey(username), FREE_ATTEMPTS_PER_USER);
        count(addressKey(address), FREE_ATTEMPTS_PER_ADDRESS);
    }

    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    /** Failures a quarter of an hour apart are forgotten: a shared office address is not locked for good. */
    private void count(String key, int freeAttempts) {
        failures.merge(
                key,
                lockAfter(1, freeAttempts),
                (before, one) -> before.last().plus(LONGEST_DELAY).isBefore(clock.instant())
                        ? one
                        : lockAfter(before.count() + 1, freeAttempts));
    }

    private Failures lockAfter(int count, int freeAttempts) {
        if (count <= freeAttempts) {
            return new Failures(count, clock.instant(), Instant.MIN);
        }
        int doublings = Math.min(count - freeAttempts - 1, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return new Failures(
                count,
                clock.instant(),
                clock.instant().plus(delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay));
    }

    private Instant lockedUntil(String key) {
        Failures entry = failures.get(key);
        return entry == null ? Instant.MIN : entry.lockedUntil();
    }

    private static Instant later(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
