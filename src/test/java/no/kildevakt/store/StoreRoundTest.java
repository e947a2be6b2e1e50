package no.kildevakt.store;

import static no.kildevakt.store.Rounds.item;
import static no.kildevakt.store.Rounds.round;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import no.kildevakt.item.Item;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording rounds, and reading back items, state and the fetch log. */
class StoreRoundTest {
    private static final Instant T1 = Instant.parse("2025-03-01T08:00:00Z");
    private static final Instant T2 = Instant.parse("2025-03-02T08:00:00Z");
    private static final Instant T3 = Instant.parse("2025-03-03T08:00:00Z");

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

    @Test
    void storesNewItemsWithTheirSourceSectionAndTimes() throws Exception {
        Instant published = Instant.parse("2025-02-28T12:30:00Z");
        Item first = new Item("k1", "https://example.org/1", "guid-1", "Første sak", "Et sammendrag", published,
                published.plusSeconds(60));
        RoundResult result = store.items().recordRound(round("reg-jd", "arrangementer", T1,
                List.of(first, item("k2", "https://example.org/2", "Andre sak"))));
        assertEquals(new RoundResult(2, 0), result);

        List<StoredItem> items = store.items().list(ItemQuery.all());
        assertEquals(2, items.size());
        StoredItem stored = items.stream().filter(i -> i.dedupeKey().equals("k1")).findFirst().orElseThrow();
        assertEquals("reg-jd", stored.source());
        assertEquals(List.of("reg-jd"), stored.sources());
        assertEquals("arrangementer", stored.section());
        assertEquals("Første sak", stored.title());
        assertEquals("https://example.org/1", stored.url());
        assertEquals("guid-1", stored.guid());
        assertEquals("Et sammendrag", stored.summary());
        assertEquals(published, stored.published());
        assertEquals(published.plusSeconds(60), stored.updated());
        assertNull(stored.eventDate());
        assertEquals(T1.plusSeconds(1), stored.firstSeen(), "first seen when the round finished");
        assertEquals(T1.plusSeconds(1), stored.lastSeen());
        assertEquals("new", stored.status().code());
        assertEquals(stored, store.items().get(stored.id()).orElseThrow());
        assertTrue(store.items().get(stored.id() + 1000).isEmpty());
    }

    @Test
    void aKnownItemTakesOnlyNonEmptyNewValues() throws Exception {
        Instant published = Instant.parse("2025-02-28T12:30:00Z");
        store.items().recordRound(round("a", T1, List.of(
                new Item("k1", "https://example.org/1", null, "Old title", "Old summary", published, null))));
        Instant updated = Instant.parse("2025-03-01T10:00:00Z");
        RoundResult result = store.items().recordRound(round("a", T2, List.of(
                new Item("k1", "https://example.org/1", "g1", "New title", "", null, updated))));
        assertEquals(new RoundResult(0, 1), result);

        StoredItem stored = store.items().list(ItemQuery.all()).get(0);
        assertEquals("New title", stored.title());
        assertEquals("Old summary", stored.summary(), "an empty summary does not wipe the old one");
        assertEquals(published, stored.published(), "a missing date does not wipe the old one");
        assertEquals(updated, stored.updated());
        assertEquals("g1", stored.guid());
        assertEquals(T1.plusSeconds(1), stored.firstSeen());
        assertEquals(T2.plusSeconds(1), stored.lastSeen());
        assertEquals(1, store.items().list(ItemQuery.all()).size());
    }

    @Test
    void theSameKeyFromTwoSourcesIsStoredOnceAndRemembersBoth() throws Exception {
        store.items().recordRound(round("a", "norske", T1, List.of(item("k1", "https://example.org/1", "From a"))));
        RoundResult result = store.items().recordRound(round("b", "internasjonale", T2,
                List.of(item("k1", "https://example.org/1", "From b"))));
        assertEquals(new RoundResult(0, 1), result);

        List<StoredItem> items = store.items().list(ItemQuery.all());
        assertEquals(1, items.size());
        StoredItem stored = items.get(0);
        assertEquals("a", stored.source(), "the first source stays the first");
        assertEquals("norske", stored.section(), "and so does its section");
        assertEquals(List.of("a", "b"), stored.sources());
        assertEquals(1, store.items().list(new ItemQuery("a", null, null, 0)).size());
        assertEquals(1, store.items().list(new ItemQuery("b", null, null, 0)).size());
    }

