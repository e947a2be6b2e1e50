package no.kildevakt.store;

import static no.kildevakt.store.Rounds.item;
import static no.kildevakt.store.Rounds.round;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.kildevakt.item.Item;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event dates, review decisions and edits, and the digest log. */
class StoreReviewTest {
    private static final Instant T1 = Instant.parse("2025-03-01T08:00:00Z");
    private static final Instant T2 = Instant.parse("2025-03-02T08:00:00Z");

    @TempDir
    Path dir;

    private Store store;

    @BeforeEach
    void open() throws StoreException {
        store = Store.open(dir.resolve("k.db"));
    }

    @AfterEach
    void close() throws StoreException {
        store.close();
    }

    private long only(String key) throws StoreException {
        return store.items().list(ItemQuery.all()).stream().filter(i -> i.dedupeKey().equals(key)).findFirst().orElseThrow().id();
    }

    @Test
    void eventDatesAreStoredKeptAndQueriedFromTheirDay() throws Exception {
        Item conference = item("conf", "https://example.org/conf", "Nordisk konferanse")
                .withEventDate(LocalDate.parse("2025-05-15"));
        store.items().recordRound(round("events", "arrangementer", T1, List.of(conference, item("old", "https://example.org/o", "Gammel"))));
        // seen again without a date: the date stays
        store.items().recordRound(round("events", "arrangementer", T2, List.of(item("conf", "https://example.org/conf", "Nordisk konferanse"))));
        StoredItem stored = store.items().get(only("conf")).orElseThrow();
        assertEquals(LocalDate.parse("2025-05-15"), stored.eventDate());

        // the period starts after both were first seen: only the event counts, by its day
        Instant periodStart = Instant.parse("2025-04-01T00:00:00Z");
        ItemQuery nextQuarter = new ItemQuery(null, periodStart, null, 0);
        assertEquals(List.of(), store.items().list(nextQuarter));
        assertEquals(List.of("conf"), store.items().list(nextQuarter.withEventsFrom(LocalDate.parse("2025-04-01")))
                .stream().map(StoredItem::dedupeKey).toList());
        assertEquals(List.of(), store.items().list(nextQuarter.withEventsFrom(LocalDate.parse("2025-05-16"))));
    }

    @Test
    void decisionsSetTheStatusKeepANoteAndAHistory() throws Exception {
        store.items().recordRound(round("a", "norske", T1, List.of(item("k1", "https://example.org/1", "Rapport"),
                item("k2", "https://example.org/2", "Annen"))));
        long id = only("k1");
        Decisions decisions = store.decisions();

        StoredItem accepted = decisions.decide(id, "accepted", "  ta med i verdt  ", T1);
        assertEquals("accepted", accepted.status().code());
        assertEquals("ta med i verdt", accepted.note());
        assertEquals(T1, accepted.decidedAt());

        StoredItem reset = decisions.decide(id, "new", null, T2);
        assertEquals("new", reset.status().code());
        assertEquals("ta med i verdt", reset.note(), "a null note keeps the note");
        assertEquals(List.of(new Decisions.Entry(id, ReviewStatus.ACCEPTED, "ta med i verdt", T1), new Decisions.Entry(id, ReviewStatus.NEW, null, T2)),
                decisions.history(id));

        decisions.decide(id, "Rejected", "", T2);
        assertEquals(List.of("k1"), store.items().list(ItemQuery.all().withStatus(ReviewStatus.REJECTED)).stream().map(StoredItem::dedupeKey).toList());
        assertEquals(List.of("k2"), store.items().list(ItemQuery.all().withStatus(ReviewStatus.NEW)).stream().map(StoredItem::dedupeKey).toList());
        assertNull(store.items().get(id).orElseThrow().note(), "an empty note clears it");
    }

    @Test
    void badDecisionsAreRefusedAndChangeNothing() throws Exception {
        store.items().recordRound(round("a", "norske", T1, List.of(item("k1", "https://example.org/1", "Rapport"))));
        long id = only("k1");
        Decisions decisions = store.decisions();
        assertEquals("decision must be accepted, rejected or new, got \"maybe\"",
                assertThrows(IllegalArgumentException.class, () -> decisions.decide(id, "maybe", null, T1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> decisions.decide(id, "accepted", "x".repeat(Decisions.MAX_TEXT + 1), T1));
        StoreException missing = assertThrows(StoreException.class, () -> decisions.decide(id + 99, "accepted", null, T1));
        assertTrue(missing.getMessage().contains("no item with id " + (id + 99)), missing.getMessage());
        assertEquals("new", store.items().get(id).orElseThrow().status().code());
        assertEquals(List.of(), decisions.history(id));
    }

    @Test
    void editsOverrideTitleAndSummaryForTheDraftAndSurviveANewCrawl() throws Exception {
        store.items().recordRound(round("a", "norske", T1, List.of(item("k1", "https://example.org/1", "Rapport"))));
        long id = only("k1");
        StoredItem edited = store.decisions().edit(id, "Ny rapport om tvangsarbeid", "Kort omtale.");
        assertEquals("Ny rapport om tvangsarbeid", edited.draftTitle());
        assertEquals("Kort omtale.", edited.draftSummary());
        assertEquals("Rapport", edited.title(), "the source's title is kept");

        store.items().recordRound(round("a", "norske", T2, List.of(item("k1", "https://example.org/1", "Rapport (oppdatert)"))));
        StoredItem after = store.decisions().edit(id, null, " ");
        assertEquals("Ny rapport om tvangsarbeid", after.draftTitle(), "null keeps the edit");
        assertEquals("Rapport (oppdatert)", after.title());
        assertNull(after.editedSummary(), "blank removes the edit");
        assertEquals(after.summary(), after.draftSummary());
    }

    @Test
    void theDigestLogAnswersWithTheLatestPeriod() throws Exception {
        DigestLog log = store.digests();
        assertTrue(log.last().isEmpty());
        DigestLog.Delivery march = new DigestLog.Delivery(T2, T1, T2, 12, "html", "red@example.no");
        DigestLog.Delivery feb = new DigestLog.Delivery(T2.plusSeconds(5), T1.minusSeconds(86_400 * 28), T1, 3, "md", null);
        log.record(march);
        log.record(feb);
        assertEquals(march, log.last().orElseThrow(), "the latest period wins, not the latest write");
    }
}
