package no.kildevakt.store;

import static no.kildevakt.store.Rounds.item;
import static no.kildevakt.store.Rounds.round;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Items#recordRounds}: several sources' rounds in one transaction, all kept or none. */
class StoreRoundBatchTest {
    private static final Instant T1 = Instant.parse("2025-03-01T08:00:00Z");

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
