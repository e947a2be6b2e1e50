package no.kildevakt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import no.kildevakt.item.Item;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.read.feed.FeedParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deduplication through the whole pipeline: parse → normalise → store, with the real sources' quirks (SOURCES.md). */
class PipelineDedupeTest {
    private static final Instant T1 = Instant.parse("2026-08-20T08:00:00Z");
    private static final Instant T2 = Instant.parse("2026-08-21T08:00:00Z");
    private static final URI HORINGER = URI.create("https://www.stortinget.no/no/Stottemeny/RSS/Horingsliste/");

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

    private static List<Item> items(String xml, URI url) throws Exception {
        return new ItemNormalizer().normalize(new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8),
                "application/rss+xml; charset=utf-8", url));
    }

    private static String stortingetItem(String guid, String title) {
        return "<item><title>" + title + "</title>"
                + "<link>https://www.stortinget.no/no/Hva-skjer-pa-Stortinget/Horing/</link>"
                + (guid == null ? "" : "<guid isPermaLink=\"false\">" + guid + "</guid>")
                + "<description></description><dc:date>2026-08-20T10:00:00+02:00</dc:date></item>";
    }

    private static String stortingetFeed(String... items) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<channel><title>Høringer</title><link>https://www.stortinget.no/</link>"
                + String.join("", items) + "</channel></rss>";
    }

    /**
     * Stortinget's hearings feed repeats one link on every item; each item has its own guid. Three
     * distinct hearings must stay three items in the store.
     */
    @Test
    void stortingetHearingsWithGuidsAndOneSharedLinkStayDistinct() throws Exception {
        List<Item> parsed = items(stortingetFeed(
                stortingetItem("tag:stortinget.no,2000:innhold.aaa", "Høring om endringer i straffeloven"),
                stortingetItem("tag:stortinget.no,2000:innhold.bbb", "Høring om statsbudsjettet"),
                stortingetItem("tag:stortinget.no,2000:innhold.ccc", "Høring om utlendingsloven")), HORINGER);
        assertEquals(3, parsed.size(), "normaliser keeps three");
        store.items().recordRound(Rounds.round("sting-horinger", T1, parsed));
        assertEquals(3, store.items().list(ItemQuery.all()).size(), "three hearings stored, not merged through their shared link");
    }

    /**
     * The same hearing, on a day with one hearing listed and on a day with two: its key must not change,
     * or the editors see it twice.
     */
    @Test
    void aHearingWithoutGuidIsNotDuplicatedWhenASecondHearingAppears() throws Exception {
        String a = stortingetItem(null, "Høring om endringer i straffeloven");
        String b = stortingetItem(null, "Høring om statsbudsjettet");
        store.items().recordRound(Rounds.round("sting-horinger", T1, items(stortingetFeed(a), HORINGER)));
        store.items().recordRound(Rounds.round("sting-horinger", T2, items(stortingetFeed(a, b), HORINGER)));
        assertEquals(2, store.items().list(ItemQuery.all()).size(), "hearing A once, hearing B once");
    }

    /** Entries that carry an opaque guid but no link stand in with the feed's link; they must not merge. */
    @Test
    void linklessEntriesWithOpaqueGuidsAreNotMergedThroughTheFeedLink() throws Exception {
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Europol</title>"
                + "<link>https://www.europol.europa.eu/newsroom</link>"
                + "<item><title>910 potential victims of human trafficking identified</title><guid isPermaLink=\"false\">n-910</guid></item>"
                + "<item><title>Criminal network dismantled in Spain</title><guid isPermaLink=\"false\">n-911</guid></item>"
                + "</channel></rss>";
        List<Item> parsed = items(xml, URI.create("https://www.europol.europa.eu/cms/api/rss/news"));
        assertEquals(2, parsed.size());
        store.items().recordRound(Rounds.round("europol-news", "internasjonale", T1, parsed));
        assertEquals(2, store.items().list(ItemQuery.all()).size());
    }
}