    @Test
    void theSameUrlUnderAnotherKeyIsStoredOnce() throws Exception {
        // e.g. one source gives a guid, the other does not: different keys, same canonical URL
        store.items().recordRound(round("b", T1, List.of(item("guid:abc", "https://example.org/sak", "Sak"))));
        RoundResult result = store.items().recordRound(round("a", T2,
                List.of(item("url:https://example.org/sak", "https://example.org/sak", "Sak"))));
        assertEquals(new RoundResult(0, 1), result);
        List<StoredItem> items = store.items().list(ItemQuery.all());
        assertEquals(1, items.size());
        assertEquals("guid:abc#source:b", items.get(0).dedupeKey(), "the first key stays (an opaque guid's, kept per source)");
        assertEquals(List.of("b", "a"), items.get(0).sources(), "sources in the order they first listed it");
    }

    @Test
    void itemsThatOnlyShareTheirFeedsUrlAreNeverMergedByIt() throws Exception {
        // Stortinget's hearings feed links every item to the same page: keys carry the title
        String page = "https://www.stortinget.no/horinger";
        store.items().recordRound(round("a", T1, List.of(
                Rounds.sharedUrlItem("url:" + page + "#title:høring om a", page, "Høring om A"),
                Rounds.sharedUrlItem("url:" + page + "#title:høring om b", page, "Høring om B"))));
        RoundResult later = store.items().recordRound(round("a", T2, List.of(
                Rounds.sharedUrlItem("url:" + page + "#title:høring om c", page, "Høring om C"),
                item("url:" + page + "#title:the page itself", page, "The page itself"))));
        assertEquals(new RoundResult(2, 0), later, "neither merges into the hearings stored before");
        assertEquals(4, store.items().list(ItemQuery.all()).size());
    }

    @Test
    void aUrlOnceSeenSharedNeverAgainIdentifiesItsItem() throws Exception {
        String page = "https://www.stortinget.no/horinger";
        // day 1: hearing A alone, its link looks like its own
        store.items().recordRound(round("a", T1, List.of(item("url:" + page + "#title:høring om a", page, "Høring om A"))));
        // day 2: A and B share it, so it is seen for what it is
        store.items().recordRound(round("a", T2, List.of(
                Rounds.sharedUrlItem("url:" + page + "#title:høring om a", page, "Høring om A"),
                Rounds.sharedUrlItem("url:" + page + "#title:høring om b", page, "Høring om B"))));
        // day 3: C alone must not be taken for A by its URL
        RoundResult day3 = store.items().recordRound(round("a", T2.plusSeconds(86_400),
                List.of(item("url:" + page + "#title:høring om c", page, "Høring om C"))));
        assertEquals(new RoundResult(1, 0), day3);
        assertEquals(3, store.items().list(ItemQuery.all()).size());
    }

    @Test
    void aDuplicateWithinOneRoundCountsOnce() throws Exception {
        RoundResult result = store.items().recordRound(round("a", T1, List.of(
                item("url:https://example.org/1", "https://example.org/1", "One"),
                item("url:https://example.org/1", "https://example.org/1", "One again"),
                item("guid:example.org:2", "https://example.org/1", "Same url"))));
        assertEquals(new RoundResult(1, 0), result);
        assertEquals(1, store.items().list(ItemQuery.all()).size());
        assertEquals(3, store.sources().fetchLog("a", 0).get(0).seenItems());
        assertEquals(1, store.sources().fetchLog("a", 0).get(0).newItems());
    }

    @Test
    void aRoundThatFailsMidwayLeavesNothingAndEarlierRoundsIntact() throws Exception {
        store.items().recordRound(round("a", T1, List.of(item("k1", "https://example.org/1", "Kept"))));
        StoredItem before = store.items().list(ItemQuery.all()).get(0);
        SourceState stateOfABefore = store.sources().state("a");

        List<Item> items = new ArrayList<>();
        items.add(item("k1", "https://example.org/1", "Changed by b")); // an update of a's item
        for (int i = 2; i <= 5; i++) {
            items.add(item("k" + i, "https://example.org/" + i, "New " + i));
        }
        items.add(item("bad", null, "No URL")); // violates items.url NOT NULL
        items.add(item("k9", "https://example.org/9", "Never reached"));
        StoreException e = assertThrows(StoreException.class, () -> store.items().recordRound(round("b", T2, items)));
        assertTrue(e.getMessage().startsWith("cannot record the round of source b in database "), e.getMessage());
        assertTrue(e.getMessage().contains("items.url"), e.getMessage());

        assertEquals(List.of(before), store.items().list(ItemQuery.all()), "no new item, no update, no second source");
        assertEquals(SourceState.empty("b"), store.sources().state("b"), "no state for b");
        assertEquals(List.of(), store.sources().fetchLog("b", 0), "no fetch log row for b");
        assertEquals(stateOfABefore, store.sources().state("a"));
        assertEquals(1, store.sources().fetchLog(null, 0).size());

        // the store is still usable: the same round without the bad item goes through
        items.remove(5);
        assertEquals(new RoundResult(5, 1), store.items().recordRound(round("b", T2, items)));
        assertEquals(6, store.items().list(ItemQuery.all()).size());
        // and a fresh open sees exactly that
        store.close();
        store = Store.open(dir.resolve("k.db"));
        assertEquals(6, store.items().list(ItemQuery.all()).size());
        assertEquals(Outcome.OK, store.sources().state("b").lastOutcome());
    }

