package no.kildevakt.store;

import static no.kildevakt.store.StoreSchemaTest.sqlExecute;
import static no.kildevakt.store.StoreSchemaTest.sqlInt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decisions belong to an issue (schema v7): one issue's decisions, places and entries never change another's. */
class IssueDecisionsTest {
    private static final Instant AT = Instant.parse("2024-11-10T06:00:00Z");

    @TempDir
    Path dir;

    private long stored(Store store, String key, String title, Instant published) throws StoreException {
        // crawled a day after it was published, so the date is one the store believes
        store.items().recordRound(Rounds.round("a", published.plusSeconds(86_400), List.of(Rounds.item(key, "https://example.org/" + key, title, published))));
        return store.items().list(ItemQuery.all()).stream().filter(i -> i.title().equals(title)).findFirst().orElseThrow().id();
    }

    private static StoredItem as(Store store, long id, String issue) throws StoreException {
        return store.items().get(id, issue).orElseThrow();
    }

    @Test
    void aDecisionInOneIssueLeavesAnotherIssueUndecided() throws Exception {
        try (Store store = Store.open(dir.resolve("k.db"))) {
            long event = stored(store, "e", "Januarkonferanse", Instant.parse("2024-11-01T10:00:00Z"));
            store.decisions().decide(event, ReviewStatus.ACCEPTED, "god", AT, "2024-Q4");
            assertEquals(ReviewStatus.ACCEPTED, as(store, event, "2024-Q4").status());
            assertEquals("god", as(store, event, "2024-Q4").note());
            assertEquals(ReviewStatus.NEW, as(store, event, "2025-Q1").status(), "accepted for Q4 only");
            assertEquals(List.of("2024-Q4"), as(store, event, "2025-Q1").earlierIssues(), "the hint another issue shows");
            assertEquals(List.of(), as(store, event, "2024-Q4").earlierIssues(), "no hint about the issue itself");

            store.decisions().decide(event, ReviewStatus.REJECTED, null, AT.plusSeconds(5), "2025-Q1");
            assertEquals(ReviewStatus.ACCEPTED, as(store, event, "2024-Q4").status(), "a reject in Q1 leaves Q4's draft alone");
            assertEquals(ReviewStatus.REJECTED, as(store, event, "2025-Q1").status());
            assertEquals(ReviewStatus.REJECTED, store.items().get(event).orElseThrow().status(), "the latest anywhere, for items and learning");

            ItemQuery q1 = new ItemQuery(null, null, null, 0).forIssue("2025-Q1");
            assertEquals(List.of(event), store.items().list(q1.withStatus(ReviewStatus.REJECTED)).stream().map(StoredItem::id).toList());
            assertEquals(List.of(), store.items().list(q1.withStatus(ReviewStatus.ACCEPTED)));
        }
    }

    @Test
    void anEditForOneIssueLeavesAnotherIssuesTextAlone() throws Exception {
        try (Store store = Store.open(dir.resolve("k.db"))) {
            long report = stored(store, "r", "Årsrapport", AT);
            store.decisions().edit(report, "Felles tittel", null); // before issues had their own: every issue
            store.decisions().edit(report, null, "Teksten for fjerde kvartal.", "2024-Q4");
            store.decisions().edit(report, "Tittel for første kvartal", "", "2025-Q1");
            assertEquals("Felles tittel", as(store, report, "2024-Q4").draftTitle());
            assertEquals("Teksten for fjerde kvartal.", as(store, report, "2024-Q4").draftSummary());
            assertEquals("Tittel for første kvartal", as(store, report, "2025-Q1").draftTitle());
            assertEquals("", as(store, report, "2025-Q1").draftSummary(), "the source's summary, not Q4's text");
            assertEquals("Felles tittel", as(store, report, "2025-Q2").draftTitle());
            store.decisions().edit(report, "", null, "2025-Q1");
            assertEquals("Felles tittel", as(store, report, "2025-Q1").draftTitle(), "a blank edit gives the issue's own back");
        }
    }

    @Test
    void aDecisionNamingNoIssueGoesToTheQuarterOfTheItemsDateInOslo() throws Exception {
        try (Store store = Store.open(dir.resolve("k.db"))) {
            // 23:30 UTC on 31 December is already 1 January in Oslo
            long newYear = stored(store, "n", "Nyttår", Instant.parse("2024-12-31T23:30:00Z"));
            // 22:30 UTC on 30 September is 1 October in Oslo (summer time)
            long autumn = stored(store, "h", "Høst", Instant.parse("2024-09-30T22:30:00Z"));
            long summer = stored(store, "s", "Sommer", Instant.parse("2024-09-30T21:59:00Z"));
            store.decisions().decide(newYear, ReviewStatus.ACCEPTED, null, AT);
            store.decisions().decide(autumn, ReviewStatus.ACCEPTED, null, AT);
            store.decisions().decide(summer, ReviewStatus.ACCEPTED, null, AT);
            assertEquals(ReviewStatus.ACCEPTED, as(store, newYear, "2025-Q1").status());
            assertEquals(ReviewStatus.ACCEPTED, as(store, autumn, "2024-Q4").status());
            assertEquals(ReviewStatus.ACCEPTED, as(store, summer, "2024-Q3").status());
            assertEquals("2025-Q1", store.decisions().latest().get(0).period(), "the history names the issue too");
        }
    }

