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
 * @param robotsArchive where robots.txt answers are kept between runs
 */
public record FetcherOptions(boolean obeyRobots, Sleeper sleeper, RandomGenerator random, Clock clock, RobotsArchive robotsArchive) {

    public FetcherOptions {
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(robotsArchive, "robotsArchive");
    }

    /** Robots obeyed, real sleeping, real randomness, the system clock, no robots archive. */
    public static FetcherOptions defaults() {
        return new FetcherOptions(true, Sleeper.REAL, RandomGenerator.getDefault(), Clock.systemUTC(), RobotsArchive.NONE);
    }

    public FetcherOptions withObeyRobots(boolean obey) {
        return new FetcherOptions(obey, sleeper, random, clock, robotsArchive);
    }

    public FetcherOptions withSleeper(Sleeper s) {
        return new FetcherOptions(obeyRobots, s, random, clock, robotsArchive);
    }

    public FetcherOptions withRandom(RandomGenerator r) {
        return new FetcherOptions(obeyRobots, sleeper, r, clock, robotsArchive);
    }

    public FetcherOptions withClock(Clock c) {
        return new FetcherOptions(obeyRobots, sleeper, random, c, robotsArchive);
    }

    public FetcherOptions withRobotsArchive(RobotsArchive archive) {
        return new FetcherOptions(obeyRobots, sleeper, random, clock, archive);
    }
}
