package no.kildevakt.fetch;

import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The knobs of a {@link Fetcher} that are not in feeds.yml: whether robots.txt is obeyed (the link
 * checker only asks whether a cited page still exists, so it may switch robots off) and the
 * time sources, which tests replace so that backoff and Retry-After cost no real time.
 *
 * @param obeyRobots whether robots.txt is fetched and obeyed before every request
 * @param sleeper    how the fetcher waits between retries
 * @param random     the source of backoff jitter
 * @param clock      "now" for HTTP-date Retry-After values and for the robots.txt cache's expiry
 */
public record FetcherOptions(boolean obeyRobots, Sleeper sleeper, RandomGenerator random, Clock clock) {

    public FetcherOptions {
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(clock, "clock");
    }

    /** Robots obeyed, real sleeping, real randomness, the system clock. */
    public static FetcherOptions defaults() {
        return new FetcherOptions(true, Sleeper.REAL, RandomGenerator.getDefault(), Clock.systemUTC());
    }

    public FetcherOptions withObeyRobots(boolean obey) {
        return new FetcherOptions(obey, sleeper, random, clock);
    }

    public FetcherOptions withSleeper(Sleeper s) {
        return new FetcherOptions(obeyRobots, s, random, clock);
    }

    public FetcherOptions withRandom(RandomGenerator r) {
        return new FetcherOptions(obeyRobots, sleeper, r, clock);
    }

    public FetcherOptions withClock(Clock c) {
        return new FetcherOptions(obeyRobots, sleeper, random, c);
    }
}
