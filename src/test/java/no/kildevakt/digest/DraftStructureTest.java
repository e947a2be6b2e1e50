package no.kildevakt.digest;

import static no.kildevakt.digest.Fixtures.keywords;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.kildevakt.store.DraftEdits;
import no.kildevakt.store.StoredItem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The draft in the newsletter's own structure: groups, the editor's sections and order, hand-written entries. */
class DraftStructureTest {
    private static final Period Q4 = Period.parse("2024-Q4");
    private static final Instant OCT = Instant.parse("2024-10-15T09:00:00Z");

    /** Sources in another order than the newsletter lists the bodies; groups from feeds.yml. */
    private static final String FEEDS = """
            settings:
              contact: "test@example.no"
              min_score: 5
            sources:
              - {id: cbss, name: CBSS – Task Force, url: "https://cbss.org/rss", section: internasjonale, group: Østersjørådet}
              - {id: heuni, name: HEUNI – news, url: "https://heuni.fi/rss", section: internasjonale, group: Finland}
              - {id: unodc, name: UNODC – press releases, url: "https://unodc.org/rss", section: internasjonale, group: UNODC}
              - {id: oth, name: Annen kilde, url: "https://example.org/rss", section: internasjonale}
              - {id: kripos, name: Politiet – aktuelt, url: "https://politiet.no/rss", section: norske, group: Rapporter fra politiet}
              - {id: jd, name: Justis- og beredskapsdepartementet, url: "https://regjeringen.no/rss", section: norske, group: Regjeringen}
              - {id: events, name: Kalender, url: "https://example.no/events.rss", section: arrangementer}
            """;

    @TempDir
    Path dir;

    private Candidates candidates;

    @BeforeEach
    void setUp() throws Exception {
        candidates = new Candidates(Fixtures.config(dir, FEEDS), keywords(5, "menneskehandel", 10));
    }

    private static StoredItem accepted(long id, String source, String section, String title, Integer position, String placed) {
        StoredItem i = Fixtures.stored(id, source, section, title, "Om menneskehandel.", OCT, null, OCT, "accepted");
        return new StoredItem(i.id(), i.dedupeKey(), i.source(), i.sources(), i.section(), i.title(), i.url(), i.guid(), i.summary(),
                i.published(), i.updated(), i.eventDate(), i.firstSeen(), i.lastSeen(), i.status(), null, null, null, OCT, null,
                placed, position, List.of());
    }

    private static List<String> groups(Draft draft, String section) {
        return draft.sections().stream().filter(s -> s.id().equals(section)).findFirst().orElseThrow()
                .groups().stream().map(Draft.DraftGroup::title).toList();
    }

    @Test
    void theInternationalSectionIsGroupedByBodyInTheNewslettersOrder() {
        Draft draft = Draft.of(candidates, Q4, List.of(
                accepted(1, "heuni", "internasjonale", "HEUNI om menneskehandel", null, null),
                accepted(2, "cbss", "internasjonale", "CBSS om menneskehandel", null, null),
                accepted(3, "unodc", "internasjonale", "UNODC om menneskehandel", null, null),
                accepted(4, "oth", "internasjonale", "Annet om menneskehandel", null, null)));
        // entries outside any group first, then UNODC … Østersjørådet … Finland, as the section lists them
        assertEquals(List.of("", "UNODC", "Østersjørådet", "Finland"), groups(draft, "internasjonale"));
        String md = new MarkdownDraft().write(draft);
        assertTrue(md.indexOf("### UNODC\n") < md.indexOf("### Østersjørådet\n") && md.indexOf("### Østersjørådet\n") < md.indexOf("### Finland\n"), md);
        assertTrue(md.contains("### Finland\n\n#### HEUNI om menneskehandel\n\nHEUNI publiserte i oktober «HEUNI om menneskehandel»."), md);
        Document html = Jsoup.parse(new HtmlDraft().write(draft));
        // an entry outside any group is a heading of the section's level; grouped entries sit one level below their group
        assertEquals(List.of("Annet om menneskehandel", "UNODC", "Østersjørådet", "Finland"), html.select("h3").eachText());
        assertEquals(List.of("UNODC om menneskehandel", "CBSS om menneskehandel", "HEUNI om menneskehandel"), html.select("h4").eachText());
    }

    @Test
    void theEditorsOrderSectionsAndGroupNamesWin() {
        List<StoredItem> items = List.of(
                accepted(1, "jd", "norske", "Handlingsplan mot menneskehandel", 2, null),
                accepted(2, "kripos", "norske", "Kripos-rapport om menneskehandel", null, null),
                accepted(3, "jd", "norske", "Høring om menneskehandel", 1, null),
                accepted(4, "unodc", "internasjonale", "Global rapport om menneskehandel", null, "verdt"));
        Draft draft = Draft.of(candidates, Q4, items, List.of(),
                Map.of("norske", Map.of("Regjeringen", "Fra regjeringen og politiet", "Rapporter fra politiet", "Fra regjeringen og politiet")));
        assertEquals("verdt", draft.sections().get(0).id(), "moved into Verdt å merke seg, which no source feeds");
        Draft.DraftSection norske = draft.sections().get(1);
        assertEquals(List.of("Fra regjeringen og politiet"), groups(draft, "norske"), "two groups given one name are merged");
        assertEquals(List.of("Rapporter fra politiet", "Regjeringen"), norske.groups().get(0).names().stream().sorted().toList());
        // the editor's places first (3, then 1), then the rest best first
        assertEquals(List.of("item:3", "item:1", "item:2"), norske.entries().stream().map(Draft.DraftEntry::key).toList());
    }

    @Test
    void aHandWrittenEntryTakesItsPlaceAndMakesTheDraftTheEditors() {
        DraftEdits.Handwritten kom = new DraftEdits.Handwritten(7, "2024-Q4", "norske", "Rapporter fra politiet", "KOM-samling i Bodø",
                "Politiet samlet KOM-nettverket.", "https://www.politiet.no/kom", LocalDate.parse("2024-11-20"), 1, OCT);
        StoredItem candidate = Fixtures.stored(2, "kripos", "norske", "Kripos-rapport om menneskehandel", "", OCT, null, OCT, "new");
        Draft draft = Draft.of(candidates, Q4, List.of(candidate), List.of(kom), Map.of());
        assertTrue(draft.accepted(), "an entry the editor wrote is a choice: the candidates are no longer drafted");
        assertEquals(List.of("entry:7"), draft.entries().stream().map(Draft.DraftEntry::key).toList());
        String md = new MarkdownDraft().write(draft);
        assertTrue(md.contains("### Rapporter fra politiet\n\n#### KOM-samling i Bodø\n\nPolitiet samlet KOM-nettverket, [se her](<https://www.politiet.no/kom>)."), md);
    }
}
