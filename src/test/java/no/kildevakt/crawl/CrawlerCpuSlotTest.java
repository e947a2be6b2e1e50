package no.kildevakt.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import no.kildevakt.config.Config;
import no.kildevakt.config.Section;
import no.kildevakt.config.Settings;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;
import no.kildevakt.fetch.Fetch;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.read.SourceReadException;
import no.kildevakt.read.SourceReader;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parsing is limited to one response per core, but a listing that follows its next pages waits on
 * the network while it reads: it must not hold a parsing slot then, or every other source stalls.
 */
class CrawlerCpuSlotTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void listingsWaitingForTheirNextPagesDoNotStallTheParsingOfOtherSources() throws Exception {
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        List<SourceConfig> sources = new ArrayList<>();
        for (int i = 0; i < cores; i++) {
            sources.add(new SourceConfig("liste-" + i, "liste " + i, URI.create("https://host" + i + ".example/list"), SourceType.HTML,
                    "norske", Map.of("item", "li"), Optional.empty(), 1.0, 1, false, 2, false));
        }
        sources.add(new SourceConfig("feed", "feed", URI.create("https://feed.example/rss"), SourceType.FEED, "norske",
                Map.of(), Optional.empty(), 1.0, 1));
        Config config = new Config(Path.of("feeds.yml"), Settings.defaults(),
                List.of(new Section("norske", "Aktuelle norske tiltak, rapporter og forskning", false)), List.of(), sources);

        CountDownLatch listingsWaiting = new CountDownLatch(cores);
        CountDownLatch feedRead = new CountDownLatch(1);
        SourceReader waitingListing = (source, response) -> {
            listingsWaiting.countDown();
            try {
                // "fetching page 2": only returns once the feed has been parsed meanwhile
                if (!feedRead.await(20, TimeUnit.SECONDS)) {
                    throw new SourceReadException("the feed was never parsed while listings waited for their next pages", null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SourceReader.Reading(List.of(), List.of());
        };
        SourceReader feedReader = (source, response) -> {
            feedRead.countDown();
            return new SourceReader.Reading(List.of(), List.of());
        };
        Fetch fetch = r -> new FetchResponse(r.url(), r.url(), 200, "<ul></ul>".getBytes(StandardCharsets.UTF_8),
                "text/html", null, null, null, 1);

        ExecutorService runner = Executors.newSingleThreadExecutor();
        try (Store store = Store.open(dir.resolve("k.db"))) {
            Future<CrawlReport> crawl = runner.submit(() -> new Crawler(config, store, fetch,
                    Map.of(SourceType.HTML, waitingListing, SourceType.FEED, feedReader), Clock.fixed(NOW, ZoneOffset.UTC))
                    .crawl(CrawlOptions.due(), CrawlListener.NONE));
            CrawlReport report = crawl.get(30, TimeUnit.SECONDS);
            assertTrue(listingsWaiting.getCount() == 0, "every listing was reading at the same time");
            for (SourceReport r : report.sources()) {
                assertTrue(r.outcome() == Outcome.OK || r.outcome() == Outcome.EMPTY, r.sourceId() + ": " + r.outcome() + " " + r.error());
            }
            assertEquals(cores + 1, report.sources().size());
        } finally {
            runner.shutdownNow();
        }
    }
}
