package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.kildevakt.store.ItemQuery;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoredItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl killed with {@code kill -9} in the middle of a source, in a real child JVM: the
 * sources finished before it keep everything, the one in flight leaves nothing behind, and
 * the next crawl is not blocked by the dead one's lock.
 */
class KilledCrawlTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void aKilledCrawlLosesAtMostTheSourceInFlightAndNeverBlocksTheNext() throws Exception {
        CountDownLatch secondSourceRequested = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        boolean[] stall = {true};
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    String path = request.getUrl().encodedPath();
                    if (path.equals("/b.rss") && stall[0]) {
                        secondSourceRequested.countDown();
                        release.await(30, TimeUnit.SECONDS);
                    }
                    return switch (path) {
                        case "/a.rss", "/b.rss", "/c.rss" -> new MockResponse.Builder().code(200)
                                .addHeader("Content-Type", "application/rss+xml; charset=utf-8")
                                .body(CliTest.rss(CliTest.item(path + "-1", "Sak 1 fra " + path, "https://x.example" + path.replace(".rss", "/1"),
                                                "Thu, 17 Sep 2026 11:00:00 +0200"),
                                        CliTest.item(path + "-2", "Sak 2 fra " + path, "https://x.example" + path.replace(".rss", "/2"),
                                                "Thu, 17 Sep 2026 12:00:00 +0200")))
                                .build();
                        default -> new MockResponse.Builder().code(404).build();
                    };
                }
            });
            server.start();
            // one host, so the three sources run one after another in feeds.yml order
            Path config = dir.resolve("feeds.yml");
            Files.writeString(config, """
                    settings: {per_host_delay: 10ms, timeout: 20s, retries: 0}
                    sources:
                      - {id: a, url: "%s", section: norske}
                      - {id: b, url: "%s", section: norske}
                      - {id: c, url: "%s", section: norske}
                    """.formatted(server.url("/a.rss"), server.url("/b.rss"), server.url("/c.rss")));
            Path db = dir.resolve("k.db");

            Process crawl = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx128m",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "--config", config.toString(), "--db", db.toString(), "crawl")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            try {
                assertTrue(secondSourceRequested.await(30, TimeUnit.SECONDS), "the child crawl never reached source b");
                crawl.destroyForcibly();
                assertTrue(crawl.waitFor(20, TimeUnit.SECONDS));
            } finally {
                crawl.destroyForcibly();
                stall[0] = false;
                release.countDown();
            }

            try (Store store = Store.open(db)) {
                List<StoredItem> items = store.items().list(ItemQuery.all());
                assertEquals(List.of("a", "a"), items.stream().map(StoredItem::source).collect(Collectors.toList()),
                        "source a was committed whole; b was in flight and left nothing");
                assertEquals(0, store.sources().fetchLog("b", 0).size());
                assertEquals(0, store.sources().state("b").consecutiveFailures());
            }

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = Main.run(new String[] {"--config", config.toString(), "--db", db.toString(), "crawl"},
                    new Main.Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of(), false));
            assertEquals(0, code, "the dead crawl's lock must not block: " + out);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("4 new items"), out.toString(StandardCharsets.UTF_8));
        }
    }
}
