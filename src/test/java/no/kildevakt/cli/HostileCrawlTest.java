package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.kildevakt.fetch.DrippingServer;
import no.kildevakt.store.ItemQuery;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoredItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unattended crawl of issue 9, end to end in a real child JVM at {@code -Xmx256m}: one config
 * holding a server that drips its headers, a 9 MB tag bomb under the body limit and a source that
 * lists another's URLs with empty titles, among ordinary sources, all on one host (so one bad
 * source would once have held up the rest). The crawl must end well within its overall bound, name
 * the two hostile sources as failed, store every other source's items and leave the first
 * source's titles as they were.
 */
class HostileCrawlTest {
    private static final String DATE = "Thu, 17 Sep 2026 11:00:00 +0200";

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void aCrawlOfHostileSourcesEndsNamesThemAndKeepsEveryOtherSourcesItems() throws Exception {
        String bomb = "<!doctype html><html><body><ul>" + "<b>".repeat(3_000_000) + "</ul></body></html>";
        try (MockWebServer server = new MockWebServer(); DrippingServer drip = new DrippingServer(Duration.ofMillis(200))) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return switch (request.getUrl().encodedPath()) {
                        case "/first.rss" -> rss(CliTest.rss(
                                CliTest.item("f-1", "Handlingsplan mot menneskehandel", "https://x.example/plan", DATE),
                                CliTest.item("f-2", "Rapport om tvangsarbeid", "https://x.example/rapport", DATE)));
                        case "/clobber.rss" -> rss(CliTest.rss(
                                CliTest.item("c-1", "", "https://x.example/plan", DATE),
                                CliTest.item("c-2", "", "https://x.example/rapport", DATE)));
                        case "/last.rss" -> rss(CliTest.rss(
                                CliTest.item("l-1", "Kurs om vold i nære relasjoner", "https://y.example/kurs", DATE)));
                        case "/bomb.html" -> new MockResponse.Builder().code(200)
                                .addHeader("Content-Type", "text/html; charset=utf-8").body(bomb).build();
                        default -> new MockResponse.Builder().code(404).build();
                    };
                }
            });
            server.start();
            Path config = dir.resolve("feeds.yml");
            Files.writeString(config, """
                    settings: {per_host_delay: 10ms, timeout: 1s, retries: 0, max_crawl_time: 60s}
                    sources:
                      - {id: first, url: "%s", section: norske}
                      - {id: drip, url: "%s", section: norske}
                      - {id: bomb, url: "%s", type: html, section: norske}
                      - {id: clobber, url: "%s", section: norske}
                      - {id: last, url: "%s", section: norske}
                    """.formatted(server.url("/first.rss"), drip.url("/drip.rss"), server.url("/bomb.html"),
                    server.url("/clobber.rss"), server.url("/last.rss")));
            Path db = dir.resolve("k.db");
            Path out = dir.resolve("crawl.json");

            long started = System.nanoTime();
            Process crawl = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "--config", config.toString(), "--db", db.toString(), "crawl", "--json")
                    .redirectOutput(out.toFile()).redirectError(dir.resolve("crawl.err").toFile()).start();
            boolean ended = crawl.waitFor(90, TimeUnit.SECONDS);
            crawl.destroyForcibly();
            String err = Files.readString(dir.resolve("crawl.err"), StandardCharsets.UTF_8);
            assertTrue(ended, "the crawl did not end: " + err);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(60)) < 0, "ended only after " + took);
            assertEquals(1, crawl.exitValue(), "partial: two sources failed. " + err);

            JsonNode json = new ObjectMapper().readTree(out.toFile());
            System.out.println("hostile crawl at -Xmx256m took " + took.toMillis() + " ms: " + json);
            Map<String, JsonNode> bySource = new HashMap<>();
            json.get("sources").forEach(s -> bySource.put(s.get("id").asText(), s));
            assertEquals("failed", bySource.get("drip").get("status").asText(), json.toString());
            assertTrue(bySource.get("drip").get("error").asText().contains("drip"), json.toString());
            assertEquals("failed", bySource.get("bomb").get("status").asText(), json.toString());
            assertTrue(bySource.get("bomb").get("error").asText().startsWith("bomb: "), json.toString());
            assertTrue(bySource.get("bomb").get("error").asText().contains("page too large to read"), json.toString());
            for (String ok : List.of("first", "clobber", "last")) {
                assertEquals("ok", bySource.get(ok).get("status").asText(), ok + ": " + json);
            }

            try (Store store = Store.open(db)) {
                Map<String, String> titles = new HashMap<>();
                for (StoredItem item : store.items().list(ItemQuery.all())) {
                    titles.put(item.url(), item.title());
                }
                assertEquals(Map.of(
                        "https://x.example/plan", "Handlingsplan mot menneskehandel",
                        "https://x.example/rapport", "Rapport om tvangsarbeid",
                        "https://y.example/kurs", "Kurs om vold i nære relasjoner"), titles);
                assertEquals(1, store.sources().state("drip").consecutiveFailures(), "the drip backs off");
                assertEquals(1, store.sources().state("bomb").consecutiveFailures(), "the bomb backs off");
            }
        }
    }

    private static MockResponse rss(String body) {
        return new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "application/rss+xml; charset=utf-8").body(body).build();
    }
}
