package no.kildevakt.links.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/**
 * An issue cut into its items, in each format, in the newsletter's own layout: section titles and
 * group names are no entries, each item under them is one.
 */
class IssueEntriesTest {
    private final LinkExtractor extractor = new LinkExtractor();

    private static IssueEntry e(String heading, String text) {
        return new IssueEntry(heading, text);
    }

    /** The newsletter's layout in Markdown, as the editors write it. */
    static final String NEWSLETTER_MD = """
            ---
            title: Nyhetsbrev om menneskehandel 4/2024
            ---

            # Nyhetsbrev om menneskehandel 4/2024

            ## Verdt å merke seg

            Kripos publiserte i oktober rapporten «Menneskehandel i Norge 2023», se [her](https://www.politiet.no/rapport). Rapporten viser en økning i antall saker.

            ## Aktuelle norske tiltak, rapporter og forskning

            ### Rapporter fra politiet

            ### Ny veileder for avdekking av tvangsarbeid
            Arbeidstilsynet har laget en veileder for å avdekke tvangsarbeid i byggebransjen, se [her](https://www.arbeidstilsynet.no/veileder).

            **Statistikk fra KOM-prosjektet.** Koordineringsenheten for ofre for menneskehandel har lagt fram tall for 2023.

            ## Aktuelle internasjonale tiltak, rapporter og forskning

            ### UNODC

            UNODC lanserte i desember Global Report on Trafficking in Persons 2024, se her: https://www.unodc.org/glotip

            ### Sverige

            **Jämställdhetsmyndigheten**

            Jämställdhetsmyndigheten har publiserat en lägesrapport om människohandel för sexuella ändamål.

            ### Danmark
            Center mod menneskehandel har udgivet en ny rapport om salg og bytte af seksuelle ydelser.

            Politiet i Danmark har afsløret et netværk der udnyttede unge i kriminalitet.

            ## Kommende arrangementer

            - **Nordisk konferanse om menneskehandel**, Oslo 12. mars 2025. Påmelding [her](https://example.org/konf).
            """;

    static final List<IssueEntry> NEWSLETTER_ENTRIES = List.of(
            e("Kripos publiserte i oktober rapporten «Menneskehandel i Norge 2023», se her.",
                    "Rapporten viser en økning i antall saker."),
            e("Ny veileder for avdekking av tvangsarbeid",
                    "Arbeidstilsynet har laget en veileder for å avdekke tvangsarbeid i byggebransjen, se her."),
            e("Statistikk fra KOM-prosjektet",
                    "Koordineringsenheten for ofre for menneskehandel har lagt fram tall for 2023."),
            e("UNODC", "UNODC lanserte i desember Global Report on Trafficking in Persons 2024, se her:"),
            e("Jämställdhetsmyndigheten",
                    "Jämställdhetsmyndigheten har publiserat en lägesrapport om människohandel för sexuella ändamål."),
            e("Center mod menneskehandel har udgivet en ny rapport om salg og bytte af seksuelle ydelser.", ""),
            e("Politiet i Danmark har afsløret et netværk der udnyttede unge i kriminalitet.", ""),
            e("Nordisk konferanse om menneskehandel", "Oslo 12. mars 2025. Påmelding her."));

