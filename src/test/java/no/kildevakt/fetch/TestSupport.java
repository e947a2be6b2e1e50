package no.kildevakt.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import no.kildevakt.config.Settings;

/** Small fakes shared by the fetch tests: fast settings, a recording sleeper, a settable clock. */
final class TestSupport {
    static final String USER_AGENT = "kildevakt/0.0-test (+https://example.test/contact)";

    private TestSupport() {}

    /** Loopback-fast settings: no per-host pause, 2 s timeout, 1 MB cap, 2 retries, 10 s Retry-After cap, 5 redirects. */
    static Settings settings() {
        return new Settings(USER_AGENT, Duration.ZERO, Duration.ofSeconds(2), 1024 * 1024,
                Duration.ofHours(6), 2, Duration.ofSeconds(10), 5, 4);
    }

    static Settings withMaxRedirects(Settings s, int maxRedirects) {
        return new Settings(s.userAgent(), s.perHostDelay(), s.timeout(), s.maxBody(), s.interval(),
                s.retries(), s.maxRetryAfter(), maxRedirects, s.concurrency());
    }

    /** Options with robots.txt off and a sleeper that records instead of sleeping. */
    static FetcherOptions options(RecordingSleeper sleeper) {
        return FetcherOptions.defaults().withObeyRobots(false).withSleeper(sleeper).withRandom(new MaxRandom());
    }

    /** Records every requested wait and returns at once. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    /** Always the largest value in range, so full-jitter backoff is its ceiling and tests are exact. */
    static final class MaxRandom implements RandomGenerator {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
