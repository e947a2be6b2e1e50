package no.kildevakt.store;

import static no.kildevakt.store.Rounds.round;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import no.kildevakt.item.Item;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An item listed by several sources belongs to the first: another source's listing never changes its
 * title, summary, link or dates, and a title made up from the summary or the URL never replaces a real one.
 */
class StoreItemOwnershipTest {
    private static final Instant T1 = Instant.parse("2025-03-01T08:00:00Z");
    private static final Instant T2 = Instant.parse("2025-03-02T08:00:00Z");
    private static final Instant T3 = Instant.parse("2025-03-03T08:00:00Z");
    private static final Instant T4 = Instant.parse("2025-03-04T08:00:00Z");
    private static final String URL = "https://example.org/sak";

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

    private static Item real(String key, String url, String title, String summary) {
        return new Item(key, url, null, title, summary, null, null, true, null, false);
    }

    /** As the normaliser makes it for an entry without a title: the summary's first words, or the URL. */
    private static Item derived(String key, String url, String title, String summary) {
        return new Item(key, url, null, title, summary, null, null, true, null, true);
    }

    private StoredItem only() throws StoreException {
        List<StoredItem> items = store.items().list(ItemQuery.all());
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }

    @Test
    void anotherSourceWithoutTitlesNeverOverwritesTheFirstSourcesTitle() throws Exception {
        store.items().recordRound(round("a", T1, List.of(real("url:" + URL, URL, "Ny handlingsplan", "Regjeringen legger fram planen."))));
        // b lists the same page with no title: its normaliser fell back to the summary, or to the URL
        store.items().recordRound(round("b", T2, List.of(derived("guid:example.org:9", URL, "Kort om planen", "Kort om planen"))));
        assertEquals("Ny handlingsplan", only().title());
        store.items().recordRound(round("b", T2, List.of(derived("guid:example.org:9", URL, URL, ""))));
        StoredItem stored = only();
        assertEquals("Ny handlingsplan", stored.title());
        assertEquals("Regjeringen legger fram planen.", stored.summary());
        assertEquals(List.of("a", "b"), stored.sources(), "b is remembered as also reporting it");
        assertEquals(List.of("b"), stored.alsoReportedBy());
        assertEquals("a", stored.source());
    }

    @Test
    void anotherSourcesRealTitleAndSummaryDoNotReplaceTheFirstSourcesEither() throws Exception {
        store.items().recordRound(round("a", T1, List.of(real("url:" + URL, URL, "Ny handlingsplan", "Fra departementet."))));
        store.items().recordRound(round("b", T2, List.of(real("url:" + URL, URL, "Handlingsplan lagt fram", "Fra en blogg."))));
        StoredItem stored = only();
        assertEquals("Ny handlingsplan", stored.title(), "no last-writer-wins flip between the two sources");
        assertEquals("Fra departementet.", stored.summary());

        // the first source's own feed may change its title and summary
        store.items().recordRound(round("a", T3, List.of(real("url:" + URL, URL, "Ny handlingsplan (oppdatert)", "Oppdatert."))));
        assertEquals("Ny handlingsplan (oppdatert)", only().title());
        assertEquals("Oppdatert.", only().summary());
        store.items().recordRound(round("b", T4, List.of(real("url:" + URL, URL, "Handlingsplan lagt fram", "Fra en blogg."))));
        assertEquals("Ny handlingsplan (oppdatert)", only().title());
    }

    @Test
    void anotherSourceFillsOnlyWhatTheFirstLeftEmpty() throws Exception {
        Instant published = Instant.parse("2025-02-28T12:00:00Z");
        store.items().recordRound(round("a", T1, List.of(real("url:" + URL, URL, "Sak", ""))));
        store.items().recordRound(round("b", T2, List.of(new Item("url:" + URL, URL, null, "Sak hos b", "Et sammendrag.", published, null))));
        StoredItem stored = only();
        assertEquals("Sak", stored.title());
        assertEquals("Et sammendrag.", stored.summary(), "an empty summary is filled");
        assertEquals(published, stored.published(), "a missing date is filled");

        store.items().recordRound(round("b", T3, List.of(new Item("url:" + URL, URL, null, "Sak hos b", "Annet sammendrag.",
                published.plusSeconds(86_400), null))));
        assertEquals("Et sammendrag.", only().summary(), "but not replaced by the same other source");
        assertEquals(published, only().published(), "nor is the date: it would move the item in the digest");
    }

