package no.kildevakt.crawl;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import no.kildevakt.store.SourceState;

/**
 * When a source is due, and how long a failing one waits. A failing source is never
 * dropped: it is retried after a backoff that doubles per failure from one hour (or the
 * source's interval, if shorter) and never exceeds a day, so a broken source is still
 * tried daily and stays visible.
 */
public final class Schedule {
    static final Duration MAX_BACKOFF = Duration.ofDays(1);
    static final Duration BASE_BACKOFF = Duration.ofHours(1);

    private Schedule() {}

    /**
     * Why the source is not due at {@code now}, or empty when it is.
     */
    public static Optional<String> notDueReason(SourceState state, Duration interval, Instant now) {
        if (state.nextDue() != null && now.isBefore(state.nextDue())) {
            String why = state.consecutiveFailures() > 0 ? "backing off after " + state.consecutiveFailures() + " failure(s)" : "asked to wait";
            return Optional.of(why + " until " + state.nextDue());
        }
        if (state.lastSuccess() != null && now.isBefore(state.lastSuccess().plus(interval))) {
            return Optional.of("not due until " + state.lastSuccess().plus(interval));
        }
        return Optional.empty();
    }

    /**
     * When a source that has just failed for the {@code failures}-th time in a row is tried
     * again: after its backoff, or after the server's Retry-After when that is longer — but
     * never more than a day away.
     */
    public static Instant nextAttempt(Instant now, int failures, Duration interval, Duration retryAfter) {
        Duration wait = backoff(failures, interval);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : retryAfter;
        }
        return now.plus(wait);
    }

    /** How long to wait after the {@code failures}-th failure in a row (1-based). */
    public static Duration backoff(int failures, Duration interval) {
        Duration base = interval.compareTo(BASE_BACKOFF) < 0 ? interval : BASE_BACKOFF;
        if (base.isZero() || base.isNegative()) {
            base = Duration.ofMinutes(1);
        }
        int shift = Math.min(Math.max(failures - 1, 0), 20);
        Duration d = base.multipliedBy(1L << shift);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
