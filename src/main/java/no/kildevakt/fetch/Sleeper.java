package no.kildevakt.fetch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How the fetcher waits between retries. It exists so tests can record the waits a server asked
 * for (Retry-After, backoff) without spending real seconds; production uses {@link #REAL}.
 */
@FunctionalInterface
public interface Sleeper {

    /** Blocks the calling thread for {@code duration}. */
    Sleeper REAL = duration -> TimeUnit.NANOSECONDS.sleep(Math.max(0, duration.toNanos()));

    void sleep(Duration duration) throws InterruptedException;
}