    @Test
    void aRoundCarryingAnotherSourcesStateIsRefused() {
        Round own = round("a", T1, List.of());
        Round mixed = new Round("b", "norske", T1, T1, Outcome.OK, 200, null, null, 0, List.of(), own.newState());
        assertThrows(IllegalArgumentException.class, () -> store.items().recordRound(mixed));
    }

    @Test
    void stateRoundTrips() throws Exception {
        Instant withMicros = Instant.parse("2025-03-01T08:00:00.123456Z");
        SourceState full = new SourceState("a", "W/\"abc\"", "Sat, 01 Mar 2025 07:00:00 GMT", T1, withMicros,
                Outcome.NOT_MODIFIED, "something", 3, 12, 40, T3, "https://example.org/moved");
        store.items().recordRound(roundWithState(full, Outcome.NOT_MODIFIED));
        SourceState expected = new SourceState("a", "W/\"abc\"", "Sat, 01 Mar 2025 07:00:00 GMT", T1,
                withMicros.truncatedTo(ChronoUnit.MILLIS), Outcome.NOT_MODIFIED, "something", 3, 12, 40, T3,
                "https://example.org/moved");
        assertEquals(expected, store.sources().state("a"), "instants are kept to the millisecond");

        SourceState failed = new SourceState("a", null, null, T2, null, Outcome.TIMEOUT, "read timed out", 4, 0, 40,
                null, null);
        store.items().recordRound(roundWithState(failed, Outcome.TIMEOUT));
        assertEquals(failed, store.sources().state("a"), "every field is overwritten, nulls included");

        SourceState other = SourceState.empty("b");
        store.items().recordRound(roundWithState(other, Outcome.SKIPPED));
        assertEquals(Map.of("a", failed, "b", other), store.sources().states());
        assertEquals(List.of("a", "b"), new ArrayList<>(store.sources().states().keySet()));
        assertEquals(SourceState.empty("never"), store.sources().state("never"));
    }

    @Test
    void itemsAreListedNewestFirstAndFiltered() throws Exception {
        Instant noon = Instant.parse("2025-01-10T12:00:00Z");
        store.items().recordRound(round("a", T1, List.of(
                item("old", "https://example.org/old", "Old", Instant.parse("2024-12-01T00:00:00Z")),
                item("noon", "https://example.org/noon", "Noon", noon),
                // half a second later: text order must be time order (Instant.toString would break this)
                item("noon+", "https://example.org/noon+", "Noon and a bit", noon.plusMillis(500)),
                item("undated", "https://example.org/undated", "Undated", null)))); // first seen T1+1s
        store.items().recordRound(round("b", T2, List.of(
                item("b-only", "https://example.org/b", "B", Instant.parse("2025-02-01T00:00:00Z")),
                item("noon", "https://example.org/noon", "Noon", noon))));

        assertEquals(List.of("undated", "b-only", "noon+", "noon", "old"), keys(ItemQuery.all()));
        assertEquals(List.of("undated", "b-only"), keys(new ItemQuery(null, null, null, 2)));
        assertEquals(List.of("b-only", "noon"), keys(new ItemQuery("b", null, null, 0)));
        assertEquals(List.of("undated", "noon+", "noon", "old"), keys(new ItemQuery("a", null, null, 0)));
        // since is inclusive, until exclusive
        assertEquals(List.of("b-only", "noon+", "noon"),
                keys(new ItemQuery(null, noon, Instant.parse("2025-02-15T00:00:00Z"), 0)));
        assertEquals(List.of("noon"), keys(new ItemQuery(null, noon, noon.plusMillis(500), 0)));
        assertEquals(List.of("undated"), keys(new ItemQuery(null, T1, null, 0)));
        assertEquals(List.of("noon"), keys(new ItemQuery("b", null, Instant.parse("2025-01-31T00:00:00Z"), 0)));
        assertEquals(List.of(), keys(new ItemQuery("nobody", null, null, 0)));
    }

