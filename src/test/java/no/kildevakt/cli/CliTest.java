package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.kildevakt.store.CrawlLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end, as cron and an editor use it: a feeds.yml pointing at feeds
 * served from loopback, a database in a temporary folder, and the commands' output and
 * exit codes.
 */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private MockWebServer server;
    private final Map<String, Function<RecordedRequest, MockResponse>> routes = new ConcurrentHashMap<>();
    private final List<String> requested = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                requested.add(path);
                Function<RecordedRequest, MockResponse> route = routes.get(path);
                return route == null ? new MockResponse.Builder().code(404).body("not found").build() : route.apply(request);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    // ---------------------------------------------------------------- fixtures

    static String rss(String... items) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
                <channel><title>RSS Regjeringen.no</title><link>https://www.regjeringen.no/</link>
                <description>Departement: Justis- og beredskapsdepartementet</description>
                %s
                </channel></rss>
                """.formatted(String.join("\n", items));
    }

    static String item(String guid, String title, String link, String pubDate) {
        return """
                <item><guid isPermaLink="false">%s</guid><title>%s</title><link>%s</link>
                <description>&lt;p&gt;Justis- og beredskapsdepartementet: %s&lt;/p&gt;</description>
                <pubDate>%s</pubDate></item>""".formatted(guid, title, link, title, pubDate);
    }

    private static MockResponse feed(String body, String... headers) {
        MockResponse.Builder b = new MockResponse.Builder().code(200).addHeader("Content-Type", "application/rss+xml; charset=utf-8");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.addHeader(headers[i], headers[i + 1]);
        }
        return b.body(body).build();
    }

    private String url(String path) {
        return server.url(path).toString();
    }

    private Path config(String sources) throws IOException {
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, """
                settings:
                  contact: "test@example.org"
                  per_host_delay: 10ms
                  timeout: 2s
                  retries: 0
                  interval: 6h
                sources:
                """ + sources);
        return file;
    }

    private static String source(String id, String url) {
        return "  - {id: %s, url: \"%s\", section: norske}\n".formatted(id, url);
    }

    record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private Run run(String... args) {
        return run(false, args);
    }

    private Run run(boolean interactive, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--config", dir.resolve("feeds.yml").toString(), "--db", dir.resolve("k.db").toString()));
        all.addAll(List.of(args));
        int code = Main.run(all.toArray(String[]::new), new Main.Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), interactive));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode sourceNode(JsonNode crawlJson, String id) {
        for (JsonNode s : crawlJson.get("sources")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no source " + id + " in " + crawlJson);
    }

    // ---------------------------------------------------------------- tests

    @Test
    void crawlStoresNewItemsAndItemsListsThemInTheDesignShape() throws IOException {
        routes.put("/jd.rss", r -> feed(rss(
                item("3171341", "Ny handlingsplan mot menneskehandel", url("/no/aktuelt/handlingsplan/id3171341/?utm_source=rss&utm_medium=rss"),
                        "Thu, 17 Sep 2026 11:00:00 +0200"),
                item("3171342", "Høring om endringer i utlendingsloven", url("/no/dokumenter/horing/id3171342/"),
                        "Fri, 18 Sep 2026 09:30:00 +0200"))));
        config(source("reg-jd", url("/jd.rss")));

        Run crawl = run("crawl", "--json");
        assertEquals(0, crawl.code(), crawl.err());
        JsonNode result = crawl.json();
        assertEquals(2, result.get("new_items").asInt());
        JsonNode jd = sourceNode(result, "reg-jd");
        assertEquals("ok", jd.get("status").asText());
        assertEquals(2, jd.get("new_items").asInt());
        assertTrue(jd.get("error").isNull());

        Run items = run("items", "--json");
        assertEquals(0, items.code(), items.err());
        JsonNode list = items.json().get("items");
        assertEquals(2, list.size());
        JsonNode newest = list.get(0);
        for (String key : List.of("id", "source", "section", "title", "url", "published", "event_date", "summary", "score", "matched", "status")) {
            assertTrue(newest.has(key), "item lacks " + key + ": " + newest);
        }
        assertEquals("Høring om endringer i utlendingsloven", newest.get("title").asText());
        assertEquals("2026-09-18", newest.get("published").asText());
        assertEquals("norske", newest.get("section").asText());
        assertEquals("new", newest.get("status").asText());
        JsonNode older = list.get(1);
        assertEquals(url("/no/aktuelt/handlingsplan/id3171341/"), older.get("url").asText(), "tracking parameters must go");
        assertEquals("Justis- og beredskapsdepartementet: Ny handlingsplan mot menneskehandel", older.get("summary").asText());
    }

    @Test
    void plainCrawlPrintsOneSummaryLine() throws IOException {
        routes.put("/jd.rss", r -> feed(rss(item("1", "En", url("/a/1"), "Thu, 17 Sep 2026 11:00:00 +0200"))));
        config(source("reg-jd", url("/jd.rss")));
        Run crawl = run("crawl");
        assertEquals(0, crawl.code(), crawl.err());
        assertEquals("crawl: 1 sources — 1 ok, 0 not modified, 0 failed, 0 skipped; 1 new items", crawl.out().strip());
        assertEquals("", crawl.err(), "no progress line without a terminal");
    }

    @Test
    void aTerminalGetsAProgressLineThatIsClearedAfterwards() throws IOException {
        routes.put("/jd.rss", r -> feed(rss(item("1", "En", url("/a/1"), "Thu, 17 Sep 2026 11:00:00 +0200"))));
        config(source("reg-jd", url("/jd.rss")));
        Run crawl = run(true, "crawl");
        assertEquals(0, crawl.code());
        assertTrue(crawl.err().startsWith("\r[1/1] reg-jd ok"), crawl.err());
        assertTrue(crawl.err().endsWith("\r"), "the line is blanked before the summary");
        assertFalse(crawl.out().contains("\r"));
        Run quiet = run(true, "-q", "crawl", "--force");
        assertEquals("", quiet.err() + quiet.out(), "-q prints nothing when all is well");
    }

    @Test
    void recrawlUsesConditionalGetAndNotDueSourcesAreSkipped() throws IOException {
        String body = rss(item("1", "En", url("/a/1"), "Thu, 17 Sep 2026 11:00:00 +0200"));
        List<String> ifNoneMatch = java.util.Collections.synchronizedList(new ArrayList<>());
        routes.put("/jd.rss", r -> {
            String tag = r.getHeaders().get("If-None-Match");
            ifNoneMatch.add(String.valueOf(tag));
            return "\"v1\"".equals(tag) ? new MockResponse.Builder().code(304).build() : feed(body, "ETag", "\"v1\"");
        });
        config(source("reg-jd", url("/jd.rss")));

        assertEquals(0, run("crawl").code());
        Run notDue = run("crawl", "--json");
        assertEquals(0, notDue.code());
        assertEquals("skipped", sourceNode(notDue.json(), "reg-jd").get("status").asText());

        Run forced = run("crawl", "--force", "--json");
        assertEquals(0, forced.code(), forced.err());
        assertEquals("not_modified", sourceNode(forced.json(), "reg-jd").get("status").asText());
        assertEquals(0, forced.json().get("new_items").asInt());
        assertEquals(List.of("null", "\"v1\""), ifNoneMatch);

        Run byName = run("crawl", "--source", "reg-jd", "--json");
        assertEquals("not_modified", sourceNode(byName.json(), "reg-jd").get("status").asText());
    }

    @Test
    void robotsTxtIsAskedForOnceADayNotOncePerRun() throws IOException {
        routes.put("/robots.txt", r -> new MockResponse.Builder().code(200).body("User-agent: *\nDisallow: /private/\n").build());
        routes.put("/jd.rss", r -> feed(rss(item("1", "En", url("/a/1"), "Thu, 17 Sep 2026 11:00:00 +0200"))));
        routes.put("/private/feed.rss", r -> feed(rss()));
        config(source("reg-jd", url("/jd.rss")) + source("hidden", url("/private/feed.rss")));
        for (int run = 0; run < 3; run++) {
            Run crawl = run("crawl", "--force", "--json");
            assertEquals("blocked", sourceNode(crawl.json(), "hidden").get("outcome").asText());
            assertTrue(sourceNode(crawl.json(), "hidden").get("error").asText().contains("robots.txt disallows"));
        }
        assertEquals(1, requested.stream().filter("/robots.txt"::equals).count(), requested.toString());
        assertEquals(0, requested.stream().filter("/private/feed.rss"::equals).count(), "a disallowed URL is never fetched");
        assertEquals(3, requested.stream().filter("/jd.rss"::equals).count());
    }

    @Test
    void aFailingSourceIsReportedRecordedAndBackedOffWhileOthersGoOn() throws IOException {
        routes.put("/ok.rss", r -> feed(rss(item("1", "En", url("/a/1"), "Thu, 17 Sep 2026 11:00:00 +0200"))));
        routes.put("/broken.rss", r -> new MockResponse.Builder().code(500).body("oops").build());
        config(source("good", url("/ok.rss")) + source("bad", url("/broken.rss")));

        Run crawl = run("crawl");
        assertEquals(1, crawl.code());
        assertTrue(crawl.err().contains("failed bad: "), crawl.err());
        assertTrue(crawl.err().contains("500"), crawl.err());
        assertEquals(1, crawl.err().lines().filter(l -> l.startsWith("failed")).count());
        assertTrue(crawl.out().contains("1 ok, 0 not modified, 1 failed"), crawl.out());

        JsonNode health = run("sources", "--json").json().get("sources");
        JsonNode bad = health.get(1);
        assertEquals("bad", bad.get("id").asText());
        assertEquals(1, bad.get("consecutive_failures").asInt());
        assertEquals("server_error", bad.get("last_outcome").asText());
        assertTrue(bad.get("last_error").asText().startsWith("bad: "));
        assertFalse(bad.get("next_due").isNull(), "a failing source backs off");
        assertEquals("ok", health.get(0).get("health").asText());

        // The next cron run leaves the failing source alone until its backoff ends, and says so.
        Run next = run("crawl", "--json");
        assertEquals("skipped", sourceNode(next.json(), "bad").get("status").asText());
        assertTrue(sourceNode(next.json(), "bad").get("warning").asText().contains("backing off"));

        Run table = run("sources");
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith("bad") && l.contains("failing")), table.out());
    }

    @Test
    void theSameItemInTwoSourcesIsStoredOnceAndRemembersBoth() throws IOException {
        String shared = item("3171341", "Ny handlingsplan mot menneskehandel", url("/no/id3171341/"), "Thu, 17 Sep 2026 11:00:00 +0200");
        routes.put("/owner.rss", r -> feed(rss(shared, item("2", "Annet", url("/no/id2/"), "Thu, 17 Sep 2026 10:00:00 +0200"))));
        routes.put("/horinger.rss", r -> feed(rss(shared)));
        config(source("reg-jd", url("/owner.rss")) + source("reg-horinger", url("/horinger.rss")));

        Run crawl = run("crawl", "--json");
        assertEquals(0, crawl.code(), crawl.err());
        assertEquals(2, crawl.json().get("new_items").asInt());
        JsonNode items = run("items", "--json").json().get("items");
        assertEquals(2, items.size());
        JsonNode plan = items.get(0);
        assertEquals("Ny handlingsplan mot menneskehandel", plan.get("title").asText());
        assertEquals(2, plan.get("sources").size(), plan.toString());
        assertEquals(1, run("items", "--source", "reg-horinger", "--json").json().get("items").size());
    }

    @Test
    void aSecondCrawlWhileTheLockIsHeldExits3AtOnce() throws Exception {
        config(source("reg-jd", url("/jd.rss")));
        Optional<CrawlLock> lock = CrawlLock.tryAcquire(dir.resolve("k.db"));
        assertTrue(lock.isPresent());
        try (CrawlLock held = lock.get()) {
            Run crawl = run("crawl");
            assertEquals(3, crawl.code());
            assertTrue(crawl.err().contains("another crawl holds the lock"), crawl.err());
            assertTrue(requested.isEmpty(), "nothing may be fetched");
        }
        routes.put("/jd.rss", r -> feed(rss(item("1", "En", url("/a/1"), "Thu, 17 Sep 2026 11:00:00 +0200"))));
        assertEquals(0, run("crawl").code(), "a released lock no longer blocks");
    }

    @Test
    void configErrorsExit2WithFileAndLine() throws IOException {
        Files.writeString(dir.resolve("feeds.yml"), """
                sources:
                  - id: reg-jd
                    url: https://www.regjeringen.no/no/rss/Rss/2581966/
                    section: nosrke
                """);
        for (String command : List.of("validate", "crawl", "sources")) {
            Run run = run(command);
            assertEquals(2, run.code(), command);
            assertTrue(run.err().contains("feeds.yml:4"), run.err());
            assertTrue(run.err().contains("nosrke"), run.err());
            assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        }
    }

    @Test
    void validatePassesOnAGoodFileAndOnTheBundledFeedsYml() throws IOException {
        config(source("reg-jd", url("/jd.rss")));
        Run ok = run("validate");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("ok"), ok.out());

        Path bundled = Path.of("feeds.yml").toAbsolutePath();
        Run shipped = new CliTest().runWith(bundled, dir.resolve("other.db"), "validate");
        assertEquals(0, shipped.code(), shipped.err());
    }

    private Run runWith(Path configFile, Path db, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--config", configFile.toString(), "--db", db.toString()));
        all.addAll(List.of(args));
        int code = Main.run(all.toArray(String[]::new), new Main.Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void environmentVariablesChooseConfigAndDatabaseWhenNoFlagsAreGiven() throws IOException {
        routes.put("/jd.rss", r -> feed(rss(item("1", "En", url("/a/1"), "Thu, 17 Sep 2026 11:00:00 +0200"))));
        Path file = config(source("reg-jd", url("/jd.rss")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"crawl"}, new Main.Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Map.of("KILDEVAKT_CONFIG", file.toString(), "KILDEVAKT_DB", dir.resolve("env.db").toString()), false));
        assertEquals(0, code);
        assertTrue(Files.exists(dir.resolve("env.db")));
    }

    @Test
    void anHtmlPageWhereAFeedWasExpectedIsAParseErrorNamingTheSource() throws IOException {
        routes.put("/page", r -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html; charset=utf-8")
                .body("<!doctype html><html><head><title>Nyheter</title></head><body><ul><li><a href=/a>A</a></li></ul></body></html>").build());
        routes.put("/garbage", r -> new MockResponse.Builder().code(200).addHeader("Content-Type", "application/rss+xml")
                .body("\u0000\u0001<rss><channel><item><title>broken").build());
        config(source("page", url("/page")) + source("garbage", url("/garbage")));
        Run crawl = run("crawl", "--json");
        assertEquals(1, crawl.code());
        JsonNode page = sourceNode(crawl.json(), "page");
        assertEquals("failed", page.get("status").asText());
        assertEquals("parse_error", page.get("outcome").asText());
        assertTrue(page.get("error").asText().startsWith("page: "), page.toString());
        assertTrue(page.get("error").asText().toLowerCase().contains("html"), page.toString());
        assertEquals("parse_error", sourceNode(crawl.json(), "garbage").get("outcome").asText());
    }

    @Test
    void whenMostSourcesAreUnreachableTheNetworkIsBlamedOnceAndTheSourcesAreNot() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        // four hosts (all loopback names), none of them answering
        StringBuilder sources = new StringBuilder();
        List<String> hosts = List.of("127.0.0.1", "localhost", "127.0.0.2", "127.0.0.3");
        for (int i = 1; i <= 4; i++) {
            sources.append(source("down-" + i, "http://" + hosts.get(i - 1) + ":" + closedPort + "/feed" + i));
        }
        config(sources.toString());
        Run crawl = run("crawl");
        assertEquals(1, crawl.code());
        assertTrue(crawl.err().contains("network looks down: 4 of 4 sources"), crawl.err());
        assertEquals(0, crawl.err().lines().filter(l -> l.startsWith("failed")).count(), "no source is blamed: " + crawl.err());
        JsonNode health = run("sources", "--json").json().get("sources");
        for (JsonNode s : health) {
            assertEquals(0, s.get("consecutive_failures").asInt(), s.toString());
            assertEquals("network_error", s.get("last_outcome").asText());
            assertEquals("unreachable", s.get("health").asText());
        }
    }

    @Test
    void aFeedThatStopsYieldingItemsIsAWarningNotASilentEmptyResult() throws IOException {
        String full = rss(item("1", "En", url("/a/1"), "Thu, 17 Sep 2026 11:00:00 +0200"),
                item("2", "To", url("/a/2"), "Thu, 17 Sep 2026 12:00:00 +0200"));
        String[] body = {full};
        routes.put("/jd.rss", r -> feed(body[0]));
        config(source("reg-jd", url("/jd.rss")));
        assertEquals(0, run("crawl").code());
        body[0] = rss();
        Run empty = run("crawl", "--force");
        assertEquals(0, empty.code(), "empty is a warning, not a failure");
        assertTrue(empty.err().contains("warning reg-jd: yielded no items, though it has yielded up to 2"), empty.err());
        JsonNode s = run("sources", "--json").json().get("sources").get(0);
        assertEquals("quiet", s.get("health").asText());
        assertNotNull(s.get("warning").textValue());
        assertEquals(2, run("items", "--json").json().get("items").size(), "nothing stored is lost");
    }

    @Test
    void aPermanentRedirectIsFollowedAndTheNewUrlSuggested() throws IOException {
        routes.put("/old.rss", r -> new MockResponse.Builder().code(301).addHeader("Location", url("/new.rss")).build());
        routes.put("/new.rss", r -> feed(rss(item("1", "En", url("/a/1"), "Thu, 17 Sep 2026 11:00:00 +0200"))));
        config(source("moved", url("/old.rss")));
        Run crawl = run("crawl");
        assertEquals(0, crawl.code(), crawl.err());
        assertTrue(crawl.err().contains("has moved permanently to " + url("/new.rss")), crawl.err());
        JsonNode s = run("sources", "--json").json().get("sources").get(0);
        assertEquals(url("/new.rss"), s.get("moved_to").asText());
    }

    @Test
    void unknownSourceAndMissingCommandAreUsageErrors() throws IOException {
        config(source("reg-jd", url("/jd.rss")));
        Run unknown = run("crawl", "--source", "nope");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown source \"nope\""), unknown.err());
        assertEquals(2, run().code());
        assertEquals(2, run("crawl", "--no-such-flag").code());
        assertEquals(2, run("items", "--since", "yesterday-ish").code());
    }

    @Test
    void readingCommandsRefuseADatabaseThatIsNotThere() throws IOException {
        config(source("reg-jd", url("/jd.rss")));
        for (String command : List.of("items", "sources")) {
            Run run = run(command, "--json");
            assertEquals(2, run.code(), command);
            assertTrue(run.err().contains("no database here"), run.err());
            assertFalse(Files.exists(dir.resolve("k.db")), "a mistyped --db must not leave an empty database behind");
        }
    }

    @Test
    void helpIsAvailableOnEveryCommand() throws IOException {
        config(source("reg-jd", url("/jd.rss")));
        for (String command : List.of("validate", "crawl", "items", "sources")) {
            Run help = run(command, "--help");
            assertEquals(0, help.code(), command);
            assertTrue(help.out().contains("Usage: kildevakt " + command), help.out());
        }
    }
}
