package no.kildevakt.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemNormalizerTest {

    private static final Instant PUBLISHED = Instant.parse("2024-12-17T09:30:00Z");
    private static final Instant UPDATED = Instant.parse("2024-12-18T10:00:00Z");

    private final ItemNormalizer normalizer = new ItemNormalizer();

    private static Entries feed(String link, Entry... entries) {
        return Entries.of(link, List.of(entries));
    }

    private static Entry entry(String guid, String title, String link) {
        return new Entry(guid, title, link, null, null, null);
    }

    @Test
    void normalisesTextUrlAndKeepsInstants() {
        Entry entry = new Entry("https://www.regjeringen.no/id3050000/",
                "Ny handlingsplan mot <b>menneske&shy;handel</b>",
                "https://www.regjeringen.no/no/aktuelt/handlingsplan/id3050000/?utm_source=rss&utm_medium=rss",
                "<p>Regjeringen&nbsp;legger fram</p><p>en plan.</p>", PUBLISHED, UPDATED);
        List<Item> items = normalizer.normalize(feed("https://www.regjeringen.no/no/aktuelt/", entry));
        assertEquals(1, items.size());
        Item item = items.get(0);
        assertEquals("https://www.regjeringen.no/no/aktuelt/handlingsplan/id3050000/", item.url());
        assertEquals("Ny handlingsplan mot menneskehandel", item.title());
        assertEquals("Regjeringen legger fram en plan.", item.summary());
        assertEquals("https://www.regjeringen.no/id3050000/", item.guid());
        assertEquals(PUBLISHED, item.published());
        assertEquals(UPDATED, item.updated());
    }

    @Test
    void summaryIsBoundedByTheConfiguredLength() {
        String longSummary = "ord ".repeat(400);
        Entry entry = new Entry(null, "T", "https://x.no/a", longSummary, null, null);
        assertTrue(new ItemNormalizer().normalize(feed(null, entry)).get(0).summary().length() <= 600);
        assertTrue(new ItemNormalizer().normalize(feed(null, entry)).get(0).summary().length() > 550);
        Item shortItem = new ItemNormalizer(40).normalize(feed(null, entry)).get(0);
        assertTrue(shortItem.summary().length() <= 40);
        assertTrue(shortItem.summary().endsWith("\u2026"));
        assertEquals("", new ItemNormalizer().normalize(feed(null, entry(null, "T", "https://x.no/a"))).get(0).summary());
        assertThrows(IllegalArgumentException.class, () -> new ItemNormalizer(0));
    }

    @Test
    void blankTitleFallsBackToSummaryThenUrl() {
        Entry fromSummary = new Entry(null, "  <p> </p>", "https://x.no/a",
                "Kripos melder om flere saker om tvangsarbeid i 2024 enn noe tidligere år, viser en ny rapport fra politiet", null, null);
        Entry fromUrl = new Entry(null, null, "https://x.no/b", null, null, null);
        List<Item> items = normalizer.normalize(feed(null, fromSummary, fromUrl));
        assertEquals(2, items.size());
        assertTrue(items.get(0).title().startsWith("Kripos melder om flere saker"), items.get(0).title());
        assertTrue(items.get(0).title().length() <= ItemNormalizer.TITLE_FROM_SUMMARY_MAX_CHARS);
        assertEquals("https://x.no/b", items.get(1).title());
    }

    @Test
    void aTitleMadeUpFromTheSummaryOrUrlIsMarkedDerivedSoTheStoreNeverPrefersIt() {
        Entry fromSummary = new Entry(null, " ", "https://x.no/a", "Kripos melder om tvangsarbeid.", null, null);
        Entry fromUrl = new Entry(null, null, "https://x.no/b", null, null, null);
        Entry own = new Entry(null, "Egen tittel", "https://x.no/c", "Kripos melder.", null, null);
        List<Item> items = normalizer.normalize(feed(null, fromSummary, fromUrl, own));
        assertTrue(items.get(0).titleDerived());
        assertTrue(items.get(1).titleDerived());
        assertFalse(items.get(2).titleDerived());
        assertTrue(items.get(0).withEventDate(java.time.LocalDate.of(2025, 3, 1)).titleDerived(), "kept by copies");
    }

    @Test
    void anOpaqueGuidsKeyIsMarkedAsSuch() {
        List<Item> items = normalizer.normalize(feed(null, entry("12345", "A", "https://x.no/a"),
                entry("https://x.no/permalink", "B", null), entry(null, "C", "https://x.no/c")));
        assertTrue(items.get(0).keyedByOpaqueGuid(), items.get(0).dedupeKey());
        assertFalse(items.get(1).keyedByOpaqueGuid(), items.get(1).dedupeKey());
        assertFalse(items.get(2).keyedByOpaqueGuid(), items.get(2).dedupeKey());
    }

    @Test
    void dropsEntriesWithNeitherLinkNorTitle() {
        List<Item> items = normalizer.normalize(feed("https://x.no/",
                new Entry("opaque-1", null, null, "bare et sammendrag", null, null),
                new Entry(null, " ", "mailto:post@x.no", null, null, null),
                entry(null, "Beholdes", null)));
        assertEquals(1, items.size());
        assertEquals("Beholdes", items.get(0).title());
        assertEquals("https://x.no/", items.get(0).url(), "without a link of its own it points at the feed's home page");
        assertFalse(items.get(0).urlIdentifiesItem(), "and that URL must never merge it with other items");
    }

    @Test
    void aRefusedLinkBecomesNoLinkNotTheFeedsHomePage() {
        List<Item> items = normalizer.normalize(feed("https://x.no/",
                entry("g-1", "Skript", "javascript:alert(1)"),
                entry(null, "Data", "data:text/html,<script>alert(1)</script>")));
        assertEquals(List.of(ItemNormalizer.NO_URL, ItemNormalizer.NO_URL), items.stream().map(Item::url).toList());
        assertFalse(items.get(0).urlIdentifiesItem());
        assertFalse(items.get(1).urlIdentifiesItem());
        assertEquals(2, items.stream().map(Item::dedupeKey).distinct().count(), "keyed by guid, and by source and title");
    }

    @Test
    void relativeLinksResolveAgainstTheFeedLink() {
        Item item = normalizer.normalize(feed("https://www.stortinget.no/no/Hva-skjer/", entry(null, "T", "../Saker/sak1/"))).get(0);
        assertEquals("https://www.stortinget.no/no/Saker/sak1/", item.url());
    }

    @Test
    void guidUrlStandsInForAMissingLink() {
        Item item = normalizer.normalize(feed(null, entry("HTTPS://Www.X.no/sak/1?utm_source=rss", "T", null))).get(0);
        assertEquals("https://www.x.no/sak/1", item.url());
        assertEquals("url:https://www.x.no/sak/1", item.dedupeKey());
    }

    @Test
    void opaqueGuidIsKeyedByTheItemHost() {
        Item item = normalizer.normalize(feed("https://feed.example.no/", entry(" 12345 ", "T", "https://www.bufdir.no/aktuelt/1"))).get(0);
        assertEquals("guid:www.bufdir.no:12345", item.dedupeKey());
        assertEquals("12345", item.guid());
    }

    @Test
    void opaqueGuidWithoutItemUrlIsKeyedByTheFeedHost() {
        Item item = normalizer.normalize(feed("https://Feed.Example.no/rss", entry("tag:x,2024:1", "T", null))).get(0);
        assertEquals("guid:feed.example.no:tag:x,2024:1", item.dedupeKey());
    }

    @Test
    void noGuidIsKeyedByCanonicalUrl() {
        Item item = normalizer.normalize(feed(null, entry(null, "T", "https://X.no/a/../b?utm_campaign=z#top"))).get(0);
        assertEquals("url:https://x.no/b#title:t", item.dedupeKey());
        assertTrue(item.urlIdentifiesItem());
    }

    @Test
    void samePermalinkFromTwoFeedsGivesTheSameKey() {
        // one feed uses the permalink as guid, the other only as link with tracking parameters
        Item fromA = normalizer.normalize(feed("https://www.regjeringen.no/",
                entry("https://www.regjeringen.no/no/aktuelt/sak/id1/", "Sak", "https://www.regjeringen.no/no/aktuelt/sak/id1/"))).get(0);
        Item fromB = normalizer.normalize(feed("https://www.nettavisen.example/",
                entry(null, "Sak (videreformidlet)", "http://www.regjeringen.no:80/no/aktuelt/sak/id1/?utm_source=rss&utm_medium=rss"))).get(0);
        Item fromC = normalizer.normalize(feed("https://aggregator.example/",
                entry("https://www.regjeringen.no/no/aktuelt/sak/id1/?utm_source=agg", "Sak", "https://aggregator.example/r/1"))).get(0);
        assertEquals("url:https://www.regjeringen.no/no/aktuelt/sak/id1/", fromA.dedupeKey());
        assertEquals(fromA.dedupeKey(), fromC.dedupeKey());
        // without a guid the key carries the title; the store merges such sightings by their URL,
        // and http vs https are different URLs: only the same scheme merges
        assertEquals("url:http://www.regjeringen.no/no/aktuelt/sak/id1/#title:sak (videreformidlet)", fromB.dedupeKey());
        assertEquals("http://www.regjeringen.no/no/aktuelt/sak/id1/", fromB.url());
        assertTrue(fromA.urlIdentifiesItem() && fromB.urlIdentifiesItem() && fromC.urlIdentifiesItem());
    }

    @Test
    void keysAreStableAcrossRuns() {
        Entries feed = feed("https://x.no/", entry("g1", "A", "https://x.no/a"), entry(null, "B", "https://x.no/b"));
        assertEquals(normalizer.normalize(feed), new ItemNormalizer().normalize(feed));
    }

    @Test
    void entriesSharingOneLinkWithoutGuidAreKeyedByTitle() {
        // Stortinget's hearings feed: every item links to the same page
        String page = "https://www.stortinget.no/no/Hva-skjer-pa-Stortinget/Horing/";
        List<Item> items = normalizer.normalize(feed("https://www.stortinget.no/",
                entry(null, "Høring om <i>Menneskehandel</i>", page),
                entry(null, "Høring om barnevern", page + "?utm_source=rss"),
                entry(null, "Annen sak", "https://www.stortinget.no/no/annet/")));
        assertEquals(3, items.size());
        assertEquals("url:" + page + "#title:høring om menneskehandel", items.get(0).dedupeKey());
        assertEquals("url:" + page + "#title:høring om barnevern", items.get(1).dedupeKey());
        assertEquals(page, items.get(0).url());
        assertFalse(items.get(0).urlIdentifiesItem());
        assertFalse(items.get(1).urlIdentifiesItem());
        assertEquals("url:https://www.stortinget.no/no/annet/#title:annen sak", items.get(2).dedupeKey());
        assertTrue(items.get(2).urlIdentifiesItem());
    }

    @Test
    void entryLinkingToTheFeedPageItselfIsKeyedByTitleEvenWhenAlone() {
        String page = "https://www.stortinget.no/no/Hva-skjer-pa-Stortinget/Horing/";
        Item item = normalizer.normalize(feed(page, entry(null, "Høring", page))).get(0);
        assertEquals("url:" + page + "#title:høring", item.dedupeKey());
        assertFalse(item.urlIdentifiesItem(), "the feed's own page identifies no item");
    }

    @Test
    void sharedPermalinkGuidWithDifferentTitlesIsAlsoKeyedByTitle() {
        String page = "https://x.no/horing/";
        List<Item> items = normalizer.normalize(feed(null, entry(page, "En", page), entry(page, "To", page)));
        assertEquals(List.of("url:" + page + "#title:en", "url:" + page + "#title:to"),
                items.stream().map(Item::dedupeKey).toList());
    }

    @Test
    void duplicateKeysWithinOneFeedKeepTheFirst() {
        List<Item> items = normalizer.normalize(feed("https://x.no/",
                entry("g1", "Første", "https://x.no/a"),
                entry("g1", "Andre", "https://x.no/a"),
                entry(null, "Tredje", "https://x.no/b"),
                entry(null, "Tredje", "https://x.no/b?utm_source=rss"),
                entry("https://x.no/c", "Fjerde", null),
                entry("https://x.no/c#top", "Fjerde", "https://x.no/c")));
        assertEquals(List.of("Første", "Tredje", "Fjerde"), items.stream().map(Item::title).toList());
        assertEquals(List.of("guid:x.no:g1", "url:https://x.no/b#title:tredje", "url:https://x.no/c#title:fjerde"),
                items.stream().map(Item::dedupeKey).toList());
    }

    @Test
    void differentOpaqueGuidsOnOneUrlStayApart() {
        List<Item> items = normalizer.normalize(feed(null, entry("1", "En", "https://x.no/a"), entry("2", "To", "https://x.no/a")));
        assertEquals(2, items.size());
        assertNotEquals(items.get(0).dedupeKey(), items.get(1).dedupeKey());
    }

    @Test
    void titleOnlyEntriesAreKeyedByFeedHostAndTitle() {
        Item item = normalizer.normalize(feed("https://x.no/rss", entry(null, "Bare  <b>Tittel</b>", null))).get(0);
        assertEquals("title:x.no:bare tittel", item.dedupeKey());
        assertEquals("https://x.no/rss", item.url());
    }

    @Test
    void entriesWithNoUrlAtAllAreDropped() {
        assertTrue(normalizer.normalize(feed(null, entry(null, "Bare tittel", null))).isEmpty());
    }

    @Test
    void emptyFeedGivesNoItems() {
        assertEquals(List.of(), normalizer.normalize(feed(null)));
    }
}
