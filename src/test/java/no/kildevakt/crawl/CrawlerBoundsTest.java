package no.kildevakt.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.kildevakt.config.Config;
import no.kildevakt.config.Settings;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;
import no.kildevakt.fetch.Fetch;
import no.kildevakt.fetch.FetchException;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.fetch.Fetcher;
import no.kildevakt.fetch.FetcherOptions;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.read.SourceReader;
import no.kildevakt.read.feed.FeedParser;
import no.kildevakt.read.feed.FeedReader;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.SourceState;
import no.kildevakt.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one source may cost a crawl: an Error while reading it costs only that source, and no source
 * (nor a hung server) keeps a crawl — and with it the crawl lock — past {@code settings.max_crawl_time}.
 */
class CrawlerBoundsTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static final String FEED = """
            <rss version="2.0"><channel><title>t</title><link>https://a.example/</link>
            <item><guid>1</guid><title>Menneskehandel</title><link>https://a.example/1</link><pubDate>Thu, 17 Sep 2026 11:00:00 +0200</pubDate></item>
            </channel></rss>""";

    @TempDir
    Path dir;

    private static SourceConfig source(String id, String url) {
        return TestSources.feed(id, url);
    }

    private static Config config(Settings settings, SourceConfig... sources) {
        return TestSources.config(settings, sources);
    }

    private static FetchResponse ok(URI url) {
        return new FetchResponse(url, url, 200, FEED.getBytes(StandardCharsets.UTF_8), "application/rss+xml", null, null, null, 1);
    }

    private static Crawler crawler(Config config, Store store, Fetch fetch, SourceReader reader) {
        return new Crawler(config, store, fetch, Map.of(SourceType.FEED, reader), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static SourceReader feedReader() {
        return new FeedReader(new FeedParser(), new ItemNormalizer());
    }

    // --- an Error in one source --------------------------------------------------------------

    @Test
    void runningOutOfMemoryOnOnePageCostsOnlyThatSource() throws Exception {
        // a 9 MB page of <b>×3,000,000 once killed the whole crawl: no summary, nothing recorded,
        // and the other sources of its host never crawled
        Config config = config(Settings.defaults(),
                source("big", "https://h.example/big"),
                source("deep", "https://h.example/deep"),
                source("small", "https://h.example/small"),
                source("other", "https://o.example/feed"));
        SourceReader real = feedReader();
        SourceReader reader = (source, response) -> switch (source.id()) {
            case "big" -> throw new OutOfMemoryError("Java heap space");
            case "deep" -> throw new StackOverflowError();
            default -> real.read(source, response);
        };
        try (Store store = Store.open(dir.resolve("k.db"))) {
            CrawlReport report = crawler(config, store, r -> ok(r.url()), reader).crawl(CrawlOptions.due(), CrawlListener.NONE);

            SourceReport big = report.sources().get(0);
            assertEquals(Outcome.PARSE_ERROR, big.outcome());
            assertEquals("big: https://h.example/big: out of memory while parsing (page too large or too deeply nested)", big.error());
            SourceReport deep = report.sources().get(1);
            assertEquals(Outcome.PARSE_ERROR, deep.outcome());
            assertEquals("deep: https://h.example/deep: too deeply nested to parse (stack overflow)", deep.error());
            assertEquals(Outcome.OK, report.sources().get(2).outcome(), "the same host's next source is still crawled");
            assertEquals(Outcome.OK, report.sources().get(3).outcome());
            assertTrue(report.anyFailed());

            SourceState state = store.sources().state("big");
            assertEquals(1, state.consecutiveFailures(), "recorded as failed, so it backs off");
            assertEquals(big.error(), state.lastError());
        }
    }

    // --- settings.max_crawl_time -------------------------------------------------------------

    @Test
    void aCrawlPastMaxCrawlTimeRecordsWhatIsUnfinishedAsTimedOutAndEnds() throws Exception {
        // a server that takes the request and never answers, with a 30 s timeout: only the crawl's bound ends it
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    // done
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String base = "http://127.0.0.1:" + silent.getLocalPort();
            Settings settings = Settings.defaults().withPerHostDelay(Duration.ZERO).withTimeout(Duration.ofSeconds(30))
                    .withMaxCrawlTime(Duration.ofMillis(500));
            Config config = config(settings,
                    source("hung", base + "/feed"),
                    source("queued", base + "/other"), // same host, waits behind the hung one
                    source("fine", "https://fine.example/feed"));
            CountDownLatch fetchEnded = new CountDownLatch(1);
            try (Store store = Store.open(dir.resolve("k.db"));
                    Fetcher fetcher = new Fetcher(settings, FetcherOptions.defaults().withObeyRobots(false))) {
                Fetch fetch = r -> {
                    if (r.url().getHost().equals("fine.example")) {
                        return ok(r.url());
                    }
                    try {
                        return fetcher.fetch(r);
                    } finally {
                        fetchEnded.countDown();
                    }
                };

                long start = System.nanoTime();
                CrawlReport report = assertTimeoutPreemptively(Duration.ofSeconds(10),
                        () -> crawler(config, store, fetch, feedReader()).crawl(CrawlOptions.due(), CrawlListener.NONE));
                long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(tookMillis < 5000, "ended soon after the 500 ms bound, took " + tookMillis + " ms");

                SourceReport hung = report.sources().get(0);
                assertEquals(Outcome.TIMEOUT, hung.outcome());
                assertEquals("failed", hung.outcome().status());
                assertEquals("hung: timed out: crawl exceeded max_crawl_time (500ms)", hung.error());
                SourceReport queued = report.sources().get(1);
                assertEquals(Outcome.TIMEOUT, queued.outcome());
                assertEquals("queued: timed out: crawl exceeded max_crawl_time (500ms)", queued.error());
                assertEquals(Outcome.OK, report.sources().get(2).outcome());
                assertTrue(report.anyFailed(), "counted as failures: exit code 1");
                assertFalse(report.networkDown());

                for (String id : List.of("hung", "queued")) {
                    SourceState state = store.sources().state(id);
                    assertEquals(1, state.consecutiveFailures(), id);
                    assertEquals(Outcome.TIMEOUT, state.lastOutcome(), id);
                    assertEquals(1, store.sources().fetchLog(id, 10).size(), id);
                }

                // closing the fetcher (as the command does right after) cancels the call still waiting on the server
                fetcher.close();
                assertTrue(fetchEnded.await(5, TimeUnit.SECONDS), "the in-flight call was cancelled");
                Thread.sleep(100); // let the abandoned worker run to its end: it must not record a second round
                assertEquals(1, store.sources().fetchLog("hung", 10).size());
                assertEquals("hung: timed out: crawl exceeded max_crawl_time (500ms)", store.sources().state("hung").lastError());
            } finally {
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }

    @Test
    void sourcesCutOffByTheCrawlBoundDoNotMakeTheNetworkLookDown() throws Exception {
        // three hosts that never answer are not evidence that our network is down: they must back off
        Settings settings = Settings.defaults().withMaxCrawlTime(Duration.ofMillis(300));
        Config config = config(settings,
                source("a", "https://a.example/feed"), source("b", "https://b.example/feed"), source("c", "https://c.example/feed"));
        CountDownLatch release = new CountDownLatch(1);
        Fetch hangs = r -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new FetchException(FetchException.Kind.TIMEOUT, r.url(), r.url() + ": timed out");
        };
        try (Store store = Store.open(dir.resolve("k.db"))) {
            CrawlReport report = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> crawler(config, store, hangs, feedReader()).crawl(CrawlOptions.due(), CrawlListener.NONE));
            release.countDown();
            assertFalse(report.networkDown());
            for (SourceReport r : report.sources()) {
                assertEquals(Outcome.TIMEOUT, r.outcome(), r.sourceId());
                assertEquals(1, store.sources().state(r.sourceId()).consecutiveFailures(), r.sourceId() + " backs off");
            }
        }
    }
}
