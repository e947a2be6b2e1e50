package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.kildevakt.fetch.AcceptHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code try} and {@code discover} end to end through {@link Main#run}, against pages served from loopback. */
class TryDiscoverTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private MockWebServer server;
    private final Map<String, MockResponse> routes = new ConcurrentHashMap<>();
    private final List<String> requested = Collections.synchronizedList(new ArrayList<>());
    /** The Accept header of each path's last request. */
    private final Map<String, String> accepted = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                requested.add(path);
                accepted.put(path, String.valueOf(request.getHeaders().get("Accept")));
                MockResponse r = routes.get(path);
                return r != null ? r : new MockResponse.Builder().code(404).body("not found").build();
            }
        });
        server.start();
        config("");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void config(String sources) throws IOException {
        Files.writeString(dir.resolve("feeds.yml"), """
                settings:
                  contact: "test@example.org"
                  per_host_delay: 10ms
                  timeout: 2s
                  retries: 0
                sections:
                  - {id: norske, title: "Norske"}
                  - {id: arrangementer, title: "Arrangementer", events: true}
                sources:
                  - {id: placeholder, url: "https://example.org/feed", section: norske}
                """ + sources);
    }

    private static MockResponse ok(String contentType, String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", contentType).body(body).build();
    }

    private static String rss(String title, String... items) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + title
                + "</title><link>https://example.org/</link>");
        for (int i = 0; i < items.length; i++) {
            sb.append("<item><title>").append(items[i]).append("</title><link>https://example.org/a/").append(i)
                    .append("</link><pubDate>Thu, 17 Sep 2026 11:00:00 +0200</pubDate></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    private static String fixture(String id) throws IOException {
        try (InputStream in = TryDiscoverTest.class.getResourceAsStream("/no/kildevakt/read/html/sources/" + id + ".html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private CliRun run(String... args) {
        return CliRun.of(dir.resolve("feeds.yml"), dir.resolve("k.db"), args);
    }

    // ------------------------------------------------------------------ try

    @Test
    void tryUrlOfAFeedPrintsItsItemsAndStoresNothing() {
        routes.put("/rss.xml", ok("application/rss+xml", rss("Nyheter", "Første sak", "Andre sak")));
        CliRun r = run("try", server.url("/rss.xml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(feed) "), r.out());
        assertTrue(r.out().contains("2 items"), r.out());
        assertTrue(r.out().contains("2026-09-17  Første sak"), r.out());
        assertFalse(r.out().contains("select:"), r.out());
        assertFalse(Files.exists(dir.resolve("k.db")), "try stores nothing");
    }

    @Test
    void tryUrlOfAListingDetectsItAndPrintsSelectorsThatValidate() throws Exception {
        routes.put("/no/dokument/", ok("text/html; charset=utf-8", fixture("reg-horinger-liste")));
        CliRun r = run("try", server.url("/no/dokument/").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(html, detected)"), r.out());
        assertTrue(r.out().contains("5 items"), r.out());
        assertTrue(r.out().contains("2026-07-17  Høring – forslag til endringer i straffeloven om menneskehandel"), r.out());
        assertTrue(r.out().contains(server.url("/no/dokumenter/horing-forslag-til-endringer-i-straffeloven/id3040123/").toString()), r.out());
        String block = r.out().substring(r.out().indexOf("    select:"));
        assertTrue(block.contains("item: \"li.listItem\""), block);

        // the printed block pins the source: pasted into feeds.yml it validates and reads the same items
        config("  - id: pinned\n    url: \"" + server.url("/no/dokument/") + "\"\n    type: html\n    section: norske\n" + block);
        assertEquals(0, run("validate").code());
        CliRun pinned = run("try", "pinned");
        assertEquals(0, pinned.code(), pinned.err());
        assertTrue(pinned.out().contains("pinned (html) "), pinned.out());
        assertTrue(pinned.out().contains("5 items"), pinned.out());
        assertFalse(pinned.out().contains("detected selectors"), pinned.out());
    }

    @Test
    void tryJsonGivesItemsWarningsAndSelectors() throws Exception {
        routes.put("/kurs", ok("text/html; charset=utf-8", fixture("rvtsost-kurs")));
        config("  - id: kurs\n    url: \"" + server.url("/kurs") + "\"\n    type: html\n    section: arrangementer\n");
        CliRun r = run("try", "kurs", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals("kurs", root.get("source").asText());
        assertEquals("html", root.get("type").asText());
        assertTrue(root.get("detected").asBoolean());
        assertEquals("tr.course-row", root.get("selectors").get("item").asText());
        assertEquals(4, root.get("items").size());
        assertEquals("2025-01-15", root.get("items").get(0).get("event_date").asText(), "the start of 15.–16. januar 2025");
        assertTrue(root.get("warnings").isArray());
    }

    /** try and discover take a URL whose host has æ, ø or å, as feeds.yml does; they said "not an http(s) URL". */
    @Test
    void aHostBeyondAsciiIsAUrlToo() {
        assertEquals("https://xn--blkors-jua.no/rss", TryCommand.httpUrl(" https://blåkors.no/rss ").orElseThrow().toString());
        assertTrue(TryCommand.httpUrl("ftp://blåkors.no/").isEmpty());
    }

    @Test
    void tryFailuresAndMistakes() {
        CliRun missing = run("try", server.url("/gone").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().startsWith("failed try: "), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());

        CliRun unknown = run("try", "no-such-source");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("\"no-such-source\" is neither a source id in"), unknown.err());

        routes.put("/api", ok("application/json", "{\"saker_liste\": []}"));
        CliRun api = run("try", server.url("/api").toString());
        assertEquals(1, api.code());
        assertTrue(api.err().contains("answers with JSON: add it to feeds.yml as type: json"), api.err());

        routes.put("/empty", ok("text/html", "<html><body><p>Ingenting her.</p></body></html>"));
        CliRun empty = run("try", server.url("/empty").toString());
        assertEquals(0, empty.code());
        assertTrue(empty.out().contains("0 items"), empty.out());
        assertTrue(empty.err().contains("warning found no list of dated links on the page"), empty.err());
    }

    @Test
    void crawlReadsHtmlSourcesThroughTheSameReaders() throws Exception {
        routes.put("/aktuelt/", ok("text/html; charset=utf-8", fixture("medietilsynet")));
        config("  - id: mt\n    url: \"" + server.url("/aktuelt/") + "\"\n    type: html\n    section: norske\n");
        Files.writeString(dir.resolve("feeds.yml"), Files.readString(dir.resolve("feeds.yml"))
                .replace("  - {id: placeholder, url: \"https://example.org/feed\", section: norske}\n", ""));
        CliRun crawl = run("crawl", "--json");
        assertEquals(0, crawl.code(), crawl.err());
        assertEquals(5, JSON.readTree(crawl.out()).get("new_items").asInt(), crawl.out());
        CliRun items = run("items", "--json");
        JsonNode first = JSON.readTree(items.out()).get("items").get(0);
        assertEquals("Ny rapport: Barn og medier 2021", first.get("title").asText());
        assertEquals("2021-07-26", first.get("published").asText());
        assertEquals(AcceptHeaders.HTML, accepted.get("/aktuelt/"), "a listing is asked for as a page");
    }

    // ------------------------------------------------------------------ discover

    @Test
    void discoverVerifiesAdvertisedFeedsAndPrintsASnippetThatValidates() throws Exception {
        routes.put("/", ok("text/html; charset=utf-8", """
                <html><head><title>CBSS</title>
                <link rel="alternate" type="application/rss+xml" title="CBSS » Feed" href="/feed/">
                <link rel="alternate" type="application/atom+xml" href="http://%s/broken.xml">
                <link rel="stylesheet" href="/style.css">
                </head><body>Hei</body></html>""".formatted(server.getHostName() + ":" + server.getPort())));
        routes.put("/feed/", ok("application/rss+xml; charset=utf-8", rss("CBSS – Council of the Baltic Sea States", "A", "B", "C")));
        routes.put("/broken.xml", ok("text/html", "<html>not a feed</html>"));
        CliRun r = run("discover", server.url("/").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("# 1 feed found for"), r.out());
        assertTrue(r.out().contains("name: \"CBSS – Council of the Baltic Sea States\""), r.out());
        assertTrue(r.out().contains("url: \"" + server.url("/feed/") + "\""), r.out());
        assertTrue(r.out().contains("type: feed"), r.out());
        assertTrue(r.err().contains("broken.xml: advertised, but not a feed kildevakt can read"), r.err());
        assertFalse(requested.contains("/rss.xml"), "no guessing when an advertised feed works: " + requested);
        assertEquals(AcceptHeaders.HTML, accepted.get("/"), "the page is asked for as a page");
        assertEquals(AcceptHeaders.FEED, accepted.get("/feed/"), "what it advertises, as a feed");

        String snippet = r.out().lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        config(snippet);
        CliRun validate = run("validate");
        assertEquals(0, validate.code(), validate.err() + "\n" + snippet);
    }

    @Test
    void discoverFallsBackToCommonPathsOneAtATime() throws Exception {
        routes.put("/", ok("text/html", "<html><head><title>Site</title></head><body></body></html>"));
        routes.put("/rss", ok("application/atom+xml", """
                <?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Nyheter fra NIM</title>
                <entry><title>x</title><link href="https://example.org/x"/><id>x</id><updated>2024-01-01T00:00:00Z</updated></entry></feed>"""));
        routes.put("/rss.xml", ok("application/rss+xml", rss("Should not be asked")));
        CliRun r = run("discover", server.url("/").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode feeds = JSON.readTree(r.out()).get("feeds");
        assertEquals(1, feeds.size());
        assertEquals(server.url("/rss").toString(), feeds.get(0).get("url").asText());
        assertEquals("Nyheter fra NIM", feeds.get(0).get("name").asText());
        assertFalse(feeds.get(0).get("advertised").asBoolean());
        assertFalse(requested.contains("/rss.xml"), "stops at the first feed found: " + requested);
    }

    @Test
    void discoverWithNothingFoundExitsOne() {
        routes.put("/", ok("text/html", "<html><body>Ingen feed</body></html>"));
        CliRun r = run("discover", server.url("/").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no feed found for"), r.err());
        assertEquals(2, run("discover", "ftp://example.org/").code());
    }

    @Test
    void idSuggestions() {
        java.util.Set<String> taken = new java.util.HashSet<>(List.of("cbss"));
        no.kildevakt.read.html.FeedDiscovery.FoundFeed f = new no.kildevakt.read.html.FeedDiscovery.FoundFeed(
                java.net.URI.create("https://cbss.org/feed/"), "CBSS Nyheter og pressemeldinger fra sekretariatet", "rss_2.0", 3, true);
        assertEquals("cbss-2", DiscoverCommand.suggestId(java.net.URI.create("https://www.cbss.org/"), f, false, taken));
        assertEquals("cbss-nyheter-og-pressemeldinger", DiscoverCommand.suggestId(java.net.URI.create("https://www.cbss.org/"), f, true, taken));
        // an address is no name: the feed's title is
        assertEquals("cbss-nyheter-og", DiscoverCommand.suggestId(java.net.URI.create("http://127.0.0.1:8080/"), f, false, taken));
        assertEquals("cbss-nyheter-og-2", DiscoverCommand.suggestId(java.net.URI.create("http://[::1]:8080/"), f, true, taken));
        assertEquals("jamstalldhetsmyndigheten", DiscoverCommand.slug("Jämställdhetsmyndigheten"));
        assertEquals("barneombudet-a-o-ae", DiscoverCommand.slug("Barneombudet – å ø æ"));
    }
}
