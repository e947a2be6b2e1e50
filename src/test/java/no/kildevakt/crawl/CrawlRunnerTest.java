package no.kildevakt.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.kildevakt.config.Config;
import no.kildevakt.config.Section;
import no.kildevakt.config.Settings;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;
import no.kildevakt.fetch.AcceptHeaders;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.read.SourceReader;
import no.kildevakt.read.feed.FeedParser;
import no.kildevakt.read.feed.FeedReader;
import no.kildevakt.store.CrawlLock;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one crawl entry point: the lock, the store it opens or is given, and an attempt that stores nothing. */
class CrawlRunnerTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final String FEED = """
            <rss version="2.0"><channel><title>t</title><link>https://a.example/</link>
            <item><guid>1</guid><title>En sak</title><link>https://a.example/1</link><pubDate>Thu, 17 Sep 2026 11:00:00 +0200</pubDate></item>
            </channel></rss>""";

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> feeds = new ConcurrentHashMap<>();
    private Config config;
    private Path db;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = feeds.get(request.getUrl().encodedPath());
                return body == null ? new MockResponse.Builder().code(404).body("not found").build()
                        : new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml").body(body).build();
            }
        });
        server.start();
        SourceConfig source = new SourceConfig("news", "news", server.url("/feed").uri(), SourceType.FEED, "norske", Map.of(),
                Optional.empty(), 1.0, 1);
        Settings settings = Settings.defaults().withPerHostDelay(Duration.ZERO).withTimeout(Duration.ofSeconds(2)).withRetries(0);
        config = new Config(Path.of("feeds.yml"), settings, List.of(new Section("norske", "Norske", false)), List.of(),
                List.of(source));
        db = dir.resolve("k.db");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CrawlRunner runner() {
        return new CrawlRunner(config, db,
                fetch -> Map.of(SourceType.FEED, new FeedReader(new FeedParser(), new ItemNormalizer())),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private SourceConfig news() {
        return config.source("news").orElseThrow();
    }

    @Test
    void anAttemptReadsTheSourceAndTouchesNoDatabase() {
        feeds.put("/feed", FEED);
        SourceAttempt<SourceReader.Reading> tried = runner().attempt(news(), SourceAttempt.TypeChoice.AS_CONFIGURED,
                SourceReader::read);
        assertFalse(tried.failed(), tried.error());
        assertEquals(List.of("En sak"), tried.reading().items().stream().map(i -> i.title()).toList());
        assertFalse(Files.exists(db), "nothing stored");
        assertFalse(Files.exists(CrawlLock.lockFileOf(db)), "no lock taken");
    }

    /** Over real HTTP: a feed source is asked for as a feed, in the newsletter's languages, and a re-crawl asks the same. */
    @Test
    void aFeedIsAskedForAsAFeedInTheNewslettersLanguages() throws Exception {
        feeds.put("/feed", FEED);
        runner().crawl(CrawlOptions.due(), CrawlListener.NONE);
        RecordedRequest robots = server.takeRequest();
        assertEquals("/robots.txt", robots.getUrl().encodedPath());
        RecordedRequest feed = server.takeRequest();
        assertEquals("/feed", feed.getUrl().encodedPath());
        assertEquals(AcceptHeaders.FEED, feed.getHeaders().get("Accept"));
        assertEquals(AcceptHeaders.LANGUAGE, feed.getHeaders().get("Accept-Language"));
        assertEquals(AcceptHeaders.LANGUAGE, robots.getHeaders().get("Accept-Language"));
    }

    @Test
    void aFailedAttemptIsWordedAsTheCrawlWordsIt() throws Exception {
        SourceAttempt<SourceReader.Reading> tried = runner().attempt(news(), SourceAttempt.TypeChoice.AS_CONFIGURED,
                SourceReader::read);
        assertTrue(tried.failed());
        SourceReport crawled = runner().crawl(CrawlOptions.due(), CrawlListener.NONE).sources().get(0);
        assertEquals(crawled.error(), tried.error(), "one wording for try and crawl");
        assertTrue(tried.error().startsWith("news: "), tried.error());
    }

    @Test
    void aRefusedAnswerIsTheSourcesFailureInOneLine() {
        feeds.put("/feed", FEED);
        SourceAttempt<SourceReader.Reading> tried = runner().attempt(news(), (source, response) -> {
            throw new SourceAttempt.Refused(source.url() + " answers with something else");
        }, SourceReader::read);
        assertEquals("news: " + news().url() + " answers with something else", tried.error());
    }

    @Test
    void crawlOpensTheDatabaseAndCrawlNowCrawlsOneSourceDueOrNot() throws Exception {
        feeds.put("/feed", FEED);
        CrawlReport first = runner().crawl(CrawlOptions.due(), CrawlListener.NONE);
        assertEquals(1, first.newItems());
        assertEquals(Outcome.SKIPPED, runner().crawl(CrawlOptions.due(), CrawlListener.NONE).sources().get(0).outcome(),
                "not due again yet");
        try (Store store = Store.open(db)) {
            SourceReport now = runner().crawlNow(store, "news");
            assertEquals(Outcome.OK, now.outcome());
            assertEquals(0, now.newItems());
        }
    }

    @Test
    void whileAnotherCrawlHoldsTheLockNeitherCrawlStartsAndNothingIsFetched() throws Exception {
        feeds.put("/feed", FEED);
        try (Store store = Store.open(db); CrawlLock held = CrawlLock.tryAcquire(db).orElseThrow()) {
            CrawlRunner.Busy busy = assertThrows(CrawlRunner.Busy.class, () -> runner().crawl(CrawlOptions.due(), CrawlListener.NONE));
            assertEquals(CrawlLock.describeHolder(db), busy.getMessage());
            assertThrows(CrawlRunner.Busy.class, () -> runner().crawlNow(store, "news"));
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsUnavailableNotAFailedCrawl() throws Exception {
        Files.createDirectories(db);
        assertThrows(CrawlRunner.Unavailable.class, () -> runner().crawl(CrawlOptions.due(), CrawlListener.NONE));
        assertEquals(0, server.getRequestCount());
    }
}