    @Test
    void aVersion6DatabaseKeepsItsDecisionsInTheirIssues() throws Exception {
        Path db = dir.resolve("old.db");
        Store.open(db, Schema.MIGRATIONS.subList(0, 6)).close();
        sqlExecute(db, "INSERT INTO items (dedupe_key, url, title, section, first_source, first_seen, last_seen, published, status, note, decided_at) VALUES "
                + "('url:1', 'https://example.org/1', 'Vinter', 'norske', 'a', '2024-12-01T08:00:00.000Z', '2024-12-01T08:00:00.000Z',"
                + " '2024-12-31T23:30:00.000Z', 'accepted', 'ta med', '2025-01-05T08:00:00.000Z'),"
                + "('url:2', 'https://example.org/2', 'Navngitt', 'norske', 'a', '2024-12-01T08:00:00.000Z', '2024-12-01T08:00:00.000Z',"
                + " '2024-12-02T08:00:00.000Z', 'rejected', NULL, '2025-01-05T08:00:00.000Z'),"
                + "('url:3', 'https://example.org/3', 'Urørt', 'norske', 'a', '2024-12-01T08:00:00.000Z', '2024-12-01T08:00:00.000Z',"
                + " '2024-12-02T08:00:00.000Z', 'new', NULL, NULL)");
        sqlExecute(db, "INSERT INTO decisions (item_id, decision, decided_at, period) VALUES (2, 'rejected', '2025-01-05T08:00:00.000Z', '2024-12')");
        try (Store store = Store.open(db)) {
            assertEquals(Schema.MIGRATIONS.size(), store.schemaVersion());
            StoredItem winter = as(store, 1, "2025-Q1");
            assertEquals(ReviewStatus.ACCEPTED, winter.status(), "the quarter of its date in Oslo");
            assertEquals("ta med", winter.note());
            assertEquals(ReviewStatus.NEW, as(store, 1, "2024-Q4").status());
            assertEquals(ReviewStatus.REJECTED, as(store, 2, "2024-12").status(), "the issue its decision named");
            assertEquals(ReviewStatus.NEW, as(store, 2, "2024-Q4").status());
            assertEquals(ReviewStatus.NEW, as(store, 3, "2024-Q4").status());
        }
        assertEquals(2, sqlInt(db, "SELECT count(*) FROM issue_items"));
    }

    @Test
    void sectionsOrderEntriesAndGroupNamesBelongToTheirIssue() throws Exception {
        try (Store store = Store.open(dir.resolve("k.db"))) {
            long one = stored(store, "1", "Én", AT);
            long two = stored(store, "2", "To", AT);
            DraftEdits edits = store.draftEdits();
            edits.move("2024-Q4", one, "verdt");
            assertEquals("verdt", as(store, one, "2024-Q4").placedSection());
            assertNull(as(store, one, "2025-Q1").placedSection());
            assertEquals(ReviewStatus.NEW, as(store, one, "2024-Q4").status(), "moving decides nothing");

            DraftEdits.Handwritten kom = edits.add("2024-Q4", new DraftEdits.EntryText("verdt", "", "KOM-samling i Bodø",
                    "Politiet samlet KOM-nettverket.", "https://www.politiet.no/kom", LocalDate.parse("2024-11-20")), AT);
            edits.order("2024-Q4", List.of("entry:" + kom.id(), "item:" + two, "item:" + one));
            assertEquals(1, edits.entries("2024-Q4").get(0).position());
            assertEquals(2, as(store, two, "2024-Q4").position());
            assertEquals(3, as(store, one, "2024-Q4").position());
            assertNull(as(store, two, "2025-Q1").position());
            assertEquals(List.of(), edits.entries("2025-Q1"));

            DraftEdits.Handwritten changed = edits.update("2024-Q4", kom.id(), new DraftEdits.EntryText(null, null, null, "", null, null), AT);
            assertNull(changed.text(), "a blank text removes it");
            assertEquals("KOM-samling i Bodø", changed.title(), "left-out fields stay");
            assertThrows(StoreException.class, () -> edits.update("2025-Q1", kom.id(), new DraftEdits.EntryText(null, null, "x", null, null, null), AT),
                    "another issue's entry cannot be changed through this one");
            assertThrows(IllegalArgumentException.class, () -> edits.order("2024-Q4", List.of("item:x")));

            edits.nameGroup("2024-Q4", "norske", "Regjeringen", "Fra departementene");
            edits.nameGroup("2024-Q4", "norske", "Høringer", "Fra departementene");
            assertEquals(Map.of("norske", Map.of("Regjeringen", "Fra departementene", "Høringer", "Fra departementene")), edits.groupNames("2024-Q4"));
            assertEquals(Map.of(), edits.groupNames("2025-Q1"));
            edits.nameGroup("2024-Q4", "norske", "Høringer", "");
            assertEquals(Map.of("norske", Map.of("Regjeringen", "Fra departementene")), edits.groupNames("2024-Q4"));

            assertTrue(edits.remove("2024-Q4", kom.id()));
            assertEquals(List.of(), edits.entries("2024-Q4"));
        }
    }
}
