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
 * sources stored before it keep everything, the ones in flight (the one being fetched, and the
 * host's previous one if it was still being read or waiting for its batch to be stored) keep all
 * or nothing, and the next crawl is not blocked by the dead one's lock. One ended by SIGTERM says so.
 */
class KilledCrawlTest {
    @TempDir
    Path dir;

    /** A child JVM crawling three sources of one host, stalled at the third until released. */
    private record StalledCrawl(MockWebServer server, Path config, Path db, Path log, Process process,
            CountDownLatch release, boolean[] stall) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            process.destroyForcibly();
            stall[0] = false;
            release.countDown();
            server.close();
        }
    }

    /** Starts the crawl with these global options and waits until it asks for the third source. */
    private StalledCrawl startStalledCrawl(String... options) throws Exception {
        CountDownLatch thirdSourceRequested = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        boolean[] stall = {true};
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String path = request.getUrl().encodedPath();
                if (path.equals("/c.rss") && stall[0]) {
                    thirdSourceRequested.countDown();
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
        Path log = dir.resolve("child.log");
        List<String> command = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--config", config.toString(), "--db", db.toString()));
        command.addAll(List.of(options));
        command.add("crawl");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        StalledCrawl crawl = new StalledCrawl(server, config, db, log, process, release, stall);
        assertTrue(thirdSourceRequested.await(30, TimeUnit.SECONDS), "the child crawl never reached source c");
        // a's round waits at most RoundWriter's window to be stored
        awaitStored(db, "a");
        return crawl;
    }

    @Test
    @Timeout(60)
    void aKilledCrawlLosesAtMostTheSourceInFlightAndNeverBlocksTheNext() throws Exception {
        try (StalledCrawl crawl = startStalledCrawl()) {
            crawl.process().destroyForcibly();
            assertTrue(crawl.process().waitFor(20, TimeUnit.SECONDS));
            crawl.stall()[0] = false; // the next crawl gets c at once
            crawl.release().countDown();
            Path config = crawl.config();
            Path db = crawl.db();

            int kept;
            try (Store store = Store.open(db)) {
                List<String> sources = store.items().list(ItemQuery.all()).stream().map(StoredItem::source).sorted()
                        .collect(Collectors.toList());
                // a was stored before the kill; b may have been stored too, or still in flight
                assertTrue(sources.equals(List.of("a", "a")) || sources.equals(List.of("a", "a", "b", "b")),
                        "each source committed whole or not at all: " + sources);
                assertEquals(0, store.sources().fetchLog("c", 0).size(), "c was in flight and left nothing");
                assertEquals(0, store.sources().state("c").consecutiveFailures());
                kept = sources.size();
            }

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = Main.run(new String[] {"--config", config.toString(), "--db", db.toString(), "crawl"},
                    new Main.Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of(), false));
            assertEquals(0, code, "the dead crawl's lock must not block: " + out);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains((6 - kept) + " new items"), out.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * Ended from outside with SIGTERM (what {@code timeout} and a service stop send): the crawl says in
     * one line that it stopped before it finished, keeps what it stored, and ends with the signal's exit
     * code. Before, it printed nothing, and cron's mail said nothing either.
     */
    @Test
    @Timeout(60)
    void aCrawlEndedBySigtermSaysSoAndKeepsWhatItStored() throws Exception {
        try (StalledCrawl crawl = startStalledCrawl("-q")) {
            crawl.process().destroy(); // SIGTERM
            assertTrue(crawl.process().waitFor(20, TimeUnit.SECONDS));
            assertEquals(143, crawl.process().exitValue(), "128 + SIGTERM");
            assertEquals(List.of("kildevakt: the crawl was stopped before it finished (SIGTERM, Ctrl-C or a timeout);"
                            + " the sources stored so far are kept, the rest come again on the next run"),
                    Files.readAllLines(crawl.log(), StandardCharsets.UTF_8));
            try (Store store = Store.open(crawl.db())) {
                List<String> sources = store.items().list(ItemQuery.all()).stream().map(StoredItem::source).sorted().toList();
                assertTrue(sources.equals(List.of("a", "a")) || sources.equals(List.of("a", "a", "b", "b")), sources.toString());
            }
        }
    }

    /** Waits (up to 20 s, read-only beside the child's crawl) until {@code source}'s round is in the database. */
    private static void awaitStored(Path db, String source) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Store store = Store.openReadOnly(db)) {
                if (!store.sources().fetchLog(source, 0).isEmpty()) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError(source + "'s round was never stored");
    }
}
