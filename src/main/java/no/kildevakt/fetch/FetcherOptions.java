package no.kildevakt.fetch;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import okhttp3.Dns;

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
 * @param dns          host name lookups (tests resolve made-up names to their loopback server)
 * @param addressScope which addresses count as public for {@link PrivateNetworkRule} (tests call their loopback
 *                     server public to stand for a site on the internet)
 */
public record FetcherOptions(boolean obeyRobots, Sleeper sleeper, RandomGenerator random, Clock clock, RobotsArchive robotsArchive,
        Dns dns, Function<InetAddress, AddressScope> addressScope) {

    public FetcherOptions {
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(robotsArchive, "robotsArchive");
        Objects.requireNonNull(dns, "dns");
        Objects.requireNonNull(addressScope, "addressScope");
    }

    public FetcherOptions(boolean obeyRobots, Sleeper sleeper, RandomGenerator random, Clock clock, RobotsArchive robotsArchive) {
        this(obeyRobots, sleeper, random, clock, robotsArchive, Dns.SYSTEM, AddressScope::of);
    }

    /** Robots obeyed, real sleeping, real randomness, the system clock, no robots archive, system DNS, real address scopes. */
    public static FetcherOptions defaults() {
        return new FetcherOptions(true, Sleeper.REAL, RandomGenerator.getDefault(), Clock.systemUTC(), RobotsArchive.NONE,
                Dns.SYSTEM, AddressScope::of);
    }

    public FetcherOptions withObeyRobots(boolean obey) {
        return new FetcherOptions(obey, sleeper, random, clock, robotsArchive, dns, addressScope);
    }

    public FetcherOptions withSleeper(Sleeper s) {
        return new FetcherOptions(obeyRobots, s, random, clock, robotsArchive, dns, addressScope);
    }

    public FetcherOptions withRandom(RandomGenerator r) {
        return new FetcherOptions(obeyRobots, sleeper, r, clock, robotsArchive, dns, addressScope);
    }

    public FetcherOptions withClock(Clock c) {
        return new FetcherOptions(obeyRobots, sleeper, random, c, robotsArchive, dns, addressScope);
    }

    public FetcherOptions withRobotsArchive(RobotsArchive archive) {
        return new FetcherOptions(obeyRobots, sleeper, random, clock, archive, dns, addressScope);
    }

    public FetcherOptions withDns(Dns d) {
        return new FetcherOptions(obeyRobots, sleeper, random, clock, robotsArchive, d, addressScope);
    }

    public FetcherOptions withAddressScope(Function<InetAddress, AddressScope> scope) {
        return new FetcherOptions(obeyRobots, sleeper, random, clock, robotsArchive, dns, scope);
    }
}
