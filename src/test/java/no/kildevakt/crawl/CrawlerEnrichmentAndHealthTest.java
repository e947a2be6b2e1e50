package no.kildevakt.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.kildevakt.config.Config;
import no.kildevakt.config.Section;
import no.kildevakt.config.Settings;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;
import no.kildevakt.fetch.AcceptHeaders;
import no.kildevakt.fetch.Fetch;
import no.kildevakt.fetch.FetchException;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.item.UrlCanonicalizer;
import no.kildevakt.read.json.JsonReader;
import no.kildevakt.store.ItemQuery;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.SourceState;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoredItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrichment between read and store, and the health warnings of scraped listings, through the whole crawl loop. */
class CrawlerEnrichmentAndHealthTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final String LISTING = "https://ec.test/api/news";

    @TempDir
    Path dir;

    /** The scripted web: body by URL; 304 when the body is null; every request recorded. */
    private final Map<String, String> web = new ConcurrentHashMap<>();
    private final List<String> requested = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> accepted = new ConcurrentHashMap<>();

    private final Fetch fetch = request -> {
        String url = request.url().toString();
        requested.add(url);
        accepted.put(url, request.acceptHeader());
        if (!web.containsKey(url)) {
            throw new FetchException(FetchException.Kind.GONE, request.url(), 404, null, url + ": HTTP 404", null);
        }
        String body = web.get(url);
        if (body.equals("304")) {
            return new FetchResponse(request.url(), request.url(), 304, new byte[0], null, null, null, null, 1);
        }
        String type = url.equals(LISTING) ? "application/json" : "text/html; charset=utf-8";
        return new FetchResponse(request.url(), request.url(), 200, body.getBytes(StandardCharsets.UTF_8), type, null, null, null, 1);
    };

    private static SourceConfig listing() {
        return new SourceConfig("ec", "EC", URI.create(LISTING), SourceType.JSON, "norske",
                Map.of("items", "hits", "title", "t", "link", "u", "date", "d", "summary", "s"), Optional.empty(), 1.0, 1);
    }

    private Crawler crawler(Store store) {
        Config config = new Config(Path.of("feeds.yml"), Settings.defaults(),
                List.of(new Section("norske", "Norske", false)), List.of(), List.of(listing()));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new Crawler(config, store, fetch,
                Map.of(SourceType.JSON, new JsonReader(s -> false, new ItemNormalizer(), new UrlCanonicalizer(), clock)), clock);
    }

    private static String hit(String path, String date, String summary) {
        return "{\"t\":\"Title " + path + "\",\"u\":\"https://ec.test" + path + "\""
                + (date == null ? "" : ",\"d\":\"" + date + "\"") + (summary == null ? "" : ",\"s\":\"" + summary + "\"") + "}";
    }

    private static String hits(String... hits) {
        return "{\"hits\":[" + String.join(",", hits) + "]}";
    }

    private static String article(String date, String description) {
        return "<html><head><meta property=\"article:published_time\" content=\"" + date + "\">"
                + "<meta name=\"description\" content=\"" + description + "\"></head><body></body></html>";
    }

    private SourceReport crawl(Store store) throws Exception {
        return crawler(store).crawl(new CrawlOptions(true, java.util.Set.of()), CrawlListener.NONE).sources().get(0);
    }

    private StoredItem stored(Store store, String path) throws Exception {
        return store.items().list(ItemQuery.all()).stream().filter(i -> i.url().equals("https://ec.test" + path)).findFirst().orElseThrow();
    }

    @Test
    void newItemsLackingFieldsAreEnrichedOnceAndKnownOnesNeverAgain() throws Exception {
        web.put(LISTING, hits(hit("/a", "2026-11-20", "Has all"), hit("/b", "2026-11-21", null), hit("/c", null, "No date")));
        web.put("https://ec.test/b", article("2026-01-01", "B from its page"));
        web.put("https://ec.test/c", article("2026-11-22T10:00:00+01:00", "Not used"));
        try (Store store = Store.open(dir.resolve("k.db"))) {
            SourceReport first = crawl(store);
            assertEquals(Outcome.OK, first.outcome());
            assertEquals(List.of(LISTING, "https://ec.test/b", "https://ec.test/c"), requested);
            assertEquals(Map.of(LISTING, AcceptHeaders.JSON, "https://ec.test/b", AcceptHeaders.HTML, "https://ec.test/c", AcceptHeaders.HTML),
                    accepted, "the listing asked for as JSON, the pages it names as pages");
            assertEquals(List.of(), first.warnings());
            assertEquals("B from its page", stored(store, "/b").summary());
            assertEquals(Instant.parse("2026-11-20T23:00:00Z"), stored(store, "/b").published(), "the listing's date is kept");
            assertEquals(Instant.parse("2026-11-22T09:00:00Z"), stored(store, "/c").published());
            assertEquals("No date", stored(store, "/c").summary());

            requested.clear();
            web.put(LISTING, hits(hit("/a", "2026-11-20", "Has all"), hit("/b", "2026-11-21", null), hit("/c", null, "No date"),
                    hit("/d", "2026-11-25", null)));
            web.put("https://ec.test/d", article("2026-11-25", "D"));
            crawl(store);
            assertEquals(List.of(LISTING, "https://ec.test/d"), requested, "only the new item's page");
        }
    }

    @Test
    void aFailedEnrichmentIsAWarningNotAFailure() throws Exception {
        web.put(LISTING, hits(hit("/gone", "2026-11-20", null)));
        try (Store store = Store.open(dir.resolve("k.db"))) {
            SourceReport report = crawl(store);
            assertEquals(Outcome.OK, report.outcome());
            assertEquals(1, report.newItems());
            assertEquals(List.of("enrich: https://ec.test/gone: HTTP 404"), report.warnings());
            assertEquals("ec: enrich: https://ec.test/gone: HTTP 404", report.warning());
            assertEquals(List.of("enrich: https://ec.test/gone: HTTP 404"), store.sources().state("ec").roundWarnings());
            assertNull(store.sources().state("ec").error());
        }
    }

    @Test
    void aListingWhoseItemsLoseTheirDatesIsAWarningUntilTheyComeBack() throws Exception {
        web.put("https://ec.test/a", article("2026-11-20", "A"));
        web.put("https://ec.test/b", article("2026-11-21", "B"));
        web.put("https://ec.test/c", article("2026-11-22", "C"));
        try (Store store = Store.open(dir.resolve("k.db"))) {
            web.put(LISTING, hits(hit("/a", "2026-11-20", "s"), hit("/b", "2026-11-21", "s"), hit("/c", "2026-11-22", "s")));
            assertEquals(List.of(), crawl(store).warnings());

            // the site renamed its date field: the path finds nothing
            web.put(LISTING, "{\"hits\":[{\"t\":\"Title /a\",\"u\":\"https://ec.test/a\",\"datum\":\"2026-11-20\",\"s\":\"s\"},"
                    + "{\"t\":\"Title /b\",\"u\":\"https://ec.test/b\",\"datum\":\"2026-11-21\",\"s\":\"s\"},"
                    + "{\"t\":\"Title /c\",\"u\":\"https://ec.test/c\",\"d\":\"2026-11-22\",\"s\":\"s\"}]}");
            SourceReport report = crawl(store);
            String expected = "2 of 3 items have no date; the listing's layout may have changed (check select.date)";
            assertEquals(List.of(expected), report.warnings());
            SourceState state = store.sources().state("ec");
            assertEquals(List.of(expected), state.roundWarnings());
            assertEquals(expected, HealthRules.warning(state));
            assertNull(state.error());

            // content unchanged (304): the warning stands
            web.put(LISTING, "304");
            assertEquals(Outcome.NOT_MODIFIED, crawl(store).outcome());
            assertEquals(List.of(expected), store.sources().state("ec").roundWarnings());

            web.put(LISTING, hits(hit("/a", "2026-11-20", "s"), hit("/b", "2026-11-21", "s"), hit("/c", "2026-11-22", "s")));
            assertEquals(List.of(), crawl(store).warnings());
            assertNull(HealthRules.warning(store.sources().state("ec")), "a good round clears it");
        }
    }

    @Test
    void aListingThatSuddenlyYieldsNothingIsAWarning() throws Exception {
        try (Store store = Store.open(dir.resolve("k.db"))) {
            web.put(LISTING, hits(hit("/a", "2026-11-20", "s")));
            crawl(store);
            web.put(LISTING, hits());
            SourceReport report = crawl(store);
            assertEquals(Outcome.EMPTY, report.outcome());
            String quiet = "yielded no items, though it has yielded up to 1 before; its layout or URL may have changed";
            assertEquals(List.of(quiet), report.warnings());
            assertEquals(quiet, HealthRules.warning(store.sources().state("ec")));
        }
    }

    @Test
    void aFailedRoundKeepsItsErrorApartFromWarnings() throws Exception {
        try (Store store = Store.open(dir.resolve("k.db"))) {
            web.put(LISTING, "{\"nothits\":[]}");
            SourceReport report = crawl(store);
            assertEquals(Outcome.PARSE_ERROR, report.outcome());
            assertEquals(List.of(), report.warnings());
            SourceState state = store.sources().state("ec");
            assertTrue(state.error().contains("select.items \"hits\": no field \"hits\""), state.error());
            assertEquals(List.of(), state.roundWarnings());
            assertNull(HealthRules.warning(state));
        }
    }
}
