package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import no.kildevakt.item.Item;
import no.kildevakt.store.LinkRecords;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.Round;
import no.kildevakt.store.SourceState;
import no.kildevakt.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code issues add} learns the issue's items (heading and paragraph), not only its link texts. */
class IssuesAddEntriesCliTest {
    @TempDir
    Path dir;

    /** An issue in the newsletter's layout: sections, groups, items as headings, lead-ins and paragraphs. */
    private static final String ISSUE = """
            # Nyhetsbrev om menneskehandel 1/2025

            Velkommen til et nytt nummer.

            ## Verdt å merke seg

            Kripos publiserte i mars rapporten «Menneskehandel i Norge 2024», se [her](https://www.politiet.no/kripos-2024). Rapporten viser flere saker om tvangsarbeid.

            ## Aktuelle norske tiltak, rapporter og forskning

            ### Rapporter fra politiet

            ### Ny veileder om tvangsarbeid
            Arbeidstilsynet har laget en veileder for å avdekke tvangsarbeid, se [her](https://www.arbeidstilsynet.no/veileder).

            ## Aktuelle internasjonale tiltak, rapporter og forskning

            ### GRETA

            **Evaluering av Norge.** GRETA har publisert sin fjerde evaluering av Norge, se [her](https://www.coe.int/greta-norge).

            ### Sverige
            Jämställdhetsmyndigheten har publiserat en lägesrapport om människohandel.

            Polisen har gripit flera personer för människohandel i Göteborg.

            ## Kommende arrangementer

            - **Nordisk konferanse om menneskehandel**, Oslo 12. mars 2025.
            """;

    @Test
    void aMarkdownIssueStoresItsItemsAsEntries() throws Exception {
        Path yml = dir.resolve("feeds.yml");
        try (InputStream in = IssuesAddEntriesCliTest.class.getResourceAsStream("/no/kildevakt/review/feeds.yml")) {
            Files.copy(in, yml);
        }
        Path db = dir.resolve("k.db");
        try (Store store = Store.open(db)) {
            Instant at = Instant.parse("2025-03-10T06:00:00Z");
            List<Item> items = List.of(
                    new Item("a", "https://www.politiet.no/kripos-2024", null, "Menneskehandel i Norge 2024", "", at, null),
                    new Item("b", "https://www.arbeidstilsynet.no/veileder", null, "Veileder om tvangsarbeid", "", at, null),
                    new Item("c", "https://www.regjeringen.no/statsbudsjett", null, "Statsbudsjettet", "", at, null));
            store.items().recordRound(new Round("reg-jd", "norske", at, at, Outcome.OK, 200, null, "https://example.org/",
                    10, items, new SourceState("reg-jd", null, null, at, at, Outcome.OK, null, 0, 3, 3, null, null)));
        }
        Path issue = dir.resolve("2025-1.md");
        Files.writeString(issue, ISSUE);

        CliRun added = CliRun.of(yml, db, "issues", "add", issue.toString(), "--period", "2025-Q1");

        assertEquals(0, added.code(), added.err());
        assertTrue(added.out().contains("learned: 6 entries, 2 linked items matched"), added.out());
        try (Store store = Store.open(db)) {
            List<LinkRecords.IssueEntry> stored = store.links().entries().stream().map(LinkRecords.StoredEntry::entry).toList();
            assertEquals(List.of(
                    new LinkRecords.IssueEntry("Kripos publiserte i mars rapporten «Menneskehandel i Norge 2024», se her.",
                            "Rapporten viser flere saker om tvangsarbeid."),
                    new LinkRecords.IssueEntry("Ny veileder om tvangsarbeid",
                            "Arbeidstilsynet har laget en veileder for å avdekke tvangsarbeid, se her."),
                    new LinkRecords.IssueEntry("Evaluering av Norge",
                            "GRETA har publisert sin fjerde evaluering av Norge, se her."),
                    new LinkRecords.IssueEntry("Jämställdhetsmyndigheten har publiserat en lägesrapport om människohandel.", ""),
                    new LinkRecords.IssueEntry("Polisen har gripit flera personer för människohandel i Göteborg.", ""),
                    new LinkRecords.IssueEntry("Nordisk konferanse om menneskehandel", "Oslo 12. mars 2025.")), stored);
            assertTrue(store.links().entries().stream().allMatch(e -> "2025-Q1".equals(e.period())));
        }
    }

    @Test
    void anIssueWithNoTextToCutStillLearnsItsLinkTexts() throws Exception {
        Path yml = dir.resolve("feeds.yml");
        try (InputStream in = IssuesAddEntriesCliTest.class.getResourceAsStream("/no/kildevakt/review/feeds.yml")) {
            Files.copy(in, yml);
        }
        Path db = dir.resolve("k.db");
        Path issue = dir.resolve("lenker.md");
        // one list item of a link alone: too short for an entry by itself, but a title as the issue cites it
        Files.writeString(issue, "# Lenker\n\n- [Ny rapport om tvangsarbeid](https://example.org/r)\n");
        CliRun added = CliRun.of(yml, db, "issues", "add", issue.toString(), "--period", "2025-Q1");
        assertEquals(0, added.code(), added.err());
        assertTrue(added.out().contains("learned: 1 entries, 0 linked items matched"), added.out());
        try (Store store = Store.open(db)) {
            assertEquals(List.of(new LinkRecords.IssueEntry("Ny rapport om tvangsarbeid", "")),
                    store.links().entries().stream().map(LinkRecords.StoredEntry::entry).toList());
        }
    }
}
