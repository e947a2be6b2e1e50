package no.kildevakt.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import no.kildevakt.config.Config;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;
import no.kildevakt.fetch.Fetch;
import no.kildevakt.fetch.FetchException;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.read.feed.FeedParser;
import no.kildevakt.read.feed.FeedReader;
import no.kildevakt.store.SourceState;
import no.kildevakt.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whom a failure is held against, and for how long. */
class CrawlerBlameTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    Path dir;

    private static SourceConfig source(String id, String url) {
        return TestSources.feed(id, url);
    }

    private Crawler crawler(Config config, Store store, Fetch fetch) {
        return new Crawler(config, store, fetch,
                Map.of(SourceType.FEED, new FeedReader(new FeedParser(), new ItemNormalizer())), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /**
     * Issue #2: "A failing source is never dropped: it is tried again on later runs with backoff
     * (at most daily)". A Retry-After of a year silences the source for a year.
     */
    @Test
    void aHugeRetryAfterDoesNotSilenceASourceForMoreThanADay() throws Exception {
        Config config = TestSources.config(source("busy", "https://busy.example/feed"));
        try (Store store = Store.open(dir.resolve("k.db"))) {
            Fetch fetch = r -> {
                throw new FetchException(FetchException.Kind.BLOCKED, r.url(), 503, Duration.ofDays(365),
                        r.url() + ": HTTP 503 Service Unavailable; Retry-After 31536000 s exceeds the 120 s we wait", null);
            };
            crawler(config, store, fetch).crawl(CrawlOptions.due(), CrawlListener.NONE);
            SourceState state = store.sources().state("busy");
            assertFalse(state.nextDue().isAfter(NOW.plus(Duration.ofDays(1))),
                    "next_due " + state.nextDue() + " is more than a day away");
        }
    }

    /**
     * One dead host is not "the network is down": three sources on one host that refuses
     * connections must be blamed (and backed off), not forgiven.
     */
    @Test
    void oneDeadHostIsNotTheNetworkBeingDown() throws Exception {
        Config config = TestSources.config(source("r1", "https://www.regjeringen.example/1"), source("r2", "https://www.regjeringen.example/2"),
                source("r3", "https://www.regjeringen.example/3"));
        try (Store store = Store.open(dir.resolve("k.db"))) {
            Fetch fetch = r -> {
                throw new FetchException(FetchException.Kind.CONNECTION_FAILED, r.url(), 0, null,
                        r.url() + ": connection failed: Connection refused", null);
            };
            CrawlReport report = crawler(config, store, fetch).crawl(CrawlOptions.due(), CrawlListener.NONE);
            assertFalse(report.networkDown(), "all three sources are on one host; other hosts may be fine");
            assertEquals(1, store.sources().state("r1").consecutiveFailures());
        }
    }
}
