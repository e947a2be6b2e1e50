package no.kildevakt.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.kildevakt.config.Config;
import no.kildevakt.config.Section;
import no.kildevakt.config.Settings;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;
import no.kildevakt.fetch.Fetch;
import no.kildevakt.fetch.FetchException;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.read.SourceReader;
import no.kildevakt.read.feed.FeedParser;
import no.kildevakt.read.feed.FeedReader;
import no.kildevakt.store.ItemQuery;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.SourceState;
import no.kildevakt.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawl loop against a scripted web: isolation, outcomes, state and rescheduling. */
class CrawlerTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    Path dir;

    private static SourceConfig source(String id, String url, SourceType type) {
        return new SourceConfig(id, id, URI.create(url), type, "norske", Map.of(), Optional.empty(), 1.0, 1);
    }

    private static Config config(SourceConfig... sources) {
        return new Config(Path.of("feeds.yml"), Settings.defaults(),
                List.of(new Section("norske", "Aktuelle norske tiltak, rapporter og forskning", false)), List.of(), List.of(sources));
    }

    private static FetchResponse ok(String url, String body) {
        return new FetchResponse(URI.create(url), URI.create(url), 200, body.getBytes(StandardCharsets.UTF_8),
                "application/rss+xml", "\"e1\"", null, null, 1);
    }

    private static final String FEED = """
            <rss version="2.0"><channel><title>t</title><link>https://a.example/</link>
            <item><guid>1</guid><title>Menneskehandel</title><link>https://a.example/1</link><pubDate>Thu, 17 Sep 2026 11:00:00 +0200</pubDate></item>
            </channel></rss>""";

    private Crawler crawler(Config config, Store store, Fetch fetch, Map<SourceType, SourceReader> readers) {
        return new Crawler(config, store, fetch, readers, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Map<SourceType, SourceReader> feedReader() {
        return Map.of(SourceType.FEED, new FeedReader(new FeedParser(), new ItemNormalizer()));
    }

    @Test
    void aServerThatAsksForALongPauseIsNotAskedAgainBeforeThen() throws Exception {
        Config config = config(source("busy", "https://busy.example/feed", SourceType.FEED));
        try (Store store = Store.open(dir.resolve("k.db"))) {
            Fetch fetch = r -> {
                throw new FetchException(FetchException.Kind.BLOCKED, r.url(), 429, Duration.ofHours(5),
                        r.url() + ": HTTP 429 Too Many Requests (Retry-After 5h exceeds the 2m cap)", null);
            };
            CrawlReport report = crawler(config, store, fetch, feedReader()).crawl(CrawlOptions.due(), CrawlListener.NONE);
            assertEquals(Outcome.BLOCKED, report.sources().get(0).outcome());
            SourceState state = store.sources().state("busy");
            assertEquals(1, state.consecutiveFailures());
            assertEquals(NOW.plus(Duration.ofHours(5)), state.nextDue(), "Retry-After beats the one-hour backoff");
            assertTrue(state.lastError().startsWith("busy: https://busy.example/feed: HTTP 429"), state.lastError());
        }
    }

    @Test
    void aReaderBugCostsOnlyItsOwnSource() throws Exception {
        Config config = config(source("a", "https://a.example/feed", SourceType.FEED), source("b", "https://b.example/feed", SourceType.FEED));
        SourceReader real = new FeedReader(new FeedParser(), new ItemNormalizer());
        SourceReader flaky = (source, response) -> {
            if (source.id().equals("a")) {
                throw new IllegalStateException("boom");
            }
            return real.read(source, response);
        };
        try (Store store = Store.open(dir.resolve("k.db"))) {
            CrawlReport report = crawler(config, store, r -> ok(r.url().toString(), FEED), Map.of(SourceType.FEED, flaky))
                    .crawl(CrawlOptions.due(), CrawlListener.NONE);
            assertEquals(Outcome.PARSE_ERROR, report.sources().get(0).outcome());
            assertTrue(report.sources().get(0).error().contains("boom"));
            assertEquals(Outcome.OK, report.sources().get(1).outcome());
            assertEquals(1, store.items().list(ItemQuery.all()).size());
            assertTrue(report.anyFailed());
        }
    }

    @Test
    void aTypeWithoutAReaderFailsClearlyInsteadOfBeingIgnored() throws Exception {
        Config config = config(source("page", "https://p.example/list", SourceType.HTML));
        try (Store store = Store.open(dir.resolve("k.db"))) {
            CrawlReport report = crawler(config, store, r -> ok(r.url().toString(), FEED), feedReader())
                    .crawl(CrawlOptions.due(), CrawlListener.NONE);
            SourceReport page = report.sources().get(0);
            assertEquals(Outcome.PARSE_ERROR, page.outcome());
            assertEquals("page: sources of type html are not supported by this version of kildevakt", page.error());
        }
    }

    @Test
    void successClearsTheFailureCountAndKeepsTheValidators() throws Exception {
        Config config = config(source("a", "https://a.example/feed", SourceType.FEED));
        try (Store store = Store.open(dir.resolve("k.db"))) {
            Fetch failing = r -> {
                throw new FetchException(FetchException.Kind.SERVER_ERROR, r.url(), 503, null, r.url() + ": HTTP 503", null);
            };
            crawler(config, store, failing, feedReader()).crawl(CrawlOptions.due(), CrawlListener.NONE);
            assertEquals(1, store.sources().state("a").consecutiveFailures());
            crawler(config, store, r -> ok(r.url().toString(), FEED), feedReader()).crawl(new CrawlOptions(false, Set.of("a")), CrawlListener.NONE);
            SourceState after = store.sources().state("a");
            assertEquals(0, after.consecutiveFailures());
            assertNull(after.lastError());
            assertNull(after.nextDue());
            assertEquals("\"e1\"", after.etag());
            assertEquals(NOW, after.lastSuccess());
            assertEquals(1, after.itemsLastTime());
        }
    }
}
