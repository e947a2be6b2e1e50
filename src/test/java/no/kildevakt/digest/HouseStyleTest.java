package no.kildevakt.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import no.kildevakt.rank.Score;
import no.kildevakt.store.StoredItem;
import org.junit.jupiter.api.Test;

/**
 * The house-style suggestion on titles and summaries as the real sources write them (see SOURCES.md:
 * regjeringen.no's feeds and listings, HUDOC, UNODC, politiet.no, Fafo, Jämställdhetsmyndigheten …).
 */
class HouseStyleTest {
    private static final Instant OCT = Instant.parse("2024-10-15T09:00:00Z");

    private static String suggest(String sourceName, String title, String summary) {
        return suggest(sourceName, title, summary, null);
    }

    private static String suggest(String sourceName, String title, String summary, LocalDate eventDate) {
        StoredItem item = Fixtures.stored(1, "src", "norske", title, summary, OCT, eventDate, OCT, "new");
        DigestEntry e = new DigestEntry(item, "norske", sourceName, Score.NONE);
        return HouseStyle.suggest(e, HouseStyle.publisher(sourceName));
    }

    // ---------------------------------------------------------------- who

    @Test
    void thePublisherIsTheSourceNameBeforeItsDashInTheNewslettersOwnWords() {
        assertEquals("Justis- og beredskapsdepartementet", HouseStyle.publisher("Justis- og beredskapsdepartementet – kalender"));
        assertEquals("Politiet", HouseStyle.publisher("Politiet – aktuelt (Kripos og distriktene)"));
        assertEquals("NKVTS", HouseStyle.publisher("NKVTS – Nasjonalt kunnskapssenter om vold og traumatisk stress"));
        assertEquals("OSSE", HouseStyle.publisher("OSCE – Special Representative on Trafficking in Human Beings"));
        assertEquals("Østersjørådet", HouseStyle.publisher("CBSS – Task Force against Trafficking in Human Beings"));
        assertEquals("Fafo Østforum", HouseStyle.publisher("Fafo Østforum"));
        assertEquals("Fafo", HouseStyle.publisher("Fafo - rapporter"));
        assertEquals("", HouseStyle.publisher(null));
    }

    @Test
    void thePublisherIsMadeExactWhereTheItemNamesIt() {
        assertEquals("Kripos", HouseStyle.publisher("Politiet – aktuelt (Kripos og distriktene)",
                "Kripos: Ny rapport om menneskehandel", ""));
        assertEquals("Kripos", HouseStyle.publisher("Politiet – aktuelt (Kripos og distriktene)",
                "Menneskehandel i Norge", "Kripos har laget en tilstandsrapport."));
        assertEquals("Politiet", HouseStyle.publisher("Politiet – aktuelt (Kripos og distriktene)", "Årsrapport fra Oslo politidistrikt", ""));
        assertEquals("GRETA", HouseStyle.publisher("Europarådet – Action against Trafficking in Human Beings (GRETA)",
                "GRETA publishes its 14th General Report", ""));
        // regjeringen.no's feed names the ministry in the description
        assertEquals("Arbeids- og inkluderingsdepartementet", HouseStyle.publisher("Regjeringen – høringer",
                "Høring – forslag til endringer i utlendingsforskriften", "Arbeids- og inkluderingsdepartementet sender på høring …"));
        assertEquals("Kunnskapsdepartementet", HouseStyle.publisher("Regjeringen – høringer", "Høring om ny opplæringslov",
                "Kunnskapsdepartementet"));
        assertEquals("Regjeringen", HouseStyle.publisher("Regjeringen – høringer", "Høring om ny opplæringslov", ""));
    }

    // ---------------------------------------------------------------- what and when

    @Test
    void aReportIsTheReportPublishedInItsMonth() {
        assertEquals("Kripos publiserte i oktober rapporten «Menneskehandel i Norge 2023: tilstandsrapport». "
                        + "Kripos har laget en ny tilstandsrapport.",
                suggest("Politiet – aktuelt (Kripos og distriktene)", "Menneskehandel i Norge 2023: tilstandsrapport",
                        "Kripos har laget en ny tilstandsrapport."));
        assertEquals("Fafo publiserte i oktober rapporten «Fafo-rapport 2024:12 Arbeidsinnvandrere i renholdsbransjen».",
                suggest("Fafo – rapporter", "Fafo-rapport 2024:12 Arbeidsinnvandrere i renholdsbransjen", ""));
        // "rapportering" is no report
        assertEquals("NKVTS publiserte i oktober «Bedre rapportering av vold».",
                suggest("NKVTS – Nasjonalt kunnskapssenter om vold og traumatisk stress", "Bedre rapportering av vold", ""));
    }

