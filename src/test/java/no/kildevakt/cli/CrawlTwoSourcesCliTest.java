package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two feeds of one site crawled end to end: the items they share belong to the source that listed
 * them first, each keeps its own guids, and dates no one means (year 9999, 1970, year 1) are unknown.
 */
class CrawlTwoSourcesCliTest {
    @TempDir
    Path dir;

    private MockWebServer server;
    private final Map<String, String> feeds = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = feeds.get(request.getUrl().encodedPath());
                if (body == null) {
                    return new MockResponse.Builder().code(404).build();
                }
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/rss+xml; charset=utf-8")
                        .body(body).build();
            }
        });
        server.start();
        Files.writeString(dir.resolve("feeds.yml"), """
                settings:
                  contact: "test@example.org"
                  per_host_delay: 10ms
                  timeout: 2s
                  retries: 0
                sources:
                  - {id: eier, url: "%s", section: norske}
                  - {id: annen, url: "%s", section: norske}
                """.formatted(server.url("/eier.rss"), server.url("/annen.rss")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun run(String... args) {
        return CliRun.of(dir.resolve("feeds.yml"), dir.resolve("k.db"), args);
    }

    private static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://www.regjeringen.no/</link>" + String.join("", items) + "</channel></rss>";
    }

    private String item(String guid, String title, String path, String description, String pubDate) {
        return "<item>" + (guid == null ? "" : "<guid isPermaLink=\"false\">" + guid + "</guid>")
                + (title == null ? "" : "<title>" + title + "</title>")
                + "<link>" + server.url(path) + "</link>"
                + (description == null ? "" : "<description>" + description + "</description>")
                + (pubDate == null ? "" : "<pubDate>" + pubDate + "</pubDate>") + "</item>";
    }

    private Map<String, JsonNode> itemsByPath() throws IOException {
        CliRun items = run("items", "--json");
        assertEquals(0, items.code(), items.err());
        Map<String, JsonNode> byPath = new HashMap<>();
        for (JsonNode item : items.json().get("items")) {
            byPath.put(item.get("url").asText().substring(server.url("/").toString().length() - 1), item);
        }
        return byPath;
    }

    @Test
    void aSecondFeedOfTheSiteNeitherRetitlesTheFirstsItemsNorMixesItsGuidsWithThem() throws IOException {
        String date = "Thu, 17 Sep 2026 11:00:00 +0200";
        feeds.put("/eier.rss", rss(
                item("1", "Ny handlingsplan mot menneskehandel", "/eier/1", "Planen er lagt fram.", date),
                item("2", "Rapport om tvangsarbeid", "/eier/2", "Rapporten viser omfanget.", date)));
        feeds.put("/annen.rss", rss(
                // its own guid 1 is another article than the first feed's guid 1
                item("1", "Barn i arbeid", "/annen/1", "Om barnearbeid.", date),
                // the first feed's second article, listed without a title
                item("a-2", null, "/eier/2", "Kort omtale av rapporten.", date),
                item("a-3", null, "/eier/1", null, null)));

        for (int round = 0; round < 2; round++) {
            CliRun crawl = run("crawl", "--force", "--json");
            assertEquals(0, crawl.code(), crawl.err());
            Map<String, JsonNode> items = itemsByPath();
            assertEquals(3, items.size(), items.toString());

            JsonNode plan = items.get("/eier/1");
            assertEquals("Ny handlingsplan mot menneskehandel", plan.get("title").asText(), "round " + round);
            assertEquals("Planen er lagt fram.", plan.get("summary").asText());
            assertEquals("eier", plan.get("source").asText());
            assertEquals(List.of("eier", "annen"), strings(plan.get("sources")), "annen also reported it");

            JsonNode report = items.get("/eier/2");
            assertEquals("Rapport om tvangsarbeid", report.get("title").asText(), "round " + round);
            assertEquals("Rapporten viser omfanget.", report.get("summary").asText());
            assertEquals(List.of("eier", "annen"), strings(report.get("sources")));

            JsonNode children = items.get("/annen/1");
            assertEquals("Barn i arbeid", children.get("title").asText());
            assertEquals("Om barnearbeid.", children.get("summary").asText());
            assertEquals(List.of("annen"), strings(children.get("sources")));
        }
    }

    @Test
    void datesFarFromNowAreUnknownSoTheItemsAreDatedAndSelectedByWhenFirstSeen() throws IOException {
        feeds.put("/eier.rss", rss(
                item("9999", "Menneskehandel i år 9999", "/eier/9999", "Om menneskehandel.", "Fri, 31 Dec 9999 23:59:59 +0000"),
                item("1970", "Menneskehandel i 1970", "/eier/1970", "Om menneskehandel.", "Thu, 01 Jan 1970 00:00:00 GMT"),
                item("1", "Menneskehandel i år 1", "/eier/1", "Om menneskehandel.", "Mon, 01 Jan 0001 00:00:00 GMT")));
        feeds.put("/annen.rss", rss());
        CliRun crawl = run("crawl", "--json");
        assertEquals(0, crawl.code(), crawl.err());

        CliRun listing = run("items", "--json");
        assertFalse(listing.out().contains("+10000"), listing.out());
        Map<String, JsonNode> items = itemsByPath();
        assertEquals(3, items.size());
        Map<String, String> raw = Map.of("/eier/9999", "9999-12-31T23:59:59Z", "/eier/1970", "1970-01-01T00:00:00Z",
                "/eier/1", "0001-01-01T00:00:00Z");
        raw.forEach((path, text) -> {
            JsonNode item = items.get(path);
            assertTrue(item.get("published").isNull(), item.toString());
            assertTrue(item.get("published_at").isNull(), item.toString());
            assertEquals(text, item.get("published_raw").asText(), item.toString());
            assertTrue(item.get("first_seen").asText().matches("\\d{4}-.*"), item.toString());
        });

        CliRun digest = run("digest", "--since-last", "--all", "--format", "json");
        assertEquals(0, digest.code(), digest.err());
        assertEquals(3, digest.json().get("items").size(), "first seen since the last digest: " + digest.out());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
