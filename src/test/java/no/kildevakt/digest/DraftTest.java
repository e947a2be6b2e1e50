package no.kildevakt.digest;

import static no.kildevakt.digest.Fixtures.keywords;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.kildevakt.store.ReviewStatus;
import no.kildevakt.store.StoredItem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The draft of the next issue: which items, and how each reads. */
class DraftTest {
    private static final Period Q1 = Period.parse("2025-Q1");
    private static final Instant FEB = Instant.parse("2025-02-12T09:00:00Z");

    @TempDir
    Path dir;

    private Candidates candidates;

    @BeforeEach
    void setUp() throws Exception {
        candidates = new Candidates(Fixtures.config(dir), keywords(5, "menneskehandel", 10));
    }

    static StoredItem edited(StoredItem i, String status, String title, String summary) {
        return new StoredItem(i.id(), i.dedupeKey(), i.source(), i.sources(), i.section(), i.title(), i.url(), i.guid(), i.summary(),
                i.published(), i.updated(), i.eventDate(), i.firstSeen(), i.lastSeen(), ReviewStatus.ofCode(status), null, title, summary, FEB);
    }

    private List<StoredItem> items() {
        return List.of(
                Fixtures.stored(1, "reg-jd", "norske", "Handlingsplan mot menneskehandel",
                        "Regjeringen la fram planen 6. desember 2024. Den gjelder bl.a. tvangsarbeid. Kripos følger opp. Mer kommer.",
                        FEB, null, FEB, "new"),
                Fixtures.stored(2, "reg-jd", "norske", "Budsjettet", "Ingen treff her.", FEB, null, FEB, "new"),
                Fixtures.stored(3, "events", "arrangementer", "Konferanse om menneskehandel", "Nordisk konferanse i Oslo.",
                        FEB, LocalDate.parse("2025-04-20"), FEB, "new"));
    }

    @Test
    void withoutAcceptedItemsTheCandidatesAboveTheThresholdAreDrafted() {
        Draft draft = Draft.of(candidates, Q1, items());
        assertFalse(draft.accepted());
        assertEquals(List.of(1L, 3L), draft.entries().stream().map(e -> e.item().item().id()).toList());
    }

    @Test
    void acceptedItemsAreDraftedWhateverTheirScoreAndNothingElse() {
        List<StoredItem> items = new java.util.ArrayList<>(items());
        items.set(1, edited(items.get(1), "accepted", "Statsbudsjettet 2025: mer til tiltak mot menneskehandel",
                "Regjeringen øker bevilgningen. Det gjelder særlig ofre for utnyttelse."));
        Draft draft = Draft.of(candidates, Q1, items);
        assertTrue(draft.accepted());
        assertEquals(List.of(2L), draft.entries().stream().map(e -> e.item().item().id()).toList());
        String md = new MarkdownDraft().write(draft);
        // the editor's title and summary, not the source's
        assertTrue(md.contains("### Statsbudsjettet 2025: mer til tiltak mot menneskehandel"), md);
        assertTrue(md.contains("Regjeringen øker bevilgningen. Det gjelder særlig ofre for utnyttelse, [se her]"), md);
        assertFalse(md.contains("Budsjettet\n"), md);
        // empty sections are left out
        assertFalse(md.contains("Kommende arrangementer"), md);
    }

    @Test
    void markdownDraftHasTheNewslettersStructure() {
        String md = new MarkdownDraft().write(Draft.of(candidates, Q1, items()));
        assertTrue(md.startsWith("# Utkast til nyhetsbrev januar–mars 2025\n"), md);
        assertTrue(md.indexOf("## Aktuelle norske tiltak, rapporter og forskning") < md.indexOf("## Kommende arrangementer"), md);
        assertFalse(md.contains("## Verdt å merke seg"), md);
        // who published what and when, then the summary's opening, then "se her" linked
        assertTrue(md.contains("### Handlingsplan mot menneskehandel\n\nJustis- og beredskapsdepartementet publiserte i februar handlingsplanen «Handlingsplan mot menneskehandel». "
                + "Regjeringen la fram planen 6. desember 2024. Den gjelder bl.a. tvangsarbeid, [se her](<https://example.no/sak/1>).\n"), md);
        // an event says the day it takes place
        assertTrue(md.contains("«Konferanse om menneskehandel» arrangeres 20. april 2025 i Oslo. Nordisk konferanse i Oslo, [se her](<https://example.no/sak/3>)."), md);
    }

    @Test
    void htmlDraftHasHeadingsLeadsDatesAndSeHerLinks() {
        Document page = Jsoup.parse(new HtmlDraft().write(Draft.of(candidates, Q1, items())));
        assertEquals("Utkast til nyhetsbrev januar–mars 2025", page.select("h1").text());
        assertEquals(List.of("Aktuelle norske tiltak, rapporter og forskning", "Kommende arrangementer"), page.select("h2").eachText());
        assertEquals(List.of("Handlingsplan mot menneskehandel", "Konferanse om menneskehandel"), page.select("h3").eachText());
        assertEquals(List.of("se her", "se her"), page.select("a").eachText());
        assertEquals(List.of("https://example.no/sak/1", "https://example.no/sak/3"), page.select("a").eachAttr("href"));
        assertTrue(page.select("p").get(1).text().startsWith("«Konferanse om menneskehandel» arrangeres 20. april 2025 i Oslo."), page.select("p").text());
        assertTrue(page.select("script, style, img, link").isEmpty());
    }

    @Test
    void comingEventsAreInDateOrder() {
        Instant jan = Instant.parse("2025-01-05T09:00:00Z");
        List<StoredItem> items = List.of(
                Fixtures.stored(1, "events", "arrangementer", "Seminar om menneskehandel og menneskehandel", "", jan, LocalDate.parse("2025-06-01"), jan, "new"),
                Fixtures.stored(2, "events", "arrangementer", "Kurs om menneskehandel", "", FEB, LocalDate.parse("2025-04-02"), FEB, "new"),
                Fixtures.stored(3, "events", "arrangementer", "Webinar om menneskehandel", "", jan, LocalDate.parse("2025-05-10"), jan, "new"));
        assertEquals(List.of(2L, 3L, 1L), Draft.of(candidates, Q1, items).entries().stream().map(e -> e.item().item().id()).toList());
    }

    @Test
    void hostileEditsAndTitlesStayText() {
        StoredItem hostile = FormatsTest.withUrl(edited(items().get(0), "accepted", "<script>alert(1)</script>[x](javascript:y)",
                "<img src=x onerror=alert(1)>. Neste."), "javascript:alert(1)");
        Draft draft = Draft.of(candidates, Q1, List.of(hostile));
        Document page = Jsoup.parse(new HtmlDraft().write(draft));
        assertTrue(page.select("script, img, a").isEmpty(), page.html());
        assertEquals("<script>alert(1)</script>[x](javascript:y)", page.select("h3").text());
        String md = new MarkdownDraft().write(draft);
        assertTrue(md.contains("### \\<script\\>alert(1)\\</script\\>\\[x\\](javascript:y)"), md);
        assertFalse(md.contains("se her"), md);
    }

    @Test
    void emptyDraftSaysSoAndUnknownFormatsAreRefused() {
        Draft draft = Draft.of(candidates, Q1, List.of());
        assertTrue(new MarkdownDraft().write(draft).contains("Ingen saker i perioden."));
        assertThrows(IllegalArgumentException.class, () -> DraftWriter.of("pdf"));
        assertTrue(DraftWriter.of("HTML") instanceof HtmlDraft);
    }
}