    @Test
    void everyRoundLeavesAFetchLogRow() throws Exception {
        store.items().recordRound(round("a", T1, List.of(item("k1", "https://example.org/1", "One"))));
        store.items().recordRound(round("b", T2, List.of()));
        Round failed = new Round("a", "norske", T3, T3.plusSeconds(30), Outcome.SERVER_ERROR, 503,
                "HTTP 503 after 3 attempts", "https://example.org/a", 0, List.of(),
                new SourceState("a", null, null, T3, T1, Outcome.SERVER_ERROR, "HTTP 503 after 3 attempts", 1, 1, 1,
                        T3.plusSeconds(3600), null));
        store.items().recordRound(failed);
        store.items().recordRound(round("a", T2, List.of(item("k1", "https://example.org/1", "One"),
                item("k2", "https://example.org/2", "Two"))));

        List<FetchLogEntry> log = store.sources().fetchLog("a", 0);
        assertEquals(3, log.size());
        FetchLogEntry latest = log.get(0);
        assertEquals(new FetchLogEntry(latest.id(), "a", T3, T3.plusSeconds(30), Outcome.SERVER_ERROR, 503, 0, 0, 0,
                "HTTP 503 after 3 attempts", "https://example.org/a"), latest);
        FetchLogEntry second = log.get(1);
        assertEquals(T2, second.startedAt(), "ordered by start, not by insertion");
        assertEquals(1, second.newItems());
        assertEquals(2, second.seenItems());
        assertEquals(1234, second.bytes());
        assertEquals(Outcome.OK, second.outcome());
        assertEquals(1, log.get(2).newItems());
        assertEquals(T1, log.get(2).startedAt());

        assertEquals(List.of(latest), store.sources().fetchLog("a", 1));
        assertEquals(4, store.sources().fetchLog(null, 0).size());
        assertEquals(List.of("b"), store.sources().fetchLog("b", 5).stream().map(FetchLogEntry::sourceId).toList());
    }

    @Test
    void forgivingTakesBackOneFailureAndMakesTheSourceDue() throws Exception {
        SourceState failing = new SourceState("a", "e", null, T2, T1, Outcome.NETWORK_ERROR, "unknown host", 3, 5, 9,
                T3, null);
        SourceState healthy = new SourceState("b", null, null, T2, T2, Outcome.OK, null, 0, 5, 9, T3, null);
        SourceState once = new SourceState("c", null, null, T2, T1, Outcome.TIMEOUT, "timeout", 1, 5, 9, T3, null);
        store.items().recordRound(roundWithState(failing, Outcome.NETWORK_ERROR));
        store.items().recordRound(roundWithState(healthy, Outcome.OK));
        store.items().recordRound(roundWithState(once, Outcome.TIMEOUT));

        store.sources().forgiveFailures(List.of("a", "b", "unknown"));
        assertEquals(new SourceState("a", "e", null, T2, T1, Outcome.NETWORK_ERROR, "unknown host", 2, 5, 9, null,
                null), store.sources().state("a"));
        assertEquals(new SourceState("b", null, null, T2, T2, Outcome.OK, null, 0, 5, 9, null, null),
                store.sources().state("b"), "never below zero");
        assertEquals(once, store.sources().state("c"), "sources not named are untouched");
        assertEquals(Set.of("a", "b", "c"), store.sources().states().keySet(), "no row for the unknown id");

        store.sources().forgiveFailures(Set.of());
        assertEquals(2, store.sources().state("a").consecutiveFailures());
    }