    @Test
    void aDerivedTitleNeverReplacesARealOneButARealOneReplacesADerivedOne() throws Exception {
        store.items().recordRound(round("a", T1, List.of(real("url:" + URL, URL, "Ekte tittel", "Sammendrag."))));
        // the first source's own feed dropping the title is no reason to lose it
        store.items().recordRound(round("a", T2, List.of(derived("url:" + URL, URL, "Sammendrag.", "Sammendrag."))));
        assertEquals("Ekte tittel", only().title());

        String other = "https://example.org/uten-tittel";
        store.items().recordRound(round("a", T1, List.of(derived("url:" + other, other, other, ""))));
        store.items().recordRound(round("b", T2, List.of(real("url:" + other, other, "Tittelen b fant", ""))));
        StoredItem filled = store.items().list(ItemQuery.all()).stream().filter(i -> i.url().equals(other)).findFirst().orElseThrow();
        assertEquals("Tittelen b fant", filled.title(), "a made-up title is no title to keep");
        store.items().recordRound(round("a", T3, List.of(derived("url:" + other, other, other, ""))));
        filled = store.items().get(filled.id()).orElseThrow();
        assertEquals("Tittelen b fant", filled.title());
    }

    @Test
    void guidsAreOnlyUniqueWithinTheirSource() throws Exception {
        // two feeds of one site number their items from 1: guid "1" in b is not guid "1" in a
        Item aOne = new Item("guid:example.org:1", "https://example.org/a/1", "1", "A sin første", "Om A.", null, null);
        Item bOne = new Item("guid:example.org:1", "https://example.org/b/1", "1", "B sin første", "Om B.", null, null);
        assertEquals(Set.of(), store.knownItems().knownKeys("b", List.of(bOne)));
        store.items().recordRound(round("a", T1, List.of(aOne)));
        assertEquals(Set.of(), store.knownItems().knownKeys("b", List.of(bOne)), "a's guid 1 is not b's");
        assertEquals(Set.of("guid:example.org:1"), store.knownItems().knownKeys("a", List.of(aOne)));
        assertEquals(new RoundResult(1, 0), store.items().recordRound(round("b", T2, List.of(bOne))));

        List<StoredItem> items = store.items().list(ItemQuery.all());
        assertEquals(2, items.size());
        for (StoredItem item : items) {
            String own = item.source().toUpperCase(java.util.Locale.ROOT);
            assertEquals(own + " sin første", item.title());
            assertEquals("https://example.org/" + item.source() + "/1", item.url(), "no title of one with the link of the other");
            assertEquals("Om " + own + ".", item.summary());
            assertEquals(List.of(item.source()), item.sources());
        }
        assertEquals(new RoundResult(0, 1), store.items().recordRound(round("b", T3, List.of(bOne))), "b's guid still finds b's item");
        assertEquals(Set.of("guid:example.org:1"), store.knownItems().knownKeys("b", List.of(bOne)));
    }

    @Test
    void theSameArticleUnderEachSourcesOwnGuidIsStillOneItemByItsUrl() throws Exception {
        Item inA = new Item("guid:example.org:77", URL, "77", "Sak", "", null, null);
        Item inB = new Item("guid:example.org:77", URL, "77", "Sak hos b", "", null, null);
        store.items().recordRound(round("a", T1, List.of(inA)));
        assertEquals(Set.of("guid:example.org:77"), store.knownItems().knownKeys("b", List.of(inB)), "known by its URL");
        assertEquals(new RoundResult(0, 1), store.items().recordRound(round("b", T2, List.of(inB))));
        StoredItem stored = only();
        assertEquals(List.of("a", "b"), stored.sources());
        assertEquals("Sak", stored.title());
        assertEquals("77", stored.guid());
    }

    @Test
    void anotherSourcesGuidIsNotTakenAsTheItemsOwn() throws Exception {
        store.items().recordRound(round("a", T1, List.of(real("url:" + URL, URL, "Sak", ""))));
        store.items().recordRound(round("b", T2, List.of(new Item("guid:example.org:5", URL, "5", "Sak", "", null, null))));
        assertNull(only().guid(), "b's guid means nothing in a's feed");
    }
}
