package no.kildevakt.read.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.item.Item;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.item.UrlCanonicalizer;
import no.kildevakt.read.SourceReadException;
import no.kildevakt.read.SourceReader.Reading;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-12-10T12:00:00Z"), ZoneOffset.UTC);
    private final JsonReader reader = new JsonReader("arrangementer"::equals, new ItemNormalizer(), new UrlCanonicalizer(), CLOCK);

    private static SourceConfig source(String url, String section, boolean dateFromUrl, String... select) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < select.length; i += 2) {
            map.put(select[i], select[i + 1]);
        }
        return new SourceConfig("test", "Test", URI.create(url), SourceType.JSON, section, map, Optional.empty(), 1.0, 1,
                dateFromUrl, 1, false);
    }

    private static FetchResponse response(String url, byte[] body, String contentType) {
        return new FetchResponse(URI.create(url), URI.create(url), 200, body, contentType, null, null, null, 1);
    }

    private static FetchResponse resource(String name, String url, String contentType) throws IOException {
        try (InputStream in = JsonReaderTest.class.getResourceAsStream(name)) {
            return response(url, in.readAllBytes(), contentType);
        }
    }

    private static FetchResponse text(String body, String url) {
        return response(url, body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    // --- the real structures (SOURCES.md), hand-made -------------------------------------------

    @Test
    void europolServerDataWithEpochSeconds() throws Exception {
        String page = "https://www.europol.europa.eu/media-press/newsroom";
        Reading reading = reader.read(source(page, "internasjonalt", false, "script", "window.SERVER_DATA",
                "items", "NodeLoader.node.lists[0].items", "title", "title", "link", "alias", "date", "published",
                "summary", "introduction"), resource("europol-newsroom.html", page, "text/html; charset=utf-8"));
        List<Item> items = reading.items();
        assertEquals(4, items.size(), items.toString());
        Item first = items.get(0);
        assertEquals("26 arrests in action day against labour exploitation & trafficking", first.title());
        assertEquals("https://www.europol.europa.eu/media-press/newsroom/news/26-arrests-in-action-day-against-labour-exploitation", first.url());
        assertEquals("url:" + first.url(), first.dedupeKey());
        assertEquals(Instant.parse("2024-12-06T12:00:00Z"), first.published());
        assertEquals("Law enforcement from 14 countries targeted networks trafficking workers.", first.summary());
        assertNull(first.eventDate(), "not an events section");
        // a relative alias without a leading slash resolves like a browser would; tracking parameters go
        assertEquals("https://www.europol.europa.eu/media-press/media-press/newsroom/news/empact-thb-results-2024", items.get(2).url());
        assertEquals(Instant.parse("2024-11-28T12:00:00Z"), items.get(2).published(), "epoch seconds as a string");
        assertEquals("", items.get(2).summary());
        assertEquals(Instant.parse("2024-11-26T05:46:40Z"), items.get(3).published(), "epoch milliseconds");
        assertEquals(List.of("1 of 5 items: skipped, no title at \"title\" ([3])"), reading.warnings());
    }

    @Test
    void stortingetDotNetDatesAndALinkTemplate() throws Exception {
        String url = "https://data.stortinget.no/eksport/saker?sesjonid=2025-2026&format=json";
        Reading reading = reader.read(source(url, "norske", false, "items", "saker_liste", "title", "tittel",
                "link", "https://www.stortinget.no/no/Saker-og-publikasjoner/Saker/Sak/?p={id}",
                "date", "sist_oppdatert_dato", "summary", "henvisning"), resource("stortinget-saker.json", url, "application/json"));
        List<Item> items = reading.items();
        assertEquals(3, items.size());
        assertEquals("https://www.stortinget.no/no/Saker-og-publikasjoner/Saker/Sak/?p=104512", items.get(0).url());
        assertEquals("Endringer i straffeloven mv. (styrket innsats mot menneskehandel)", items.get(0).title());
        assertEquals("Prop. 5 S (2025-2026)", items.get(0).summary());
        assertEquals(Instant.parse("2026-08-20T10:50:52.180Z"), items.get(0).published());
        assertEquals(Instant.parse("2026-08-18T23:16:40Z"), items.get(1).published());
        assertNull(items.get(2).published(), "a null date is no date, and no warning");
        assertEquals(List.of(), reading.warnings());
    }

    @Test
    void eventSectionsKeepTheDayTheSourceStated() throws Exception {
        String url = "https://data.stortinget.no/eksport/saker?format=json";
        Reading reading = reader.read(source(url, "arrangementer", false, "items", "saker_liste", "title", "tittel",
                "link", "https://www.stortinget.no/sak?p={id}", "date", "sist_oppdatert_dato"),
                resource("stortinget-saker.json", url, "application/json"));
        // 23:16:40 UTC is 01:16:40 at the +0200 the API states: the 19th, not the 18th
        assertEquals(LocalDate.of(2026, 8, 19), reading.items().get(1).eventDate());
        assertNull(reading.items().get(2).eventDate());
    }

    @Test
    void nkvtsAlgoliaHits() throws Exception {
        String url = "https://a4eox51zo9-dsn.algolia.net/1/indexes/wp_searchable_posts?query=";
        Reading reading = reader.read(source(url, "norske", false, "items", "hits", "title", "post_title",
                "link", "permalink", "date", "post_date", "summary", "post_excerpt"), resource("nkvts-algolia.json", url, "application/json"));
        List<Item> items = reading.items();
        assertEquals(2, items.size());
        assertEquals(Instant.parse("2024-11-28T08:30:00Z"), items.get(0).published(), "a time without zone is Oslo time");
        assertEquals("NKVTS har kartlagt «hjelpetiltak» for utsatte.", items.get(0).summary());
        assertEquals(Instant.parse("2024-11-18T09:00:00Z"), items.get(1).published());
        assertEquals(List.of("1 of 3 items: skipped, the link at \"permalink\" is no http(s) URL ([2])"), reading.warnings());
    }

    @Test
    void nextDataScriptElementAndDatesFromUrls() throws Exception {
        String page = "https://www.politiet.no/aktuelt-tall-og-fakta/aktuelt/";
        for (String script : List.of("#__NEXT_DATA__", "__NEXT_DATA__")) {
            Reading reading = reader.read(source(page, "norske", true, "script", script, "items", "props.pageProps.news",
                    "title", "heading", "link", "url", "date", "date", "summary", "ingress"), resource("next-data.html", page, "text/html"));
            List<Item> items = reading.items();
            assertEquals(2, items.size());
            assertEquals("https://www.politiet.no/aktuelt-tall-og-fakta/nyheter/2024/12/06/politiet-styrker-innsatsen/", items.get(0).url());
            assertEquals(Instant.parse("2024-12-05T23:00:00Z"), items.get(0).published(), "6. desember 2024, start of day in Oslo");
            assertEquals(Instant.parse("2024-11-19T23:00:00Z"), items.get(1).published(), "no date field: the URL's date");
        }
    }

    @Test
    void jsonParseOfAStringLiteral() throws Exception {
        String page = "https://example.test/news/";
        Reading reading = reader.read(source(page, "norske", false, "script", "config", "items", "items",
                "title", "t", "link", "u", "date", "d"), resource("next-data.html", page, "text/html"));
        assertEquals(1, reading.items().size());
        assertEquals("https://example.test/a/b", reading.items().get(0).url());
        assertEquals(Instant.parse("2024-12-01T09:00:00Z"), reading.items().get(0).published());
    }

    @Test
    void aDocumentThatIsAListNeedsNoItemsPath() throws Exception {
        Reading reading = reader.read(source("https://x.test/api", "norske", false, "title", "t", "link", "u"),
                text("[{\"t\":\"A\",\"u\":\"/a\"},{\"t\":\"B\",\"u\":\"https://x.test/b\"}]", "https://x.test/api"));
        assertEquals(List.of("https://x.test/a", "https://x.test/b"), reading.items().stream().map(Item::url).toList());
    }

    @Test
    void anEmptyListIsNoError() throws Exception {
        Reading reading = reader.read(source("https://x.test/api", "norske", false, "items", "hits", "title", "t", "link", "u"),
                text("{\"hits\":[]}", "https://x.test/api"));
        assertTrue(reading.items().isEmpty());
    }

    @Test
    void undatedItemsGetADateFromTheirUrlOnlyWhenAsked() throws Exception {
        String body = "[{\"t\":\"A\",\"u\":\"/2024/12/06/a/\"}]";
        assertNull(reader.read(source("https://x.test/", "norske", false, "title", "t", "link", "u"), text(body, "https://x.test/"))
                .items().get(0).published());
        assertEquals(Instant.parse("2024-12-05T23:00:00Z"), reader.read(source("https://x.test/", "norske", true, "title", "t", "link", "u"),
                text(body, "https://x.test/")).items().get(0).published());
    }

    @Test
    void datesNotUnderstoodAreWarnings() throws Exception {
        Reading reading = reader.read(source("https://x.test/", "norske", false, "title", "t", "link", "u", "date", "d"),
                text("[{\"t\":\"A\",\"u\":\"/a\",\"d\":\"i går\"},{\"t\":\"B\",\"u\":\"/b\",\"d\":{\"x\":1}}]", "https://x.test/"));
        assertEquals(2, reading.items().size());
        assertNull(reading.items().get(0).published());
        assertEquals(List.of("2 of 2 items: date not understood at \"d\" ([0], [1])"), reading.warnings());
    }

    // --- failures: one line naming the path ---------------------------------------------------

    private String failure(SourceConfig source, FetchResponse response) {
        SourceReadException e = assertThrows(SourceReadException.class, () -> reader.read(source, response));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aWrongItemsPathSaysWhereItStopped() throws Exception {
        String page = "https://www.europol.europa.eu/media-press/newsroom";
        String message = failure(source(page, "x", false, "script", "window.SERVER_DATA", "items", "NodeLoader.node.list[0].items",
                "title", "title", "link", "alias"), resource("europol-newsroom.html", page, "text/html"));
        assertEquals("select.items \"NodeLoader.node.list[0].items\": at \"NodeLoader.node\": no field \"list\" in an object with fields title, lists",
                message);
        assertEquals("select.items \"a[2]\": at \"a\": no item [2] in a list of 1",
                failure(source("https://x.test/", "x", false, "items", "a[2]", "title", "t", "link", "u"), text("{\"a\":[1]}", "https://x.test/")));
        assertEquals("select.items \"a.b\": at \"a\": expected an object with field \"b\", found a list of 1",
                failure(source("https://x.test/", "x", false, "items", "a.b", "title", "t", "link", "u"), text("{\"a\":[1]}", "https://x.test/")));
    }

    @Test
    void anObjectWhereTheItemsShouldBe() {
        assertEquals("select.items \"\": expected a list of items, found an object with fields hits, page (set select.items to the path of the list)",
                failure(source("https://x.test/", "x", false, "title", "t", "link", "u"), text("{\"hits\":[],\"page\":0}", "https://x.test/")));
    }

    @Test
    void htmlWhereJsonWasExpected() {
        String message = failure(source("https://x.test/", "x", false, "items", "a", "title", "t", "link", "u"),
                response("https://x.test/", "<html><body>Moved</body></html>".getBytes(StandardCharsets.UTF_8), "text/html"));
        assertEquals("expected JSON, got an HTML or XML page (text/html); for JSON embedded in a page's script, set select.script", message);
    }

    @Test
    void brokenJson() {
        String message = failure(source("https://x.test/", "x", false, "items", "a", "title", "t", "link", "u"), text("{\"a\": [1, 2}", "https://x.test/"));
        assertTrue(message.startsWith("not valid JSON: ") && message.contains("line 1, column"), message);
    }

    @Test
    void missingOrBrokenScript() throws Exception {
        String page = "https://www.europol.europa.eu/media-press/newsroom";
        assertEquals("select.script \"window.NOPE\": no assignment to it in the page's 3 script element(s), and no element with that id",
                failure(source(page, "x", false, "script", "window.NOPE", "items", "a", "title", "t", "link", "u"),
                        resource("europol-newsroom.html", page, "text/html")));
        String broken = "<script>window.X = {\"a\": [1, }}; </script>";
        assertTrue(failure(source(page, "x", false, "script", "window.X", "items", "a", "title", "t", "link", "u"),
                response(page, broken.getBytes(StandardCharsets.UTF_8), "text/html")).startsWith("select.script \"window.X\": the value assigned is not JSON: "));
        assertEquals("select.script \"#data\": no element with id \"data\" in the page",
                failure(source(page, "x", false, "script", "#data", "items", "a", "title", "t", "link", "u"),
                        response(page, "<p>x</p>".getBytes(StandardCharsets.UTF_8), "text/html")));
    }

    @Test
    void noReadableItemAtAllIsAnError() throws Exception {
        String url = "https://data.stortinget.no/eksport/saker";
        assertEquals("select.items \"saker_liste\" finds 3 items, but none could be read: 3 of 3 items: skipped, no title at \"titel\" ([0], [1], [2])",
                failure(source(url, "x", false, "items", "saker_liste", "title", "titel", "link", "https://x.test/{id}"),
                        resource("stortinget-saker.json", url, "application/json")));
    }

    @Test
    void aMalformedPathIsAConfigurationError() {
        assertEquals("select.items: path \"a[x]\": [x] is no list index (use [0], [1], ...)",
                failure(source("https://x.test/", "x", false, "items", "a[x]", "title", "t", "link", "u"), text("{}", "https://x.test/")));
    }

    // --- issue 9: hostile documents get one clear line, not a NullPointerException -------------

    @Test
    void jsonNestedTooDeeplyNamesTheCause() {
        String deep = "{\"a\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        String message = failure(source("https://x.test/", "x", false, "items", "a", "title", "t", "link", "u"), text(deep, "https://x.test/"));
        assertEquals("not valid JSON: nested deeper than " + JsonReader.MAX_NESTING + " levels at line 1, column "
                + (7 + JsonReader.MAX_NESTING), message);
    }

    @Test
    void aHugeNumberNamesTheCause() {
        String huge = "[{\"t\": \"A\", \"u\": \"https://x.test/a\", \"n\": " + "9".repeat(5_000) + "}]";
        String message = failure(source("https://x.test/", "x", false, "title", "t", "link", "u"), text(huge, "https://x.test/"));
        assertTrue(message.startsWith("not valid JSON: a number of over " + JsonReader.MAX_NUMBER_LENGTH + " digits at line 1, column "),
                message);
    }

    @Test
    void embeddedJsonNestedTooDeeplyNamesTheCause() {
        String page = "https://x.test/";
        String html = "<script>window.X = {\"a\": " + "[".repeat(10_000) + "]".repeat(10_000) + "};</script>";
        String message = failure(source(page, "x", false, "script", "window.X", "items", "a", "title", "t", "link", "u"),
                response(page, html.getBytes(StandardCharsets.UTF_8), "text/html"));
        assertTrue(message.startsWith("select.script \"window.X\": the value assigned is not JSON: nested deeper than "
                + JsonReader.MAX_NESTING + " levels"), message);
        String inElement = "<script type='application/json' id='d'>" + "[".repeat(10_000) + "</script>";
        assertEquals("select.script \"#d\": the element's text is not JSON: nested deeper than " + JsonReader.MAX_NESTING + " levels",
                failure(source(page, "x", false, "script", "#d", "items", "a", "title", "t", "link", "u"),
                        response(page, inElement.getBytes(StandardCharsets.UTF_8), "text/html")));
    }
}