    @Test
    void markdownInTheNewslettersLayout() {
        ExtractedDocument doc = extractor.extract("q4.md", NEWSLETTER_MD.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(NEWSLETTER_ENTRIES, doc.entries());
        assertEquals(List.of(), doc.warnings());
    }

    @Test
    void markdownSectionTitlesFromTheConfigurationAreNoEntries() {
        String md = """
                ## Fra Norden

                Barnahus i Finland har fått nye retningslinjer for avhør av barn.
                """;
        ExtractedDocument plain = extractor.extract("a.md", md.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(List.of(e("Fra Norden", "Barnahus i Finland har fått nye retningslinjer for avhør av barn.")), plain.entries());
        ExtractedDocument configured = extractor.withSectionTitles(List.of("Fra Norden"))
                .extract("a.md", md.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(List.of(e("Barnahus i Finland har fått nye retningslinjer for avhør av barn.", "")), configured.entries());
    }

    @Test
    void htmlHeadingsBoldLeadInsAndTableCells() {
        String html = """
                <!doctype html><html><head><title>Nyhetsbrev 4/2024</title><style>p{color:red}</style></head><body>
                <h1>Nyhetsbrev 4/2024</h1>
                <h2>Verdt å merke seg</h2>
                <p>Kripos publiserte i oktober rapporten «Menneskehandel i Norge 2023», se <a href="https://www.politiet.no/r">her</a>.</p>
                <h2>Aktuelle internasjonale tiltak, rapporter og forskning</h2>
                <h3>Europol</h3>
                <h4>Stor aksjon mot menneskehandel i Europa</h4>
                <p>Europol koordinerte en aksjon i 25 land.</p>
                <p>Over 200 personer ble pågrepet.</p>
                <table><tr><td><strong>GRETA:</strong> Ny evalueringsrapport om Norge er publisert.</td></tr>
                <tr><td><b>OSSE</b><br>OSSE har lagt fram en håndbok om menneskehandel og teknologi.</td></tr></table>
                <script>var x = "ikke tekst her i det hele tatt";</script>
                </body></html>""";
        ExtractedDocument doc = extractor.extract("q4.html", html.getBytes(StandardCharsets.UTF_8), "text/html");
        assertEquals(List.of(
                e("Kripos publiserte i oktober rapporten «Menneskehandel i Norge 2023», se her.", ""),
                e("Stor aksjon mot menneskehandel i Europa", "Europol koordinerte en aksjon i 25 land. Over 200 personer ble pågrepet."),
                e("GRETA", "Ny evalueringsrapport om Norge er publisert."),
                e("OSSE", "OSSE har lagt fram en håndbok om menneskehandel og teknologi.")), doc.entries());
    }

    @Test
    void docxHeadingStylesBoldParagraphsAndLeadIns() throws IOException {
        XWPFDocument docx = new XWPFDocument();
        paragraph(docx, "Title", "Nyhetsbrev om menneskehandel 4/2024");
        paragraph(docx, "Heading1", "Aktuelle norske tiltak, rapporter og forskning");
        paragraph(docx, "Overskrift2", "Rapporter fra politiet");
        paragraph(docx, "Overskrift3", "Kripos: Menneskehandel i Norge 2023");
        paragraph(docx, null, "Kripos publiserte i oktober rapporten, se her.");
        XWPFParagraph bold = docx.createParagraph();
        XWPFRun b = bold.createRun();
        b.setBold(true);
        b.setText("Ny veileder fra Arbeidstilsynet");
        paragraph(docx, null, "Veilederen skal hjelpe inspektører å avdekke tvangsarbeid.");
        XWPFParagraph lead = docx.createParagraph();
        XWPFRun l = lead.createRun();
        l.setBold(true);
        l.setText("Østersjørådet:");
        lead.createRun().setText(" Rådet har publisert en rapport om arbeidsutnyttelse.");
        paragraph(docx, "Overskrift3", "Finland");
        XWPFTable table = docx.createTable(1, 1);
        table.getRow(0).getCell(0).getParagraphs().get(0).createRun()
                .setText("Finland har vedtatt en ny handlingsplan mot menneskehandel.");
        ExtractedDocument doc = extractor.extract("q4.docx", DocxExtractionTest.bytes(docx), null);
        assertEquals(List.of(
                e("Kripos: Menneskehandel i Norge 2023", "Kripos publiserte i oktober rapporten, se her."),
                e("Ny veileder fra Arbeidstilsynet", "Veilederen skal hjelpe inspektører å avdekke tvangsarbeid."),
                e("Østersjørådet", "Rådet har publisert en rapport om arbeidsutnyttelse."),
                e("Finland", "Finland har vedtatt en ny handlingsplan mot menneskehandel.")), doc.entries());
    }

    private static void paragraph(XWPFDocument docx, String style, String text) {
        XWPFParagraph p = docx.createParagraph();
        if (style != null) {
            p.setStyle(style);
        }
        p.createRun().setText(text);
    }

    /** A line of a PDF page: its text, font and size, and the space above it. */
    private record Set(String text, boolean bold, float size, float gapAbove) {}

    @Test
    void pdfBoldAndLargeLinesAreHeadingsAndParagraphsFollowThem() throws IOException {
        byte[] pdf = pdf(List.of(
                new Set("Aktuelle norske tiltak, rapporter og forskning", true, 16, 0),
                new Set("Rapporter fra politiet", true, 13, 30),
                new Set("Menneskehandel i Norge 2023", true, 11, 30),
                new Set("Kripos publiserte i oktober rapporten om menneskehandel i", false, 11, 16),
                new Set("Norge, se her.", false, 11, 16),
                new Set("Arbeidstilsynet har laget en veileder om tvangsarbeid. Den er", false, 11, 40),
                new Set("ment for inspektører.", false, 11, 16),
                new Set("Side 2", false, 9, 60)));
        ExtractedDocument doc = extractor.extract("q4.pdf", pdf, null);
        assertEquals(List.of(
                e("Menneskehandel i Norge 2023", "Kripos publiserte i oktober rapporten om menneskehandel i Norge, se her. "
                        + "Arbeidstilsynet har laget en veileder om tvangsarbeid. Den er ment for inspektører.")), doc.entries());
    }

    @Test
    void pdfWithoutHeadingsGivesAnEntryPerParagraph() throws IOException {
        byte[] pdf = pdf(List.of(
                new Set("Kripos publiserte i oktober rapporten om menneskehandel. Den", false, 11, 0),
                new Set("viser flere saker enn før.", false, 11, 16),
                new Set("Arbeidstilsynet har laget en veileder om tvangsarbeid.", false, 11, 48)));
        ExtractedDocument doc = extractor.extract("q4.pdf", pdf, null);
        assertEquals(List.of(
                e("Kripos publiserte i oktober rapporten om menneskehandel.", "Den viser flere saker enn før."),
                e("Arbeidstilsynet har laget en veileder om tvangsarbeid.", "")), doc.entries());
    }

    private static byte[] pdf(List<Set> lines) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = PDRectangle.A4.getHeight() - 72;
                for (Set line : lines) {
                    y -= line.gapAbove();
                    cs.beginText();
                    cs.setFont(line.bold() ? bold : regular, line.size());
                    cs.newLineAtOffset(56, y);
                    cs.showText(line.text());
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void plainTextParagraphsAndShortLinesAsHeadings() {
        String text = """
                Nyhetsbrev om menneskehandel 4/2024
                ===================================

                Verdt å merke seg

                Kripos publiserte i oktober rapporten «Menneskehandel i Norge 2023»,
                se her: https://www.politiet.no/rapport

                Sverige
                Jämställdhetsmyndigheten har publiserat en lägesrapport om människohandel.

                Ny veileder om tvangsarbeid
                
                Arbeidstilsynet har laget en veileder for inspektører.
                Den ligger på nettsidene deres.
                """;
        ExtractedDocument doc = extractor.extract("q4.txt", text.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(List.of(
                e("Kripos publiserte i oktober rapporten «Menneskehandel i Norge 2023», se her:", ""),
                e("Sverige", "Jämställdhetsmyndigheten har publiserat en lägesrapport om människohandel."),
                e("Ny veileder om tvangsarbeid", "Arbeidstilsynet har laget en veileder for inspektører. Den ligger på nettsidene deres.")),
                doc.entries());
    }

    @Test
    void entriesAndTheirTextAreBounded() {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < Entries.MAX_ENTRIES + 500; i++) {
            md.append("### Sak nummer ").append(i).append("\n\nEn kort tekst om saken.\n\n");
        }
        ExtractedDocument many = extractor.extract("mange.md", md.toString().getBytes(StandardCharsets.UTF_8), null);
        assertEquals(Entries.MAX_ENTRIES, many.entries().size());
        // a "###" first heading is an item, not the issue's title
        assertEquals(e("Sak nummer 0", "En kort tekst om saken."), many.entries().get(0));
        assertEquals(e("Sak nummer 1999", "En kort tekst om saken."), many.entries().get(Entries.MAX_ENTRIES - 1));
        assertTrue(many.warnings().contains("only the first 2000 entries (heading and paragraph) were kept for learning"),
                many.warnings().toString());

        String longParagraph = "ord ".repeat(3_000);
        ExtractedDocument one = extractor.extract("lang.md",
                ("### Et langt innlegg om ingenting\n\n" + longParagraph + "\n\n" + longParagraph + "\n").getBytes(StandardCharsets.UTF_8), null);
        assertEquals(1, one.entries().size());
        assertTrue(one.entries().get(0).text().length() <= Entries.MAX_TEXT, "" + one.entries().get(0).text().length());
        ExtractedDocument headless = extractor.extract("lang.txt", longParagraph.getBytes(StandardCharsets.UTF_8), null);
        assertTrue(headless.entries().get(0).heading().length() <= Entries.MAX_HEADING);
        assertTrue(headless.entries().get(0).text().length() <= Entries.MAX_TEXT);
    }

    @Test
    void theSampleIssueGivesTheSameItemsInEachFormatAndNotItsTitle() throws IOException {
        String name = "past-issue-2024-Q4";
        List<IssueEntry> md = extractor.extract(name + ".md", HtmlExtractionTest.resource(name + ".md"), null).entries();
        List<IssueEntry> html = extractor.extract(name + ".html", HtmlExtractionTest.resource(name + ".html"), null).entries();
        List<IssueEntry> pdf = extractor.extract(name + ".pdf", HtmlExtractionTest.resource(name + ".pdf"), null).entries();
        assertEquals(md, html);
        assertEquals(14, md.size(), md.toString());
        assertEquals(e("Regjeringen la fram en ny handlingsplan mot menneskehandel.", ""), md.get(0));
        assertTrue(md.stream().noneMatch(x -> x.heading().startsWith("Nyhetsbrev") || x.text().startsWith("Velkommen")), md.toString());
        // the PDF (printed by a browser: bullets drawn, items set without space between them) is cut by
        // where lines end; two items whose printed URL wrapped join the item before
        assertEquals(13, pdf.size(), pdf.toString());
        assertEquals(md.get(0), pdf.get(0));
        assertTrue(pdf.stream().noneMatch(x -> x.heading().startsWith("Nyhetsbrev")), pdf.toString());
    }

    @Test
    void anUnreadableDocumentHasNoEntries() {
        ExtractedDocument unreadable = extractor.extract("tom.pdf", new byte[0], null);
        assertEquals(List.of(), unreadable.entries());
    }
}
