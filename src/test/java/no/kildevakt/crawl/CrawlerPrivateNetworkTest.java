package no.kildevakt.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.kildevakt.config.Config;
import no.kildevakt.config.Section;
import no.kildevakt.config.Settings;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;
import no.kildevakt.fetch.Fetcher;
import no.kildevakt.fetch.FetcherOptions;
import no.kildevakt.fetch.StandInInternet;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.read.feed.FeedParser;
import no.kildevakt.read.feed.FeedReader;
import no.kildevakt.store.ItemQuery;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source on the internet that redirects to another service on the editor's machine: refused,
 * nothing stored, no "update feeds.yml". {@code news.example} stands for the internet
 * ({@code StandInInternet}); both servers are really on loopback.
 */
class CrawlerPrivateNetworkTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final String FEED = """
            <rss version="2.0"><channel><title>t</title><link>https://a.example/</link>
            <item><guid>1</guid><title>Secret local service</title><link>https://a.example/1</link><pubDate>Thu, 17 Sep 2026 11:00:00 +0200</pubDate></item>
            </channel></rss>""";

    @TempDir
    Path dir;

    /** The error of the last round, for the assertions. */
    private String lastError;

    /** One crawl of a single feed source through the real fetcher; its outcome. */
    private Outcome crawlOnce(String sourceUrl, Store store) throws Exception {
        SourceConfig source = new SourceConfig("news", "news", URI.create(sourceUrl), SourceType.FEED, "norske", Map.of(), Optional.empty(), 1.0, 1);
        Config config = new Config(Path.of("feeds.yml"), Settings.defaults(),
                List.of(new Section("norske", "Aktuelle norske tiltak, rapporter og forskning", false)), List.of(), List.of(source));
        Settings settings = Settings.defaults().withPerHostDelay(Duration.ZERO).withTimeout(Duration.ofSeconds(2)).withRetries(0);
        try (Fetcher fetcher = new Fetcher(settings, StandInInternet.options(FetcherOptions.defaults().withObeyRobots(false)))) {
            Crawler crawler = new Crawler(config, store, fetcher::fetch,
                    Map.of(SourceType.FEED, new FeedReader(new FeedParser(), new ItemNormalizer())), Clock.fixed(NOW, ZoneOffset.UTC));
            SourceReport report = crawler.crawl(CrawlOptions.due(), CrawlListener.NONE).sources().get(0);
            lastError = report.error();
            return report.outcome();
        }
    }

    @Test
    void aPublicSourceThatRedirectsToALocalPortIsRefusedAndNothingIsStored() throws Exception {
        List<String> local = new CopyOnWriteArrayList<>();
        try (MockWebServer site = new MockWebServer(); MockWebServer service = new MockWebServer();
                Store store = Store.open(dir.resolve("k.db"))) {
            service.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    local.add(request.getTarget());
                    return new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml").body(FEED).build();
                }
            });
            service.start();
            String moved = "http://127.0.0.1:" + service.getPort() + "/feed";
            site.enqueue(new MockResponse.Builder().code(301).addHeader("Location", moved).build());
            site.start();
            String sourceUrl = "http://news.example:" + site.getPort() + "/feed";

            assertEquals(Outcome.BLOCKED, crawlOnce(sourceUrl, store));
            assertEquals("news: " + sourceUrl + ": refused: redirect from a public address to a loopback address (127.0.0.1) at "
                    + moved, lastError);
            assertEquals(List.of(), local, "the local service heard nothing");
            assertEquals(0, store.items().list(ItemQuery.all()).size());
            assertNull(store.sources().state("news").movedTo(), "no 'update feeds.yml' to a local address");
        }
    }

    @Test
    void aSourceOnLoopbackMayMoveToAnotherLoopbackPort() throws Exception {
        try (MockWebServer site = new MockWebServer(); MockWebServer service = new MockWebServer();
                Store store = Store.open(dir.resolve("k.db"))) {
            service.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml").body(FEED).build());
            service.start();
            String moved = "http://127.0.0.1:" + service.getPort() + "/feed";
            site.enqueue(new MockResponse.Builder().code(301).addHeader("Location", moved).build());
            site.start();

            assertEquals(Outcome.OK, crawlOnce("http://localhost:" + site.getPort() + "/feed", store));
            assertEquals(moved, store.sources().state("news").movedTo());
        }
    }
}
