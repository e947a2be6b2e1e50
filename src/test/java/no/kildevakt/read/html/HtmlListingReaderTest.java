package no.kildevakt.read.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.kildevakt.config.Settings;
import no.kildevakt.fetch.AcceptHeaders;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.fetch.Fetcher;
import no.kildevakt.fetch.FetcherOptions;
import no.kildevakt.item.Item;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.read.SourceReadException;
import no.kildevakt.read.SourceReader;
import org.junit.jupiter.api.Test;

/** Listing pages read with configured selectors: fields, links, fallbacks, warnings, pages, charsets. */
class HtmlListingReaderTest {
    private static final String PAGE = "https://www.example.no/aktuelt/nyheter/";

    private static Map<String, String> select(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static SourceReader.Reading read(String html, Map<String, String> select) throws SourceReadException {
        return read(html, select, false, "norske");
    }

    private static SourceReader.Reading read(String html, Map<String, String> select, boolean dateFromUrl, String section)
            throws SourceReadException {
        return Fixtures.reader(Set.of("arrangementer"))
                .read(Fixtures.source("t", URI.create(PAGE), section, select, dateFromUrl, 1), Fixtures.html(PAGE, html));
    }

    @Test
    void readsTitleLinkDateAndSummaryWithSelectorsNorwegian() throws Exception {
        String html = """
                <ul><li class="listItem"><a href="/no/dokumenter/horing/id3040123/">Høring – endringer i straffeloven</a>
                <span class="date">17.07.2026</span><p class="excerpts">Departementet sender på h&#xF8;ring.</p></li>
                <li class="listItem"><a href="/no/dokumenter/nou/id3040124/?utm_source=rss">NOU 2026: 5 Menneskehandel</a>
                <span class="date">03.07.2026</span><p class="excerpts">Utvalget har levert.</p></li></ul>""";
        List<Item> items = read(html, select("item", "li.listItem", "title", "a", "link", "a", "date", "span.date", "summary", "p.excerpts")).items();
        assertEquals(2, items.size());
        Item first = items.get(0);
        assertEquals("Høring – endringer i straffeloven", first.title());
        assertEquals("https://www.example.no/no/dokumenter/horing/id3040123/", first.url());
        assertEquals("url:https://www.example.no/no/dokumenter/horing/id3040123/", first.dedupeKey());
        assertEquals(LocalDate.of(2026, 7, 17), Fixtures.day(first));
        assertEquals("Departementet sender på høring.", first.summary());
        assertNull(first.guid());
        assertNull(first.eventDate());
        assertEquals("https://www.example.no/no/dokumenter/nou/id3040124/", items.get(1).url(), "tracking parameters go");
    }

    @Test
    void readsSwedishDanishAndEnglishDates() throws Exception {
        String html = """
                <div class="n"><h3><a href="/nyhet/a/">Ny handlingsplan</a></h3><p class="d">Publiceringsdatum: 15 mars 2023</p></div>
                <div class="n"><h3><a href="/nyheder/b">Årsrapport om menneskehandel</a></h3><p class="d">Senest opdateret 11-05-2021</p></div>
                <div class="n"><h3><a href="/news/c">GRETA report</a></h3><p class="d">Publishing date: 6 June 2023</p></div>
                <div class="n"><h3><a href="/-/d">HEUNI news</a></h3><p class="d">13.3.2024 | News item</p></div>""";
        List<Item> items = read(html, select("item", "div.n", "title", "h3", "date", "p.d")).items();
        assertEquals(List.of(LocalDate.of(2023, 3, 15), LocalDate.of(2021, 5, 11), LocalDate.of(2023, 6, 6), LocalDate.of(2024, 3, 13)),
                items.stream().map(Fixtures::day).toList());
    }

    @Test
    void resolvesRelativeAbsoluteParentAndBaseLinks() throws Exception {
        String html = """
                <html><head><base href="https://cdn.example.org/arkiv/2024/"></head><body>
                <li><a href="artikkel-1/">Relativ</a></li>
                <li><a href="../2023/artikkel-2/">Forelder</a></li>
                <li><a href="/rot/artikkel-3">Rot</a></li>
                <li><a href="https://annen.example.com/x">Absolutt</a></li>
                <li><a href="//proto.example.net/y">Protokollrelativ</a></li>
                <li><a href="javascript:void(0)">Skript</a></li>
                <li><a href="mailto:a@b.no">Epost</a></li>
                </body></html>""";
        SourceReader.Reading r = read(html, select("item", "li"));
        assertEquals(List.of("https://cdn.example.org/arkiv/2024/artikkel-1/", "https://cdn.example.org/arkiv/2023/artikkel-2/",
                "https://cdn.example.org/rot/artikkel-3", "https://annen.example.com/x", "https://proto.example.net/y"),
                r.items().stream().map(Item::url).toList());
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("2 of 7 items skipped: no http(s) link")), r.warnings().toString());
    }

    @Test
    void withoutBaseLinksResolveAgainstThePage() throws Exception {
        List<Item> items = read("<li><a href='../eldre/sak'>Eldre sak</a></li><li><a href='sak-2'>Sak 2</a></li>",
                select("item", "li")).items();
        assertEquals(List.of("https://www.example.no/aktuelt/eldre/sak", "https://www.example.no/aktuelt/nyheter/sak-2"),
                items.stream().map(Item::url).toList());
    }

    @Test
    void missingTitleOrLinkSkipsTheItemWithOneWarningPerCause() throws Exception {
        String html = """
                <div class="i"><h3><a href="/a">Har alt</a></h3></div>
                <div class="i"><h3></h3><a href="/b"></a></div>
                <div class="i"><h3>Uten lenke</h3></div>
                <div class="i"><h3>Heller ingen lenke</h3></div>""";
        SourceReader.Reading r = read(html, select("item", "div.i", "title", "h3"));
        assertEquals(List.of("Har alt"), r.items().stream().map(Item::title).toList());
        assertEquals(3, r.warnings().stream().filter(w -> w.contains("skipped")).mapToInt(w -> Integer.parseInt(w.substring(0, 1))).sum());
        assertTrue(r.warnings().contains("no item shows a date (set select.date, or date_from_url: true if links carry dates)"), r.warnings().toString());
    }

    @Test
    void fallsBackToHeadingLinkTimeAndParagraph() throws Exception {
        String html = """
                <article><span class="kategori"><a href="/tema/x">Tema</a></span>
                <h2><a href="/sak/1">Tittelen fra overskriften</a></h2>
                <time datetime="2024-12-06T10:15:00+01:00">fredag</time>
                <p>En ingress som er lang nok til å være et sammendrag av saken.</p></article>
                <article><h2><a href="/sak/2">Andre sak</a></h2><p>Publisert 5. desember 2024</p>
                <p>Enda en ingress som er lang nok til å være et sammendrag.</p></article>""";
        List<Item> items = read(html, select("item", "article")).items();
        assertEquals("Tittelen fra overskriften", items.get(0).title());
        assertEquals("https://www.example.no/sak/1", items.get(0).url());
        assertEquals(java.time.Instant.parse("2024-12-06T09:15:00Z"), items.get(0).published());
        assertEquals("En ingress som er lang nok til å være et sammendrag av saken.", items.get(0).summary());
        assertEquals(LocalDate.of(2024, 12, 5), Fixtures.day(items.get(1)));
        assertEquals("Enda en ingress som er lang nok til å være et sammendrag.", items.get(1).summary());
    }

    @Test
    void dateFromUrlOnlyWhenTheListingShowsNone() throws Exception {
        String html = """
                <li><a href="/nyheter/2024/12/06/kripos/">Kripos</a></li>
                <li><a href="/news/ec-2024-12-18_en">EC</a></li>
                <li><a href="/nyheter/2024/11/01/vist/">Vist dato</a> <span>02.11.2024</span></li>""";
        List<Item> with = read(html, select("item", "li", "title", "a"), true, "norske").items();
        assertEquals(List.of(LocalDate.of(2024, 12, 6), LocalDate.of(2024, 12, 18), LocalDate.of(2024, 11, 2)),
                with.stream().map(Fixtures::day).toList());
        List<Item> without = read(html, select("item", "li", "title", "a"), false, "norske").items();
        assertNull(without.get(0).published());
    }

    @Test
    void eventsSectionKeepsTheStartOfARangeAsEventDate() throws Exception {
        String html = "<tr><td class='d'>15.–16. januar 2025</td><td><a href='/kurs/a'>Kurs A</a></td></tr>"
                + "<tr><td class='d'>4. februar 2025</td><td><a href='/kurs/b'>Kurs B</a></td></tr>";
        String table = "<table>" + html + "</table>";
        List<Item> events = read(table, select("item", "tr", "date", "td.d"), false, "arrangementer").items();
        assertEquals(List.of(LocalDate.of(2025, 1, 15), LocalDate.of(2025, 2, 4)), events.stream().map(Item::eventDate).toList());
        List<Item> news = read(table, select("item", "tr", "date", "td.d"), false, "norske").items();
        assertNull(news.get(0).eventDate());
        assertEquals(LocalDate.of(2025, 1, 15), Fixtures.day(news.get(0)));
    }

    @Test
    void anItemSelectorThatMatchesNothingIsAWarningNotAnError() throws Exception {
        SourceReader.Reading r = read("<div><a href='/x'>X</a></div>", select("item", "li.x"));
        assertTrue(r.items().isEmpty());
        assertEquals(List.of("selector item 'li.x' matched nothing (has the page layout changed?)"), r.warnings());
    }

    @Test
    void anInvalidSelectorIsAOneLineReadError() {
        SourceReadException e = assertThrows(SourceReadException.class, () -> read("<li></li>", select("item", "li[", "title", "a")));
        assertTrue(e.getMessage().startsWith("selector item 'li[' is not valid CSS"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void aDateThatCannotBeReadIsReportedOnce() throws Exception {
        SourceReader.Reading r = read("<li><a href='/a'>A</a><span>snart</span></li><li><a href='/b'>B</a><span>i morgen</span></li>",
                select("item", "li", "date", "span"));
        assertEquals(2, r.items().size());
        assertTrue(r.warnings().contains("2 of 2 dates not understood, e.g. 'snart'"), r.warnings().toString());
    }

    @Test
    void decodesByMetaCharsetAndHeader() throws Exception {
        String html = "<meta charset=\"iso-8859-1\"><li><a href='/a'>Barnevern på Østlandet</a><span>17. desember 2024</span></li>";
        byte[] latin1 = html.getBytes(Charset.forName("ISO-8859-1"));
        FetchResponse noHeader = new FetchResponse(URI.create(PAGE), URI.create(PAGE), 200, latin1, "text/html", null, null, null, 1);
        SourceReader.Reading r = Fixtures.reader(Set.of()).read(Fixtures.source("t", URI.create(PAGE), "norske", select("item", "li"), false, 1), noHeader);
        assertEquals("Barnevern på Østlandet", r.items().get(0).title());
        assertEquals(LocalDate.of(2024, 12, 17), Fixtures.day(r.items().get(0)));
    }

    @Test
    void duplicateLinksOnOnePageAreOneItem() throws Exception {
        List<Item> items = read("<li><a href='/a'>A</a></li><li><a href='/a?utm_medium=x'>A</a></li><li><a href='/b'>B</a></li>",
                select("item", "li")).items();
        assertEquals(2, items.size());
    }

    // ----------------------------------------------------------------- pagination

    @Test
    void followsNextLinksUpToPagesPolitelyAndStopsOnRepeats() throws Exception {
        List<String> requested = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String path = request.getUrl().encodedPath() + (request.getUrl().encodedQuery() == null ? "" : "?" + request.getUrl().encodedQuery());
                    requested.add(path);
                    accepted.add(request.getHeaders().get("Accept"));
                    String body = switch (path) {
                        case "/liste?side=2" -> "<li><a href='/sak/3'>Tre</a> 03.01.2025</li><a class='next' href='/liste?side=3'>Neste ›</a>";
                        case "/liste?side=3" -> "<li><a href='/sak/4'>Fire</a> 04.01.2025</li><link rel='next' href='/liste?side=2'>";
                        default -> "not found";
                    };
                    return new MockResponse.Builder().code(body.equals("not found") ? 404 : 200)
                            .addHeader("Content-Type", "text/html; charset=utf-8").body(body).build();
                }
            });
            server.start();
            Settings settings = Settings.defaults().withPerHostDelay(Duration.ZERO).withTimeout(Duration.ofSeconds(2)).withRetries(0);
            try (Fetcher fetcher = new Fetcher(settings, FetcherOptions.defaults().withObeyRobots(false))) {
                HtmlListingReader reader = new HtmlListingReader(fetcher::fetch, s -> false, new ItemNormalizer(), new ListingDetector(), Fixtures.CLOCK);
                String first = server.url("/liste").toString();
                String page1 = "<li><a href='/sak/1'>En</a> 01.01.2025</li><li><a href='/sak/2'>To</a> 02.01.2025</li>"
                        + "<nav class='pager'><a href='/liste?side=2'>Neste side</a></nav>";
                HtmlListingReader.Listing listing = reader.readListing(
                        Fixtures.source("p", URI.create(first), "norske", select("item", "li"), false, 5), Fixtures.html(first, page1));
                assertEquals(List.of("En", "To", "Tre", "Fire"), listing.items().stream().map(Item::title).toList());
                assertEquals(3, listing.pages(), "page 3 points back to page 2: a repeat, so it stops");
                assertEquals(List.of("/liste?side=2", "/liste?side=3"), requested);
                assertEquals(List.of(AcceptHeaders.HTML, AcceptHeaders.HTML), accepted, "further pages asked for as pages");

                requested.clear();
                HtmlListingReader.Listing two = reader.readListing(
                        Fixtures.source("p", URI.create(first), "norske", select("item", "li"), false, 2), Fixtures.html(first, page1));
                assertEquals(3, two.items().size());
                assertEquals(List.of("/liste?side=2"), requested, "pages: 2 reads one more page");

                requested.clear();
                String broken = "<li><a href='/sak/1'>En</a> 01.01.2025</li><a rel='next' href='/mangler'>Next</a>";
                HtmlListingReader.Listing partial = reader.readListing(
                        Fixtures.source("p", URI.create(first), "norske", select("item", "li"), false, 3), Fixtures.html(first, broken));
                assertEquals(1, partial.items().size(), "a page that fails keeps the pages before it");
                assertTrue(partial.warnings().stream().anyMatch(w -> w.startsWith("page 2 (" + server.url("/mangler") + ") not read: ")),
                        partial.warnings().toString());

                requested.clear();
                String offsite = "<li><a href='/sak/1'>En</a> 01.01.2025</li><a rel='next' href='https://elsewhere.example.com/p2'>Next</a>";
                reader.readListing(Fixtures.source("p", URI.create(first), "norske", select("item", "li"), false, 3), Fixtures.html(first, offsite));
                assertTrue(requested.isEmpty(), "next links to other hosts are not followed");
            }
        }
    }

    @Test
    void nextLinkLabelsInFourLanguages() {
        for (String label : List.of("Neste", "Nästa", "Næste", "Next", "›", "»", "Neste side ›", "next ›", "Nästa sida")) {
            assertTrue(NextPageLink.isNextLabel(label), label);
        }
        for (String label : List.of("Forrige", "‹ Previous", "Les mer", "Nyheter neste uke er her")) {
            assertTrue(!NextPageLink.isNextLabel(label), label);
        }
    }
}