    @Test
    void internationalTitlesGetANorwegianFrame() {
        assertEquals("UNODC publiserte i oktober rapporten «Global Report on Trafficking in Persons 2024».",
                suggest("UNODC – press releases", "Global Report on Trafficking in Persons 2024", ""));
        assertEquals("Jämställdhetsmyndigheten publiserte i oktober handlingsplanen «Ny handlingsplan mot prostitution och människohandel».",
                suggest("Jämställdhetsmyndigheten – nyheter", "Ny handlingsplan mot prostitution och människohandel", ""));
        assertEquals("Social- og Boligstyrelsen / CMM publiserte i oktober rapporten «Årsrapport om menneskehandel 2023».",
                suggest("Social- og Boligstyrelsen / CMM – nyheder", "Årsrapport om menneskehandel 2023", ""));
        assertEquals("OSSE publiserte i oktober veilederen «Guidelines on identifying victims of trafficking».",
                suggest("OSCE – Special Representative on Trafficking in Human Beings", "Guidelines on identifying victims of trafficking", ""));
        assertEquals("Europol publiserte i oktober «Europol reports 200 arrests in joint action days».",
                suggest("Europol – news", "Europol reports 200 arrests in joint action days", ""));
        assertEquals("UNODC publiserte i oktober pressemeldingen «UNODC chief calls for action».",
                suggest("UNODC – press releases", "UNODC chief calls for action", ""));
    }

    @Test
    void theOfficialSeriesAreNamedByTheirNumbers() {
        assertEquals("Justis- og beredskapsdepartementet publiserte i oktober proposisjonen «Prop. 12 L (2024–2025) Endringer i straffeloven».",
                suggest("Justis- og beredskapsdepartementet", "Prop. 12 L (2024–2025) Endringer i straffeloven", ""));
        assertEquals("Justis- og beredskapsdepartementet publiserte i oktober stortingsmeldingen «Meld. St. 9 (2024–2025) Kriminalomsorgen».",
                suggest("Justis- og beredskapsdepartementet", "Meld. St. 9 (2024–2025) Kriminalomsorgen", ""));
        assertEquals("Arbeids- og inkluderingsdepartementet publiserte i oktober utredningen «NOU 2024: 8 Likeverdig arbeidsliv».",
                suggest("Arbeids- og inkluderingsdepartementet", "NOU 2024: 8 Likeverdig arbeidsliv", ""));
        assertEquals("Stortinget publiserte i oktober innstillingen «Innst. 45 L (2024–2025) Innstilling fra justiskomiteen».",
                suggest("Stortinget – innstillinger", "Innst. 45 L (2024–2025) Innstilling fra justiskomiteen", ""));
    }

    @Test
    void theKindIsTheTitlesHeadNoun() {
        assertEquals("evalueringen ", HouseStyle.kind("Evaluering av handlingsplanen mot menneskehandel"));
        assertEquals("handlingsplanen ", HouseStyle.kind("Handlingsplan mot menneskehandel"));
        assertEquals("strategien ", HouseStyle.kind("Regjeringens strategi mot menneskehandel"));
        assertEquals("strategien ", HouseStyle.kind("Ny integreringsstrategi"));
        assertEquals("veilederen ", HouseStyle.kind("Veileder for identifisering av ofre for menneskehandel"));
        assertEquals("undersøkelsen ", HouseStyle.kind("Ny undersøkelse om tvangsarbeid"));
        assertEquals("rapporten ", HouseStyle.kind("Rapport: Barn utnyttet i kriminalitet"));
        assertEquals("", HouseStyle.kind("Statsbudsjettet 2025"));
    }

    @Test
    void aCourtJudgmentIsAJudgmentInTheCase() {
        assertEquals("EMD avsa i oktober dom i saken «H.D. v. ITALY» (41645/23).",
                suggest("EMD – dommer og avgjørelser, artikkel 4", "CASE OF H.D. v. ITALY", "41645/23 - Chamber Judgment"));
        assertEquals("EMD traff i oktober en avgjørelse i saken «X v. NORWAY» (1234/22).",
                suggest("EMD – dommer og avgjørelser mot Norge", "X v. NORWAY", "1234/22 - Committee Decision"));
        // a press release about judgments is a press release
        assertEquals("EMD publiserte i oktober pressemeldingen «Forthcoming judgments and decisions».",
                suggest("EMD – pressemeldinger", "Forthcoming judgments and decisions", ""));
    }

    // ---------------------------------------------------------------- hearings

