package no.kildevakt.store;

import static no.kildevakt.store.Rounds.item;
import static no.kildevakt.store.Rounds.round;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.kildevakt.item.Item;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dates no source means (year 9999, the epoch, year 1) are unknown dates: stored as none, with the
 * value given kept beside, so that such items are ordered and selected by when they were first seen.
 */
class StoreImplausibleDatesTest {
    /** The crawl's clock: rounds here start at T and end a second later. */
    private static final Instant T = Instant.parse("2025-03-01T08:00:00Z");
    private static final Instant SEEN = T.plusSeconds(1);

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

    private Map<String, StoredItem> byKey() throws StoreException {
        return store.items().list(ItemQuery.all()).stream().collect(Collectors.toMap(StoredItem::dedupeKey, Function.identity()));
    }

    @Test
    void aDateBefore1990OrMoreThanADayAheadOfTheCrawlIsUnknownAndItsTextKept() throws Exception {
        Instant y9999 = Instant.parse("9999-12-31T23:59:59Z");
        Instant epoch = Instant.EPOCH;
        Instant y1 = Instant.parse("0001-01-01T00:00:00Z");
        Instant dayAndAMinuteAhead = SEEN.plus(Duration.ofDays(1)).plusSeconds(60);
        Instant tonight = SEEN.plus(Duration.ofHours(20)); // a zone mistake, or scheduled a little ahead: kept
        Instant y1990 = Instant.parse("1990-01-01T00:00:00Z");
        store.items().recordRound(round("a", T, List.of(
                item("9999", "https://example.org/9999", "Year 9999", y9999),
                item("epoch", "https://example.org/epoch", "Epoch", epoch),
                item("1", "https://example.org/1", "Year 1", y1),
                item("ahead", "https://example.org/ahead", "A day ahead", dayAndAMinuteAhead),
                item("tonight", "https://example.org/tonight", "Tonight", tonight),
                item("1990", "https://example.org/1990", "1990", y1990))));

        Map<String, StoredItem> items = byKey();
        assertNull(items.get("9999").published());
        assertEquals("9999-12-31T23:59:59Z", items.get("9999").publishedRaw());
        assertNull(items.get("epoch").published());
        assertEquals("1970-01-01T00:00:00Z", items.get("epoch").publishedRaw());
        assertNull(items.get("1").published());
        assertEquals("0001-01-01T00:00:00Z", items.get("1").publishedRaw());
        assertNull(items.get("ahead").published());
        assertEquals(dayAndAMinuteAhead.toString(), items.get("ahead").publishedRaw());
        assertEquals(tonight, items.get("tonight").published());
        assertNull(items.get("tonight").publishedRaw());
        assertEquals(y1990, items.get("1990").published());
        assertNull(items.get("1990").publishedRaw());
    }

    @Test
    void suchItemsAreOrderedAndFoundByWhenTheyWereFirstSeen() throws Exception {
        Instant yesterday = T.minus(Duration.ofDays(1));
        store.items().recordRound(round("a", T, List.of(
                item("9999", "https://example.org/9999", "Year 9999", Instant.parse("9999-12-31T23:59:59Z")),
                item("yesterday", "https://example.org/yesterday", "Yesterday", yesterday),
                item("epoch", "https://example.org/epoch", "Epoch", Instant.EPOCH))));
        Instant later = T.plus(Duration.ofHours(2));
        store.items().recordRound(round("b", later, List.of(item("later", "https://example.org/later", "Later", later))));

        List<String> newestFirst = store.items().list(ItemQuery.all()).stream().map(StoredItem::dedupeKey).toList();
        assertEquals("later", newestFirst.get(0), "year 9999 is not sorted first forever");
        assertEquals(List.of("yesterday"), newestFirst.subList(3, 4), "nor the epoch last");
        // a window starting when they were stored finds them (the epoch would fall before any window)
        List<String> since = store.items().list(new ItemQuery(null, T, null, 0)).stream().map(StoredItem::dedupeKey).sorted().toList();
        assertEquals(List.of("9999", "epoch", "later"), since);
    }

    @Test
    void anUpdateDateFarFromNowIsDroppedAndAKnownItemIsNotGivenOne() throws Exception {
        Instant good = Instant.parse("2025-02-28T12:00:00Z");
        store.items().recordRound(round("a", T, List.of(new Item("k", "https://example.org/k", null, "K", "", good,
                Instant.parse("9999-01-01T00:00:00Z")))));
        StoredItem stored = byKey().get("k");
        assertEquals(good, stored.published());
        assertNull(stored.updated());
        // seen again with a date far off: the good date it has stays
        store.items().recordRound(round("a", T.plusSeconds(3600), List.of(new Item("k", "https://example.org/k", null, "K", "",
                Instant.parse("1970-01-01T00:00:00Z"), null))));
        stored = byKey().get("k");
        assertEquals(good, stored.published());
        assertNull(stored.publishedRaw(), "the usable date wins; nothing to keep");
    }

    @Test
    void aPlausibleDateSeenLaterReplacesAnUnknownOne() throws Exception {
        store.items().recordRound(round("a", T, List.of(item("k", "https://example.org/k", "K", Instant.EPOCH))));
        Instant good = Instant.parse("2025-02-28T12:00:00Z");
        store.items().recordRound(round("a", T.plusSeconds(3600), List.of(item("k", "https://example.org/k", "K", good))));
        StoredItem stored = byKey().get("k");
        assertEquals(good, stored.published());
        assertNull(stored.publishedRaw());
    }
}
