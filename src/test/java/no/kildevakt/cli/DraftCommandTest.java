package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.kildevakt.item.Item;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.Round;
import no.kildevakt.store.SourceState;
import no.kildevakt.store.Store;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kildevakt draft --format docx}: a Word file to --output, to a pipe, and never to a terminal. */
class DraftCommandTest {
    private static final Instant MARCH_6 = Instant.parse("2025-03-06T09:00:00Z");

    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void setUp() throws Exception {
        db = dir.resolve("k.db");
        Files.writeString(dir.resolve("feeds.yml"), """
                settings:
                  contact: "test@example.org"
                sources:
                  - {id: reg-jd, name: Justis- og beredskapsdepartementet, url: "https://www.regjeringen.no/jd.rss", section: norske}
                """);
        try (Store store = Store.open(db)) {
            List<Item> items = List.of(new Item("plan", "https://www.regjeringen.no/no/aktuelt/plan/id1/", null,
                    "Ny handlingsplan mot menneskehandel", "Regjeringen la fram en plan mot menneskehandel og tvangsarbeid.", MARCH_6, null));
            Instant end = MARCH_6.plusSeconds(1);
            SourceState state = new SourceState("reg-jd", null, null, MARCH_6, end, Outcome.OK, null, 0, 1, 1, null, null);
            store.items().recordRound(new Round("reg-jd", "norske", MARCH_6, end, Outcome.OK, 200, null, "https://example.org/reg-jd", 100,
                    items, state));
        }
    }

    private CliRun run(boolean interactive, String... args) {
        return CliRun.of(dir.resolve("feeds.yml"), db, interactive, args);
    }

    /** The run's standard output as bytes: a .docx is no UTF-8 text. */
    private byte[] runBytes(boolean interactive, String... args) {
        List<String> all = new ArrayList<>(List.of("--config", dir.resolve("feeds.yml").toString(), "--db", db.toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(all.toArray(String[]::new), new Main.Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), interactive));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static List<String> headingsAndLinks(byte[] docx) throws Exception {
        List<String> seen = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            for (XWPFParagraph p : doc.getParagraphs()) {
                if (p.getStyle() != null) {
                    seen.add(p.getStyle() + ": " + p.getText());
                }
                for (IRunElement r : p.getIRuns()) {
                    if (r instanceof XWPFHyperlinkRun link) {
                        seen.add("link: " + link.getHyperlink(doc).getURL());
                    }
                }
            }
        }
        return seen;
    }

    @Test
    void docxIsWrittenToOutputAsAWordFile() throws Exception {
        Path file = dir.resolve("utkast.docx");
        CliRun r = run(true, "draft", "--period", "2025-Q1", "--format", "docx", "--output", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("draft: 1 candidates"), r.err());
        assertEquals(List.of("Title: Nyhetsbrev januar–mars 2025", "Heading1: Aktuelle norske tiltak, rapporter og forskning",
                "Heading2: Ny handlingsplan mot menneskehandel", "link: https://www.regjeringen.no/no/aktuelt/plan/id1/"),
                headingsAndLinks(Files.readAllBytes(file)));
        // no temporary file is left beside it
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void docxGoesToStandardOutputWhenItIsNoTerminal() throws Exception {
        byte[] piped = runBytes(false, "draft", "--period", "2025-Q1", "--format", "docx");
        assertEquals("PK", new String(piped, 0, 2, StandardCharsets.US_ASCII));
        assertEquals("Title: Nyhetsbrev januar–mars 2025", headingsAndLinks(piped).get(0));
        // the file and the pipe hold the same document
        Path file = dir.resolve("utkast.docx");
        assertEquals(0, run(false, "draft", "--period", "2025-Q1", "--format", "docx", "--output", file.toString()).code());
        assertEquals(headingsAndLinks(Files.readAllBytes(file)), headingsAndLinks(piped));
    }

    @Test
    void docxIsNeverPrintedToATerminal() {
        CliRun r = run(true, "draft", "--period", "2025-Q1", "--format", "docx");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertEquals("kildevakt draft: a .docx draft is not text for a terminal; give --output FILE (or redirect standard output)\n", r.err());
    }

    @Test
    void docxOntoTheDatabaseIsRefusedAndTheDatabaseKept() throws Exception {
        byte[] before = Files.readAllBytes(db);
        CliRun r = run(false, "draft", "--period", "2025-Q1", "--format", "docx", "--output", db.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("refusing to write --output"), r.err());
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    @Test
    void anUnknownFormatNamesTheThreeKnown() {
        CliRun r = run(false, "draft", "--period", "2025-Q1", "--format", "pdf");
        assertEquals(2, r.code());
        assertEquals("kildevakt draft: unknown format \"pdf\" (use md, html or docx)\n", r.err());
    }

    @Test
    void textFormatsAreAsBefore() {
        CliRun r = run(true, "draft", "--period", "2025-Q1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("# Utkast til nyhetsbrev januar–mars 2025\n"), r.out());
        assertTrue(r.out().contains("[se her](<https://www.regjeringen.no/no/aktuelt/plan/id1/>)."), r.out());
    }
}
