package no.kildevakt.store;

import static no.kildevakt.store.StoreSchemaTest.sqlExecute;
import static no.kildevakt.store.StoreSchemaTest.sqlInt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the ranking learns from: each item's latest accept or reject, and past issues' entries (schema v6). */
class LearningEvidenceTest {
    private static final Instant AT = Instant.parse("2025-03-10T06:00:00Z");

    @TempDir
    Path dir;

    private List<StoredItem> threeItems(Store store) throws StoreException {
        store.items().recordRound(Rounds.round("a", AT, List.of(
                Rounds.item("k1", "https://example.org/1", "Én"),
                Rounds.item("k2", "https://example.org/2", "To"),
                Rounds.item("k3", "https://example.org/3", "Tre"))));
        return store.items().list(ItemQuery.all()).stream().sorted(java.util.Comparator.comparing(StoredItem::title)).toList();
    }

    @Test
    void theLatestAcceptOrRejectCountsAndAResetStopsIt() throws Exception {
        try (Store store = Store.open(dir.resolve("k.db"))) {
            List<StoredItem> items = threeItems(store); // Tre, To, Én
            long one = items.stream().filter(i -> i.title().equals("Én")).findFirst().orElseThrow().id();
            long two = items.stream().filter(i -> i.title().equals("To")).findFirst().orElseThrow().id();
            long three = items.stream().filter(i -> i.title().equals("Tre")).findFirst().orElseThrow().id();
            store.decisions().decide(one, ReviewStatus.REJECTED, null, AT);
            store.decisions().decide(one, ReviewStatus.ACCEPTED, null, AT.plusSeconds(1), "2025-Q1");
            store.decisions().decide(two, ReviewStatus.ACCEPTED, null, AT);
            store.decisions().decide(two, ReviewStatus.NEW, null, AT.plusSeconds(2));
            store.decisions().decide(three, ReviewStatus.REJECTED, null, AT.plusSeconds(3));
            String before = store.decisions().evidenceVersion();
            List<Decisions.Latest> latest = store.decisions().latest();
            assertEquals(List.of(one, three), latest.stream().map(Decisions.Latest::itemId).toList());
            assertEquals(ReviewStatus.ACCEPTED, latest.get(0).decision());
            assertEquals("2025-Q1", latest.get(0).period());
            assertEquals("Én", latest.get(0).title());
            store.decisions().decide(three, ReviewStatus.NEW, null, AT.plusSeconds(4));
            assertEquals(List.of(one), store.decisions().latest().stream().map(Decisions.Latest::itemId).toList());
            assertTrue(!before.equals(store.decisions().evidenceVersion()), "a decision changes the evidence version");
        }
    }

    @Test
    void anIssuesEntriesAndCitedItemsAreKeptAndGoWithIt() throws Exception {
        try (Store store = Store.open(dir.resolve("k.db"))) {
            threeItems(store);
            long issue = store.links().saveIssue("nr1.md", "Nummer 1", "2024-Q3", "markdown",
                    List.of(new LinkRecords.IssueLink("https://example.org/2", "https://example.org/2", "line 3", "To")), AT);
            store.links().saveEntries(issue, List.of(new LinkRecords.IssueEntry("Overskrift", "Avsnitt.")));
            store.links().saveEntries(issue, List.of(new LinkRecords.IssueEntry("Ny overskrift", "Nytt avsnitt.")));
            List<LinkRecords.StoredEntry> entries = store.links().entries();
            assertEquals(1, entries.size(), "adding again replaces the entries");
            assertEquals("Ny overskrift", entries.get(0).entry().heading());
            assertEquals("2024-Q3", entries.get(0).period());
            assertEquals(1, store.links().itemsCitedBy(issue).size());
            assertTrue(store.links().removeIssue(issue));
            assertEquals(List.of(), store.links().entries());
            assertEquals(List.of(), store.links().issues());
        }
    }

    @Test
    void aVersion5DatabaseGainsTheEntriesTableAndDecisionPeriods() throws Exception {
        Path db = dir.resolve("v5.db");
        Store.open(db, Schema.MIGRATIONS.subList(0, 5)).close();
        assertEquals(5, sqlInt(db, "PRAGMA user_version"));
        sqlExecute(db, "INSERT INTO items (dedupe_key, url, title, summary, section, first_source, first_seen, last_seen) VALUES "
                + "('url:https://example.org/1', 'https://example.org/1', 'Én', '', 'norske', 'a', '2025-03-01T08:00:00.000Z', '2025-03-01T08:00:00.000Z')");
        sqlExecute(db, "UPDATE items SET status = 'accepted'");
        sqlExecute(db, "INSERT INTO decisions (item_id, decision, decided_at) SELECT id, 'accepted', '2025-03-02T08:00:00.000Z' FROM items");
        try (Store store = Store.open(db)) {
            assertEquals(Schema.MIGRATIONS.size(), store.schemaVersion());
            List<Decisions.Latest> latest = store.decisions().latest();
            assertEquals(1, latest.size());
            assertEquals(null, latest.get(0).period(), "decisions taken before v6 belong to no issue");
            assertEquals(List.of(), store.links().entries());
        }
    }
}