    @Test
    void aHearingSaysItsDeadlineWhenTheTextStatesIt() {
        assertEquals("Arbeids- og inkluderingsdepartementet publiserte i oktober høringen «Høring – forslag til endringer i utlendingsforskriften». "
                        + "Arbeids- og inkluderingsdepartementet sender forslaget på høring. Høringsfrist er 1. mars 2025.",
                suggest("Regjeringen – høringer", "Høring – forslag til endringer i utlendingsforskriften",
                        "Arbeids- og inkluderingsdepartementet sender forslaget på høring.\nHøringsfrist: 01.03.2025"));
        assertEquals("Justis- og beredskapsdepartementet publiserte i oktober høringsnotatet «Høringsnotat om endringer i straffeprosessloven». "
                        + "Høringsfrist er 15. januar 2025.",
                suggest("Justis- og beredskapsdepartementet", "Høringsnotat om endringer i straffeprosessloven",
                        "Frist for å svare: 15. januar 2025"));
        // a hearings source makes the untold item a hearing; no deadline stated, none said
        assertEquals("Regjeringen publiserte i oktober høringen «Endringer i utlendingsloven».",
                suggest("Regjeringen – høringer (liste)", "Endringer i utlendingsloven", "Status: På høring"));
    }

    @Test
    void theDeadlineIsReadWhereverTheTextWritesIt() {
        LocalDate oct = LocalDate.of(2024, 10, 15);
        assertEquals(Optional.of(LocalDate.of(2025, 3, 1)), HouseStyle.deadline("Høringsfrist: 01.03.2025", oct));
        assertEquals(Optional.of(LocalDate.of(2025, 3, 1)), HouseStyle.deadline("Forslaget sendes på høring med høringsfrist 1. mars 2025.", oct));
        assertEquals(Optional.of(LocalDate.of(2025, 3, 1)), HouseStyle.deadline("Høringsfristen er 1. mars.", oct));
        assertEquals(Optional.of(LocalDate.of(2025, 1, 15)), HouseStyle.deadline("Frist for å svare er satt til 15.01.2025", oct));
        assertEquals(Optional.of(LocalDate.of(2025, 2, 3)), HouseStyle.deadline("Svarfrist: 3. februar 2025", oct));
        // a date in another sentence is no deadline
        assertEquals(Optional.empty(), HouseStyle.deadline("Høringsfrist ikke fastsatt. Publisert 01.10.2024", oct));
        assertEquals(Optional.empty(), HouseStyle.deadline("Publisert 01.10.2024", oct));
        assertEquals(Optional.empty(), HouseStyle.deadline(null, oct));
    }

    // ---------------------------------------------------------------- events

    @Test
    void anEventSaysWhenAndWhereItIsHeldWhenTheTextSaysSo() {
        LocalDate april = LocalDate.of(2025, 4, 20);
        assertEquals("«Nordisk konferanse om menneskehandel» arrangeres 20. april 2025 i Oslo. Konferansen holdes i Oslo.",
                suggest("Justis- og beredskapsdepartementet – kalender", "Nordisk konferanse om menneskehandel",
                        "Konferansen holdes i Oslo.", april));
        assertEquals("«Seminar: arbeidslivskriminalitet» arrangeres 20. april 2025 i Bergen. Påmelding på nettsiden.",
                suggest("Fafo – arrangementer", "Seminar: arbeidslivskriminalitet", "Påmelding på nettsiden.\nSted: Bergen", april));
        assertEquals(Optional.of("i Oslo"), HouseStyle.place("Sted: Fafo, Borggata 2B, Oslo. Påmelding innen 1. april."));
        assertEquals(Optional.of("i Fafo"), HouseStyle.place("Sted: Fafo"));
        assertEquals(Optional.of("digitalt"), HouseStyle.place("Sted: Digitalt (Teams)"));
        assertEquals(Optional.of("i Wien"), HouseStyle.place("The expert meeting takes place in Vienna on 20 April."));
        // nothing plain is nothing: a body or a word is not a place
        assertEquals(Optional.empty(), HouseStyle.place("Kurs i FN-systemet og i Europarådet"));
        assertEquals(Optional.empty(), HouseStyle.place("sted: et eller annet"));
        assertEquals("«Webinar om tvangsarbeid» arrangeres 20. april 2025.",
                suggest("RVTS Øst – kurs og konferanser", "Webinar om tvangsarbeid", "", april));
    }

    @Test
    void withoutAPublisherTheTitleStandsAlone() {
        StoredItem item = Fixtures.stored(1, "gone", "norske", "Rapport om menneskehandel", "", OCT, null, OCT, "new");
        assertEquals("«Rapport om menneskehandel».", HouseStyle.suggest(new DigestEntry(item, "norske", "gone", Score.NONE), ""));
    }
}
