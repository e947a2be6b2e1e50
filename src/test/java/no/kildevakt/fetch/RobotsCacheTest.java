package no.kildevakt.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The robots.txt cache on a plain client (no other manners), so only its own behaviour shows. */
class RobotsCacheTest {
    private MockWebServer server;
    private RobotsCache robots;
    private final AtomicInteger robotsFetches = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        OkHttpClient client = new OkHttpClient();
        robots = new RobotsCache(() -> client, TestSupport.USER_AGENT, Ticker.systemTicker(), RobotsArchive.NONE, java.time.Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private void serve(String robotsTxt) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getUrl().encodedPath().equals("/robots.txt")) {
                    robotsFetches.incrementAndGet();
                    Thread.sleep(50); // long enough for concurrent callers to pile up
                    return new MockResponse.Builder().body(robotsTxt).build();
                }
                return new MockResponse.Builder().code(404).build();
            }
        });
    }

    private boolean allowed(String path) throws Exception {
        HttpUrl url = server.url(path);
        return robots.refusal(robots.rulesFor(url), url).isEmpty();
    }

    @Test
    void productTokenIsTheNameBeforeTheVersion() {
        assertEquals("kildevakt", RobotsCache.productToken("kildevakt/1.0 (+https://x)"));
        assertEquals("kildevakt", RobotsCache.productToken("Kildevakt (+mailto:a@b)"));
        assertEquals("*", RobotsCache.productToken("  "));
    }

    @Test
    void crawlDelayIsHonouredAndCapped() throws Exception {
        serve("User-agent: *\nCrawl-delay: 5\n");
        HttpUrl url = server.url("/feed");
        assertEquals(Duration.ZERO, robots.knownCrawlDelay(url), "unknown before robots.txt is read");
        robots.rulesFor(url);
        assertEquals(Duration.ofSeconds(5), robots.knownCrawlDelay(url));
    }

    @Test
    void hugeCrawlDelayIsCappedNotTurnedIntoDisallowAll() throws Exception {
        serve("User-agent: *\nCrawl-delay: 3600\nDisallow: /private\n");
        assertTrue(allowed("/feed"));
        assertEquals(RobotsCache.MAX_CRAWL_DELAY, robots.knownCrawlDelay(server.url("/feed")));
    }

    @Test
    void concurrentCallersShareOneFetch() throws Exception {
        serve("User-agent: *\nDisallow: /private\n");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> allowed("/private/x")));
            }
            for (Future<Boolean> a : answers) {
                assertEquals(false, a.get(5, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, robotsFetches.get());
    }

    @Test
    void onlyTheFirst512KbAreRead() throws Exception {
        // a Disallow beyond 512 KB is ignored, as Google ignores content past its limit
        String padding = "# " + "x".repeat(600 * 1024) + "\n";
        serve("User-agent: *\nDisallow: /early\n" + padding + "User-agent: *\nDisallow: /late\n");
        assertTrue(!allowed("/early/a"));
        assertTrue(allowed("/late/a"));
    }

    @Test
    void eachOriginHasItsOwnRules() throws Exception {
        serve("User-agent: *\nDisallow: /\n");
        assertTrue(!allowed("/a"));
        HttpUrl otherPort = server.url("/a").newBuilder().port(server.getPort() == 1 ? 2 : 1).build();
        assertEquals(RobotsCache.originKey(otherPort).equals(RobotsCache.originKey(server.url("/a"))), false);
    }

    @Test
    void successIsKeptLongerThanFailure() {
        var ok = new RobotsCache.HostRobots(new crawlercommons.robots.SimpleRobotRules(), null, null);
        var failed = new RobotsCache.HostRobots(new crawlercommons.robots.SimpleRobotRules(),
                FetchException.Kind.ROBOTS_DISALLOWED, "robots.txt unavailable");
        assertEquals(Duration.ofHours(24), ok.ttl());
        assertEquals(Duration.ofMinutes(10), failed.ttl());
        assertNull(ok.failure());
    }

    /** An archive in a map, as the store keeps one in SQLite. */
    static final class MapArchive implements RobotsArchive {
        final java.util.Map<String, Entry> entries = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public java.util.Optional<Entry> load(String origin) {
            return java.util.Optional.ofNullable(entries.get(origin));
        }

        @Override
        public void save(String origin, Entry entry) {
            entries.put(origin, entry);
        }
    }

    @Test
    void aNextRunWithinADayReadsRobotsTxtFromTheArchiveNotTheSite() throws Exception {
        serve("User-agent: *\nDisallow: /private/\n");
        MapArchive archive = new MapArchive();
        java.time.Instant t0 = java.time.Instant.parse("2026-11-29T06:00:00Z");
        OkHttpClient client = new OkHttpClient();
        RobotsCache firstRun = new RobotsCache(() -> client, TestSupport.USER_AGENT, Ticker.systemTicker(), archive,
                java.time.Clock.fixed(t0, java.time.ZoneOffset.UTC));
        HttpUrl page = server.url("/private/x");
        assertTrue(firstRun.refusal(firstRun.rulesFor(page), page).isPresent());
        assertEquals(1, robotsFetches.get());
        assertEquals(1, archive.entries.size());

        RobotsCache nextRun = new RobotsCache(() -> client, TestSupport.USER_AGENT, Ticker.systemTicker(), archive,
                java.time.Clock.fixed(t0.plus(Duration.ofHours(23)), java.time.ZoneOffset.UTC));
        assertTrue(nextRun.refusal(nextRun.rulesFor(page), page).isPresent(), "the archived rules still apply");
        assertTrue(nextRun.refusal(nextRun.rulesFor(server.url("/open")), server.url("/open")).isEmpty());
        assertEquals(1, robotsFetches.get(), "no second fetch within a day");

        RobotsCache dayLater = new RobotsCache(() -> client, TestSupport.USER_AGENT, Ticker.systemTicker(), archive,
                java.time.Clock.fixed(t0.plus(Duration.ofHours(25)), java.time.ZoneOffset.UTC));
        dayLater.rulesFor(page);
        assertEquals(2, robotsFetches.get(), "a day-old answer is fetched again");
    }

    @Test
    void serverErrorsAreNeverArchived() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(503).build();
            }
        });
        MapArchive archive = new MapArchive();
        OkHttpClient client = new OkHttpClient();
        RobotsCache cache = new RobotsCache(() -> client, TestSupport.USER_AGENT, Ticker.systemTicker(), archive, java.time.Clock.systemUTC());
        HttpUrl page = server.url("/feed");
        assertTrue(cache.refusal(cache.rulesFor(page), page).isPresent(), "5xx: off limits for now");
        assertTrue(archive.entries.isEmpty());
    }

    @Test
    void aMissingRobotsTxtIsArchivedAsAllowAll() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(404).build();
            }
        });
        MapArchive archive = new MapArchive();
        OkHttpClient client = new OkHttpClient();
        RobotsCache cache = new RobotsCache(() -> client, TestSupport.USER_AGENT, Ticker.systemTicker(), archive, java.time.Clock.systemUTC());
        HttpUrl page = server.url("/feed");
        assertTrue(cache.refusal(cache.rulesFor(page), page).isEmpty());
        assertEquals(404, archive.entries.values().iterator().next().status());
    }
}
