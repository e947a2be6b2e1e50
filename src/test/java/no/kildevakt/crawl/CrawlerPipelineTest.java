package no.kildevakt.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.kildevakt.config.Config;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;
import no.kildevakt.fetch.Fetch;
import no.kildevakt.fetch.FetchException;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.read.SourceReadException;
import no.kildevakt.read.SourceReader;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host's next request does not wait while its last feed is read and stored: the host's pause runs
 * from the end of the last answer, and reading in that pause used to push the next request later
 * whenever the cores were busy with other hosts' answers.
 */
class CrawlerPipelineTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path dir;

    private CrawlReport crawl(List<SourceConfig> sources, Fetch fetch, SourceReader reader) throws Exception {
        Config config = TestSources.config(sources.toArray(SourceConfig[]::new));
        try (Store store = Store.open(dir.resolve("k.db"))) {
            return new Crawler(config, store, fetch, Map.of(SourceType.FEED, reader), Clock.fixed(NOW, ZoneOffset.UTC))
                    .crawl(CrawlOptions.due(), CrawlListener.NONE);
        }
    }

    @Test
    void aHostsNextFeedIsFetchedWhileItsLastOneIsRead() throws Exception {
        List<String> fetched = new CopyOnWriteArrayList<>();
        CountDownLatch secondFetched = new CountDownLatch(1);
        Fetch fetch = r -> {
            fetched.add(r.url().getPath());
            if (fetched.size() == 2) {
                secondFetched.countDown();
            }
            return new FetchResponse(r.url(), r.url(), 200, "<rss/>".getBytes(StandardCharsets.UTF_8),
                    "application/rss+xml", null, null, null, 1);
        };
        SourceReader reader = (source, response) -> {
            try {
                if (source.id().equals("a") && !secondFetched.await(10, TimeUnit.SECONDS)) {
                    throw new SourceReadException("the host's next feed was not fetched while this one was read", null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SourceReader.Reading(List.of(), List.of());
        };

        CrawlReport report = crawl(List.of(TestSources.feed("a", "https://one.example/a"), TestSources.feed("b", "https://one.example/b")), fetch, reader);

        assertEquals(List.of("/a", "/b"), fetched, "one request per feed, in the host's order");
        for (SourceReport r : report.sources()) {
            assertEquals(Outcome.EMPTY, r.outcome(), r.sourceId() + ": " + r.error());
        }
    }

    @Test
    void aFailedFetchIsReportedAsWhenItWasReadAtOnce() throws Exception {
        Fetch fetch = r -> {
            if (r.url().getPath().equals("/gone")) {
                throw new FetchException(FetchException.Kind.GONE, r.url(), 404, null, r.url() + ": HTTP 404", null);
            }
            throw new IllegalStateException("a bug in the fetch layer");
        };
        SourceReader reader = (source, response) -> new SourceReader.Reading(List.of(), List.of());

        CrawlReport report = crawl(List.of(TestSources.feed("gone", "https://one.example/gone"), TestSources.feed("bug", "https://one.example/bug")),
                fetch, reader);

        SourceReport gone = report.sources().get(0);
        assertEquals(Outcome.GONE, gone.outcome(), gone.error());
        SourceReport bug = report.sources().get(1);
        assertEquals(Outcome.PARSE_ERROR, bug.outcome(), "a bug is the source's failure, as before: " + bug.error());
    }
}
