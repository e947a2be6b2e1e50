package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import no.kildevakt.item.Item;
import no.kildevakt.store.ItemQuery;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.ReviewStatus;
import no.kildevakt.store.Round;
import no.kildevakt.store.SourceState;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoredItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code decide}, {@code learn --explain} and {@code issues add} learning, run as a user would. */
class LearnCliTest {
    @TempDir
    Path dir;
    Path yml;
    Path db;
    long liked;
    long twin;

    @BeforeEach
    void store() throws Exception {
        yml = dir.resolve("feeds.yml");
        try (InputStream in = LearnCliTest.class.getResourceAsStream("/no/kildevakt/review/feeds.yml")) {
            Files.copy(in, yml);
        }
        db = dir.resolve("k.db");
        try (Store store = Store.open(db)) {
            Instant at = Instant.parse("2025-03-10T06:00:00Z");
            List<Item> items = List.of(
                    new Item("a", "https://www.regjeringen.no/a", null, "Frivilligsentralene får nye tilskudd til dugnad",
                            "Tilskuddsordningen for frivilligsentraler og dugnad styrkes.", Instant.parse("2025-02-10T09:00:00Z"), null),
                    new Item("b", "https://www.regjeringen.no/b", null, "Frivilligsentralene i Nordland får nye tilskudd til dugnad",
                            "Tilskuddsordningen for frivilligsentraler og dugnad styrkes i Nordland.", Instant.parse("2025-03-01T09:00:00Z"), null),
                    new Item("c", "https://www.regjeringen.no/c", null, "Statsbudsjettet", "", null, null));
            store.items().recordRound(new Round("reg-jd", "norske", at, at, Outcome.OK, 200, null, "https://example.org/",
                    10, items, new SourceState("reg-jd", null, null, at, at, Outcome.OK, null, 0, 3, 3, null, null)));
            for (StoredItem i : store.items().list(ItemQuery.all())) {
                if (i.url().endsWith("/a")) {
                    liked = i.id();
                } else if (i.url().endsWith("/b")) {
                    twin = i.id();
                }
            }
        }
    }

    @Test
    void anAcceptedItemLiftsItsTwinAndResettingItTakesThatBack() throws Exception {
        CliRun before = CliRun.of(yml, db, "learn", "--explain", String.valueOf(twin));
        assertEquals(0, before.code(), before.err());
        assertTrue(before.out().contains("under the threshold"), before.out());

        CliRun decided = CliRun.of(yml, db, "decide", String.valueOf(liked), "accepted", "--period", "2025-Q1");
        assertEquals(0, decided.code(), decided.err());
        CliRun after = CliRun.of(yml, db, "learn", "--explain", String.valueOf(twin));
        assertTrue(after.out().contains("a candidate"), after.out());
        assertTrue(after.out().contains("«Frivilligsentralene får nye tilskudd til dugnad» (i nummer 2025-Q1)"), after.out());

        CliRun json = CliRun.of(yml, db, "items", "--json");
        boolean precedentInJson = false;
        for (var item : json.json().get("items")) {
            if (item.get("id").asLong() == twin) {
                precedentInJson = item.get("why").toString().contains("\"kind\":\"accepted\"");
            }
        }
        assertTrue(precedentInJson, "items --json: " + json.out());

        assertEquals(0, CliRun.of(yml, db, "decide", String.valueOf(liked), "new").code());
        CliRun reset = CliRun.of(yml, db, "learn", "--explain", String.valueOf(twin));
        assertTrue(reset.out().contains("under the threshold"), reset.out());
    }

    @Test
    void decideNamesTheIssueAsThePageDoesWhateverTheSpelling() throws Exception {
        for (String spelling : List.of("Q1 2025", "2025q1", "jan–mar 2025")) {
            CliRun r = CliRun.of(yml, db, "decide", String.valueOf(liked), "accepted", "--period", spelling);
            assertEquals(0, r.code(), r.err());
        }
        try (no.kildevakt.store.Store store = no.kildevakt.store.Store.open(db)) {
            assertEquals("accepted", store.items().get(liked, "2025-Q1").orElseThrow().status().code());
            assertEquals(java.util.Set.of("2025-Q1"), store.decisions().latest().stream().map(d -> d.period())
                    .collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void decideRefusesWhatItCannotRecord() {
        assertEquals(Main.USAGE, CliRun.of(yml, db, "decide", String.valueOf(liked), "maybe").code());
        assertEquals(Main.USAGE, CliRun.of(yml, db, "decide", "999999", "accepted").code());
        assertEquals(Main.USAGE, CliRun.of(yml, db, "decide", String.valueOf(liked), "accepted", "--period", "Q1").code());
    }

    @Test
    void anAddedIssueSaysWhatItLearnedAndAcceptsTheItemsItLinks() throws Exception {
        Path issue = dir.resolve("nr1.md");
        Files.writeString(issue, """
                # Nyhetsbrev 2025-1

                ## Unge og rusmidler
                [Frivilligsentralene får nye tilskudd til dugnad](https://www.regjeringen.no/a) er tema i en ny rapport.
                """);
        CliRun added = CliRun.of(yml, db, "issues", "add", issue.toString(), "--period", "2025-Q1");
        assertEquals(0, added.code(), added.err());
        assertTrue(added.out().contains("learned: 1 entries, 1 linked items matched"), added.out());
        try (Store store = Store.open(db)) {
            assertEquals(ReviewStatus.ACCEPTED, store.items().get(liked).orElseThrow().status());
            assertEquals("2025-Q1", store.decisions().latest().get(0).period());
        }
        assertTrue(CliRun.of(yml, db, "learn", "--explain", String.valueOf(twin)).out().contains("a candidate"));
        assertEquals(0, CliRun.of(yml, db, "issues", "remove", "1").code());
    }
}
