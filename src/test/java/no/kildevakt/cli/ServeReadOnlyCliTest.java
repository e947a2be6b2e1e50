package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kildevakt.item.Item;
import no.kildevakt.store.ItemQuery;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.Round;
import no.kildevakt.store.SourceState;
import no.kildevakt.store.Store;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --read-only}, and serving a database file that cannot be written: the page, no changes. */
class ServeReadOnlyCliTest {
    @TempDir
    Path dir;

    @Test
    void serveReadOnlyShowsThePageAndRefusesDecisionsWithTheReason() throws Exception {
        Path db = dir.resolve("k.db");
        Path config = Files.writeString(dir.resolve("feeds.yml"), """
                settings:
                  contact: "test@example.org"
                sources:
                  - {id: reg-jd, name: Justis- og beredskapsdepartementet, url: "https://www.regjeringen.no/jd.rss", section: norske}
                """);
        Instant at = Instant.now().minusSeconds(3600);
        try (Store store = Store.open(db)) {
            List<Item> items = List.of(new Item("plan", "https://www.regjeringen.no/plan", null, "Plan mot menneskehandel",
                    "Menneskehandel.", at, null));
            store.items().recordRound(new Round("reg-jd", "norske", at, at.plusSeconds(1), Outcome.OK, 200, null, "https://www.regjeringen.no/jd.rss",
                    100, items, new SourceState("reg-jd", null, null, at, at.plusSeconds(1), Outcome.OK, null, 0, 1, 1, null, null)));
        }
        long id;
        try (Store store = Store.open(db)) {
            id = store.items().list(ItemQuery.all()).get(0).id();
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Terminal terminal = new Main.Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false);
        AtomicInteger code = new AtomicInteger(-1);
        Thread serving = new Thread(() -> code.set(Main.run(new String[] {"--config", config.toString(), "--db", db.toString(),
                "serve", "--port", "0", "--read-only"}, terminal)), "serve-under-test");
        serving.start();
        try {
            Matcher started = Pattern.compile("Review page: (http://\\S+/)").matcher("");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!started.reset(out.toString(StandardCharsets.UTF_8)).find()) {
                assertTrue(serving.isAlive() && System.nanoTime() < deadline, "serve did not start: " + err.toString(StandardCharsets.UTF_8));
                Thread.sleep(20);
            }
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("read-only: changes are not saved"), out.toString(StandardCharsets.UTF_8));
            URI base = URI.create(started.group(1));
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            String token = Jsoup.parse(page.body()).selectFirst("meta[name=kildevakt-token]").attr("content");
            HttpResponse<String> decide = client.send(HttpRequest.newBuilder(base.resolve("/api/items/" + id + "/decision"))
                    .header("Content-Type", "application/json").header("X-Kildevakt-Token", token)
                    .header("Origin", "http://" + base.getHost() + ":" + base.getPort())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"accepted\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, decide.statusCode(), decide.body());
            assertTrue(decide.body().contains("skrivebeskyttet"), decide.body());
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
        assertFalse(serving.isAlive());
        assertEquals(0, code.get(), err.toString(StandardCharsets.UTF_8));
        try (Store store = Store.open(db)) {
            assertEquals("new", store.items().list(ItemQuery.all()).get(0).status().code());
        }
    }

    @Test
    void aDatabaseFileThatCannotBeWrittenIsServedReadOnly() {
        Path db = dir.resolve("k.db");
        assertTrue(ServeCommand.readOnly(false, db, file -> false));
        assertTrue(ServeCommand.readOnly(true, db, file -> true));
        assertFalse(ServeCommand.readOnly(false, db, file -> true));
    }
}
