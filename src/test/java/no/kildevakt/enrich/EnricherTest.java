package no.kildevakt.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.kildevakt.config.Settings;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;
import no.kildevakt.fetch.Fetch;
import no.kildevakt.fetch.FetchException;
import no.kildevakt.fetch.FetchRequest;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.fetch.Fetcher;
import no.kildevakt.fetch.FetcherOptions;
import no.kildevakt.fetch.StandInInternet;
import no.kildevakt.item.Item;
import no.kildevakt.item.UrlCanonicalizer;
import org.junit.jupiter.api.Test;

class EnricherTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-12-10T12:00:00Z"), ZoneOffset.UTC);

    /** Pages by URL; every request is recorded. */
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final List<String> fetched = new ArrayList<>();
    private final List<FetchRequest> requests = new ArrayList<>();

    private final Fetch fetch = request -> {
        String url = request.url().toString();
        fetched.add(url);
        requests.add(request);
        String page = pages.get(url);
        if (page == null) {
            throw new FetchException(FetchException.Kind.GONE, request.url(), 404, null, url + ": HTTP 404", null);
        }
        return new FetchResponse(request.url(), request.url(), 200, page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8",
                null, null, null, 1);
    };

    private static SourceConfig source(SourceType type, boolean enrich) {
        return new SourceConfig("src", "Source", URI.create("https://site.test/news/"), type, "norske", Map.of(), Optional.empty(), 1.0, 1,
                false, 1, enrich);
    }

    private static Item item(String path, Instant published, String summary) {
        String url = "https://site.test" + path;
        return new Item("url:" + url, url, null, "Title " + path, summary, published, null, true);
    }

    private static String page(String date, String description, String canonical) {
        return "<html><head>"
                + (date == null ? "" : "<meta property=\"article:published_time\" content=\"" + date + "\">")
                + (description == null ? "" : "<meta name=\"description\" content=\"" + description + "\">")
                + (canonical == null ? "" : "<link rel=\"canonical\" href=\"" + canonical + "\">")
                + "</head><body><p>x</p></body></html>";
    }

    private Enricher enricher(int max) {
        return new Enricher(fetch, max, 600, new UrlCanonicalizer(), CLOCK);
    }

    @Test
    void fillsOnlyWhatIsMissingOfNewItems() {
        pages.put("https://site.test/a", page("2024-12-06T10:00:00+01:00", "About A.", null));
        pages.put("https://site.test/b", page("2020-01-01", "Not used: B has its own", null));
        Instant own = Instant.parse("2024-12-01T08:00:00Z");
        List<Item> items = List.of(item("/a", null, ""), item("/b", own, ""), item("/c", null, "known"));
        Enricher.Enrichment result = enricher(30).enrich(source(SourceType.HTML, false), items, i -> !i.url().endsWith("/c"));
        assertEquals(List.of("https://site.test/a", "https://site.test/b"), fetched, "the known item is not fetched");
        assertEquals(Instant.parse("2024-12-06T09:00:00Z"), result.items().get(0).published());
        assertEquals("About A.", result.items().get(0).summary());
        assertEquals(own, result.items().get(1).published(), "a date the listing gave is kept");
        assertEquals("Not used: B has its own", result.items().get(1).summary(), "only the missing summary is filled");
        assertSame(items.get(2), result.items().get(2));
        assertEquals(2, result.fetches());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void aDayWithoutTimeIsTheStartOfThatDayInOslo() {
        pages.put("https://site.test/a", "<meta name=\"DC.Date\" content=\"2026-07-17\">");
        Item enriched = enricher(30).enrich(source(SourceType.JSON, false), List.of(item("/a", null, "s")), i -> true).items().get(0);
        assertEquals(Instant.parse("2026-07-16T22:00:00Z"), enriched.published());
    }

    @Test
    void completeListingItemsAndFeedsAreLeftAloneUnlessAsked() {
        pages.put("https://site.test/a", page("2024-12-06", "About A.", null));
        Item complete = item("/a", Instant.parse("2024-12-06T00:00:00Z"), "summary");
        Item bare = item("/a", null, "");
        assertEquals(0, enricher(30).enrich(source(SourceType.HTML, false), List.of(complete), i -> true).fetches());
        assertEquals(0, enricher(30).enrich(source(SourceType.FEED, false), List.of(bare), i -> true).fetches(), "feeds: only with enrich: true");
        assertEquals(1, enricher(30).enrich(source(SourceType.FEED, true), List.of(bare), i -> true).fetches());
        assertEquals(1, enricher(30).enrich(source(SourceType.HTML, true), List.of(complete), i -> true).fetches(), "enrich: true takes all new items");
    }

    @Test
    void aSharedUrlIsFetchedOnceAndAUrlThatIdentifiesNothingNever() {
        pages.put("https://site.test/a", page("2024-12-06", "About A.", null));
        Item one = item("/a", null, "");
        Item two = new Item("url:https://site.test/a#title:other", "https://site.test/a", null, "Other", "", null, null, true);
        Item shared = new Item("k", "https://site.test/news/", null, "Shared", "", null, null, false);
        Enricher.Enrichment result = enricher(30).enrich(source(SourceType.HTML, false), List.of(one, two, shared), i -> true);
        assertEquals(List.of("https://site.test/a"), fetched);
        assertEquals("About A.", result.items().get(1).summary(), "both items with the URL get the page's fields");
        assertNull(result.items().get(2).published());
    }

    @Test
    void theBoundLimitsFetchesAndSaysHowManyWereLeft() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pages.put("https://site.test/" + i, page("2024-12-0" + (i + 1), null, null));
            items.add(item("/" + i, null, ""));
        }
        Enricher.Enrichment result = enricher(2).enrich(source(SourceType.HTML, false), items, i -> true);
        assertEquals(List.of("https://site.test/0", "https://site.test/1"), fetched, "the first (newest) items of the listing");
        assertEquals(List.of("enrich: 3 more new item(s) not looked up (at most 2 pages per source per run); they keep what the listing gave"),
                result.warnings());
        assertNull(result.items().get(4).published());
        assertEquals(0, enricher(0).enrich(source(SourceType.HTML, false), items, i -> true).fetches(), "0 turns it off");
    }

    @Test
    void aFailedFetchIsAWarningAndTheItemIsKept() {
        Item missing = item("/gone", null, "");
        Enricher.Enrichment result = enricher(30).enrich(source(SourceType.HTML, false), List.of(missing), i -> true);
        assertSame(missing, result.items().get(0));
        assertEquals(List.of("enrich: https://site.test/gone: HTTP 404"), result.warnings());
    }

    @Test
    void aPageThatBreaksTheParserCostsOnlyItsItem() {
        Fetch broken = request -> {
            throw new IllegalStateException("boom");
        };
        Item a = item("/a", null, "");
        Enricher.Enrichment result = new Enricher(broken, 30, 600, new UrlCanonicalizer(), CLOCK)
                .enrich(source(SourceType.HTML, false), List.of(a), i -> true);
        assertSame(a, result.items().get(0));
        assertTrue(result.warnings().get(0).startsWith("enrich: https://site.test/a: java.lang.IllegalStateException: boom"));
    }

    @Test
    void theCanonicalUrlReplacesTheListingsOnlyWhenItIsARealArticleAddress() {
        pages.put("https://site.test/a", page(null, "A", "https://www.site.test/articles/a?utm_source=list"));
        pages.put("https://site.test/b", page(null, "B", "https://site.test/"));
        pages.put("https://site.test/c", page(null, "C", "https://other.test/c"));
        pages.put("https://site.test/d", page(null, "D", "/news/"));
        pages.put("https://site.test/e", page(null, "E", "/same"));
        pages.put("https://site.test/f", page(null, "F", "/same"));
        List<Item> items = List.of(item("/a", null, ""), item("/b", null, ""), item("/c", null, ""), item("/d", null, ""),
                item("/e", null, ""), item("/f", null, ""));
        List<Item> out = enricher(30).enrich(source(SourceType.HTML, false), items, i -> true).items();
        assertEquals("https://www.site.test/articles/a", out.get(0).url());
        assertEquals("url:https://site.test/a", out.get(0).dedupeKey(), "the key stays, so later rounds recognise the item");
        assertEquals("https://site.test/b", out.get(1).url(), "the site's root is no article");
        assertEquals("https://site.test/c", out.get(2).url(), "another site");
        assertEquals("https://site.test/d", out.get(3).url(), "the listing page");
        assertEquals("https://site.test/e", out.get(4).url(), "one canonical for two pages");
        assertEquals("https://site.test/f", out.get(5).url());
    }

    // --- the source's address decides where its item links may lead ------------------------------

    @Test
    void eachPageIsFetchedAsALinkOfItsSource() {
        pages.put("https://site.test/a", page("2024-12-06", "About A.", null));
        enricher(30).enrich(source(SourceType.HTML, false), List.of(item("/a", null, "")), i -> true);
        assertEquals(URI.create("https://site.test/news/"), requests.get(0).origin(),
                "the fetcher judges the page by the source's address");
    }

    @Test
    void aPublicSourcesItemOnLoopbackIsNotFetched() throws Exception {
        try (MockWebServer site = new MockWebServer(); MockWebServer intranet = new MockWebServer()) {
            List<String> intranetRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
            intranet.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    intranetRequests.add(request.getTarget());
                    return new MockResponse.Builder().addHeader("Content-Type", "text/html")
                            .body(page("2024-12-06", "The router's admin page", null)).build();
                }
            });
            site.start();
            intranet.start();
            String itemUrl = "http://localhost:" + intranet.getPort() + "/item";
            Item onLoopback = new Item("url:" + itemUrl, itemUrl, null, "Title", "", null, null, true);
            URI publicSource = URI.create("http://news.example:" + site.getPort() + "/news/");
            URI loopbackSource = URI.create("http://127.0.0.1:" + site.getPort() + "/news/");

            try (Fetcher fetcher = standInFetcher()) {
                Enricher enricher = new Enricher(fetcher::fetch, 30, 600, new UrlCanonicalizer(), CLOCK);
                Enricher.Enrichment refused = enricher.enrich(source(publicSource), List.of(onLoopback), i -> true);

                assertSame(onLoopback, refused.items().get(0), "kept as the listing gave it");
                assertEquals(List.of("enrich: " + itemUrl + ": refused: link from the public source " + publicSource
                        + " to a loopback address (" + java.net.InetAddress.getByName("localhost").getHostAddress() + ")"), refused.warnings());
                assertEquals(List.of(), intranetRequests, "nothing at all is sent to the loopback address");

                Enricher.Enrichment allowed = enricher.enrich(source(loopbackSource), List.of(onLoopback), i -> true);
                assertEquals("The router's admin page", allowed.items().get(0).summary(), "a source on loopback may link there");
            }
        }
    }

    private static SourceConfig source(URI url) {
        return new SourceConfig("src", "Source", url, SourceType.HTML, "norske", Map.of(), Optional.empty(), 1.0, 1, false, 1, false);
    }

    /** The real fetcher, resolving .example names as public sites on loopback (see StandInInternet). */
    private static Fetcher standInFetcher() {
        Settings settings = Settings.defaults().withPerHostDelay(Duration.ZERO).withTimeout(Duration.ofSeconds(2)).withRetries(0);
        return new Fetcher(settings, StandInInternet.options(FetcherOptions.defaults()));
    }
}