    @Test
    void roundsFromSeveralThreadsAreAllRecorded() throws Exception {
        int threads = 4;
        int roundsEach = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String source = "s" + t;
                futures.add(pool.submit(() -> {
                    for (int r = 0; r < roundsEach; r++) {
                        // every thread lists the shared items 0..9 and two of its own per round
                        List<Item> items = new ArrayList<>();
                        for (int i = 0; i < 10; i++) {
                            items.add(item("shared" + i, "https://example.org/shared/" + i, "Shared " + i));
                        }
                        items.add(item(source + "-" + r + "a", "https://example.org/" + source + "/" + r + "a", "Own"));
                        items.add(item(source + "-" + r + "b", "https://example.org/" + source + "/" + r + "b", "Own"));
                        store.items().recordRound(round(source, T1.plusSeconds(r), items));
                        store.items().list(new ItemQuery(source, null, null, 5)); // readers interleave with writers
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<StoredItem> items = store.items().list(ItemQuery.all());
        assertEquals(10 + threads * roundsEach * 2, items.size());
        StoredItem shared = items.stream().filter(i -> i.dedupeKey().equals("shared0")).findFirst().orElseThrow();
        assertEquals(Set.of("s0", "s1", "s2", "s3"), Set.copyOf(shared.sources()));
        assertEquals(threads * roundsEach, store.sources().fetchLog(null, 0).size());
        int newTotal = store.sources().fetchLog(null, 0).stream().mapToInt(FetchLogEntry::newItems).sum();
        assertEquals(items.size(), newTotal, "every item counted new exactly once");
    }

    private List<String> keys(ItemQuery query) throws StoreException {
        return store.items().list(query).stream().map(StoredItem::dedupeKey).collect(Collectors.toList());
    }

    private static Round roundWithState(SourceState state, Outcome outcome) {
        return new Round(state.sourceId(), "norske", T1, T1, outcome, 0, null, null, 0, List.of(), state);
    }

    // several sources' rounds in one transaction (Items.recordRounds): all kept or none

    @Test
    void roundsAreWrittenInOrderAndALaterOneSeesWhatAnEarlierStored() throws Exception {
        List<RoundResult> results = store.items().recordRounds(List.of(
                round("a", T1, List.of(item("k1", "https://example.org/1", "One"), item("k2", "https://example.org/2", "Two"))),
                round("b", T1, List.of(item("k1", "https://example.org/1", "One again"), item("k3", "https://example.org/3", "Three"))),
                round("c", T1, List.of())));

        assertEquals(List.of(new RoundResult(2, 0), new RoundResult(1, 1), new RoundResult(0, 0)), results);
        assertEquals(3, store.items().list(ItemQuery.all()).size());
        StoredItem shared = store.items().list(ItemQuery.all()).stream().filter(i -> i.dedupeKey().equals("k1")).findFirst().orElseThrow();
        assertEquals("a", shared.source(), "the first round in the batch owns it");
        assertEquals(List.of("a", "b"), shared.sources().stream().sorted().toList());
        for (String source : List.of("a", "b", "c")) {
            assertEquals(Outcome.OK, store.sources().state(source).lastOutcome(), source);
            assertEquals(1, store.sources().fetchLog(source, 0).size(), source);
        }
    }

    @Test
    void oneRoundThatCannotBeWrittenKeepsNoneOfTheBatch() throws Exception {
        store.items().recordRound(round("a", T1, List.of(item("k0", "https://example.org/0", "Before"))));
        StoreException e = assertThrows(StoreException.class, () -> store.items().recordRounds(List.of(
                round("b", T1, List.of(item("k1", "https://example.org/1", "Fine"))),
                round("c", T1, List.of(item("bad", null, "No URL")))))); // violates items.url NOT NULL
        assertTrue(e.getMessage().contains("record the rounds of 2 sources, from b"), e.getMessage());
        assertTrue(e.getMessage().contains("items.url"), e.getMessage());

        assertEquals(List.of("k0"), store.items().list(ItemQuery.all()).stream().map(StoredItem::dedupeKey).toList());
        assertEquals(SourceState.empty("b"), store.sources().state("b"), "b's round went with c's");
        assertEquals(List.of(), store.sources().fetchLog("b", 0));

        // and the store goes on: the kept statements were dropped with the failed transaction
        assertEquals(List.of(new RoundResult(1, 0), new RoundResult(0, 1)), store.items().recordRounds(List.of(
                round("b", T1, List.of(item("k1", "https://example.org/1", "Fine"))),
                round("c", T1, List.of(item("k1", "https://example.org/1", "Fine"))))));
    }

    @Test
    void aRoundCarryingAnotherSourcesStateIsRefusedBeforeAnythingIsWritten() throws Exception {
        Round own = round("a", T1, List.of());
        Round mixed = new Round("b", "norske", T1, T1, Outcome.OK, 200, null, null, 0,
                List.of(item("k1", "https://example.org/1", "One")), own.newState());
        assertThrows(IllegalArgumentException.class, () -> store.items().recordRounds(List.of(own, mixed)));
        assertEquals(SourceState.empty("a"), store.sources().state("a"));
    }
}
