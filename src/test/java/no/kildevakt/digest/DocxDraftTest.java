package no.kildevakt.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/** The Word draft, read back with POI and, where LibreOffice is installed, printed to PDF and read with PDFBox. */
class DocxDraftTest {
    private static final Period Q4 = Period.parse("2024-Q4");
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    @TempDir
    Path dir;

    private static Draft.DraftEntry entry(String key, String title, String text, String url) {
        return new Draft.DraftEntry(key, title, text, true, "", url, LocalDate.of(2024, 10, 15), null, "");
    }

    /** The newsletter's structure: a grouped international section, an ungrouped Norwegian one, an event. */
    static Draft draft() {
        return new Draft(Q4, true, List.of(
                new Draft.DraftSection("norske", "Aktuelle norske tiltak, rapporter og forskning", false, List.of(
                        new Draft.DraftGroup("Rapporter fra politiet", "Rapporter fra politiet", List.of("Rapporter fra politiet"), List.of(
                                entry("item:1", "Menneskehandel i Norge 2023",
                                        "Kripos publiserte i oktober rapporten «Menneskehandel i Norge 2023».",
                                        "https://www.politiet.no/aktuelt-tall-og-fakta/aktuelt/nyheter/2024/10/15/rapport/"))))),
                new Draft.DraftSection("internasjonale", "Internasjonalt", false, List.of(
                        new Draft.DraftGroup("UNODC", "UNODC", List.of("UNODC"), List.of(
                                entry("item:2", "Global Report on Trafficking in Persons 2024",
                                        "UNODC publiserte i desember rapporten «Global Report on Trafficking in Persons 2024».",
                                        "https://www.unodc.org/unodc/en/data-and-analysis/glotip.html"))),
                        new Draft.DraftGroup("EMD", "EMD", List.of("EMD"), List.of(
                                entry("item:3", "CASE OF H.D. v. ITALY", "EMD avsa i oktober dom i saken «H.D. v. ITALY».",
                                        "https://hudoc.echr.coe.int/eng#%7B%22itemid%22:%5B%22001-249529%22%5D%7D"))))),
                new Draft.DraftSection("arrangementer", "Kommende arrangementer", true, List.of(
                        new Draft.DraftGroup("", "", List.of(), List.of(
                                entry("item:4", "Nordisk konferanse om menneskehandel",
                                        "«Nordisk konferanse om menneskehandel» arrangeres 20. januar 2025 i Oslo.", null)))))));
    }

    private static XWPFDocument read(byte[] docx) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    /** A part of the package as text, for what POI's model does not show (the language, the absence of fields). */
    static String part(byte[] docx, String name) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name + " in the document");
    }

    private static List<String> styled(XWPFDocument doc) {
        List<String> headings = new ArrayList<>();
        for (XWPFParagraph p : doc.getParagraphs()) {
            if (p.getStyle() != null) {
                headings.add(p.getStyle() + ": " + p.getText());
            }
        }
        return headings;
    }

    private static List<String> links(XWPFDocument doc) {
        List<String> links = new ArrayList<>();
        for (XWPFParagraph p : doc.getParagraphs()) {
            for (IRunElement r : p.getIRuns()) {
                if (r instanceof XWPFHyperlinkRun link) {
                    String id = link.getHyperlinkId();
                    assertEquals(TargetMode.EXTERNAL, doc.getPackagePart().getRelationship(id).getTargetMode());
                    links.add(link.text() + " → " + doc.getPackagePart().getRelationship(id).getTargetURI().toString());
                }
            }
        }
        return links;
    }

    @Test
    void theTitleBlockAndHeadingsAreWordsOwnStylesInTheNewslettersOrder() throws Exception {
        try (XWPFDocument doc = read(new DocxDraft().bytes(draft()))) {
            assertEquals(List.of(
                    "Title: Nyhetsbrev oktober–desember 2024",
                    "Heading1: Aktuelle norske tiltak, rapporter og forskning",
                    "Heading2: Rapporter fra politiet",
                    "Heading3: Menneskehandel i Norge 2023",
                    "Heading1: Internasjonalt",
                    "Heading2: UNODC",
                    "Heading3: Global Report on Trafficking in Persons 2024",
                    "Heading2: EMD",
                    "Heading3: CASE OF H.D. v. ITALY",
                    "Heading1: Kommende arrangementer",
                    // no group: the entry is the level below the section
                    "Heading2: Nordisk konferanse om menneskehandel"), styled(doc));
            // defined as Word defines them, so the navigation pane and a table of contents find them
            for (String[] s : new String[][] {{"Heading1", "heading 1", "0"}, {"Heading2", "heading 2", "1"}, {"Heading3", "heading 3", "2"}}) {
                XWPFStyle style = doc.getStyles().getStyle(s[0]);
                assertEquals(s[1], style.getName());
                assertEquals(s[2], style.getCTStyle().getPPr().getOutlineLvl().getVal().toString());
                assertEquals("Normal", style.getBasisStyleID());
            }
            assertEquals("Title", doc.getStyles().getStyle("Title").getName());
            assertEquals("Nyhetsbrev oktober–desember 2024", doc.getProperties().getCoreProperties().getTitle());
        }
    }

    @Test
    void seHerIsARealHyperlinkAndTheTextReadsAsTheNewsletterWritesIt() throws Exception {
        try (XWPFDocument doc = read(new DocxDraft().bytes(draft()))) {
            assertEquals(List.of(
                    "se her → https://www.politiet.no/aktuelt-tall-og-fakta/aktuelt/nyheter/2024/10/15/rapport/",
                    "se her → https://www.unodc.org/unodc/en/data-and-analysis/glotip.html",
                    "se her → https://hudoc.echr.coe.int/eng#%7B%22itemid%22:%5B%22001-249529%22%5D%7D"), links(doc));
            List<String> texts = doc.getParagraphs().stream().filter(p -> p.getStyle() == null).map(XWPFParagraph::getText).toList();
            assertEquals(List.of(
                    "Kripos publiserte i oktober rapporten «Menneskehandel i Norge 2023», se her.",
                    "UNODC publiserte i desember rapporten «Global Report on Trafficking in Persons 2024», se her.",
                    "EMD avsa i oktober dom i saken «H.D. v. ITALY», se her.",
                    "«Nordisk konferanse om menneskehandel» arrangeres 20. januar 2025 i Oslo."), texts);
            assertEquals("Hyperlink", ((XWPFHyperlinkRun) doc.getParagraphs().get(4).getIRuns().get(1)).getStyle());
        }
    }

    @Test
    void theTextIsNorwegianBokmal() throws Exception {
        byte[] docx = new DocxDraft().bytes(draft());
        String styles = part(docx, "word/styles.xml");
        int defaults = styles.indexOf("<w:docDefaults>");
        assertTrue(defaults >= 0, styles);
        assertTrue(styles.substring(defaults, styles.indexOf("</w:docDefaults>")).contains("<w:lang w:val=\"nb-NO\""), styles);
        try (XWPFDocument doc = read(docx)) {
            assertEquals("nb-NO", doc.getStyles().getStyle("Normal").getCTStyle().getRPr().getLangArray(0).getVal());
        }
    }

    @Test
    void hostileTextStaysTextAndOnlyWebLinksAreLinked() throws Exception {
        String field = "<w:fldSimple w:instr=\"HYPERLINK &quot;javascript:alert(1)&quot;\"><w:r><w:t>x</w:t></w:r></w:fldSimple>";
        String title = "]]></w:t></w:r><w:r><w:instrText>DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe</w:instrText>";
        Draft hostile = new Draft(Q4, true, List.of(new Draft.DraftSection("norske", field, false, List.of(
                new Draft.DraftGroup("", "", List.of(), List.of(
                        entry("item:1", title, "{ HYPERLINK \"https://evil.example\" } tekst\u0001\u000b\ufffe med\tkontroll\ud800tegn.",
                                "javascript:alert(1)"),
                        entry("item:2", "Data", "Lenke.", "data:text/html,<script>alert(1)</script>"),
                        entry("entry:3", "Fil", "Lenke.", "file:///etc/passwd")))))));
        byte[] docx = new DocxDraft().bytes(hostile);
        String document = part(docx, "word/document.xml");
        // XmlBeans may write such text as CDATA: what counts is which elements the XML has
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(new InputSource(new StringReader(document)));
        for (String element : List.of("fldSimple", "fldChar", "instrText", "hyperlink")) {
            assertEquals(0, xml.getElementsByTagNameNS(W, element).getLength(), element + " in " + document);
        }
        assertEquals(8, xml.getElementsByTagNameNS(W, "p").getLength(), document);
        assertFalse(part(docx, "word/_rels/document.xml.rels").contains("TargetMode=\"External\""));
        try (XWPFDocument doc = read(docx)) {
            assertEquals(List.of("Heading1: " + field, "Heading2: " + title, "Heading2: Data", "Heading2: Fil"), styled(doc).subList(1, 5));
            assertEquals("{ HYPERLINK \"https://evil.example\" } tekst med kontrolltegn.", doc.getParagraphs().get(3).getText());
            assertEquals(List.of(), links(doc));
        }
    }

    @Test
    void anEmptyDraftSaysSo() throws Exception {
        try (XWPFDocument doc = read(new DocxDraft().bytes(new Draft(Period.parse("2025-01"), false, List.of())))) {
            assertEquals(List.of("Nyhetsbrev januar 2025", "Ingen saker i perioden."), doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
        }
    }

    @Test
    void theFormatIsKnownByItsName() {
        assertTrue(DraftDocument.of("DOCX") instanceof DocxDraft);
        assertTrue(DraftDocument.of("docx").binary());
        assertFalse(DraftDocument.of("md").binary());
        assertEquals("# Utkast", new String(DraftDocument.of("md").bytes(draft()), StandardCharsets.UTF_8).substring(0, 8));
    }

    // ---------------------------------------------------------------- as Word would print it

    @Test
    void libreOfficePrintsItWithItsHeadingsAsTheOutlineAndItsLinks() throws Exception {
        Path soffice = LibreOffice.find();
        assumeTrue(soffice != null, "LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui");
        Path docx = dir.resolve("utkast.docx");
        Files.write(docx, new DocxDraft().bytes(draft()));
        Path pdf = LibreOffice.toPdf(soffice, docx, dir);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            for (String expected : List.of("Nyhetsbrev oktober–desember 2024", "Aktuelle norske tiltak, rapporter og forskning",
                    "Rapporter fra politiet", "Kripos publiserte i oktober rapporten «Menneskehandel i Norge 2023», se her.",
                    "EMD avsa i oktober dom i saken «H.D. v. ITALY», se her.",
                    "«Nordisk konferanse om menneskehandel» arrangeres 20. januar 2025 i Oslo.")) {
                assertTrue(text.contains(expected), expected + " in " + text);
            }
            assertTrue(text.indexOf("Rapporter fra politiet") < text.indexOf("Internasjonalt")
                    && text.indexOf("UNODC") < text.indexOf("Kommende arrangementer"), text);
            List<String> uris = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (PDAnnotation a : page.getAnnotations()) {
                    if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                        uris.add(uri.getURI());
                    }
                }
            }
            assertTrue(uris.contains("https://www.politiet.no/aktuelt-tall-og-fakta/aktuelt/nyheter/2024/10/15/rapport/"), uris.toString());
            assertTrue(uris.contains("https://www.unodc.org/unodc/en/data-and-analysis/glotip.html"), uris.toString());
            assertEquals(3, uris.size(), uris.toString());
            // LibreOffice makes the PDF's bookmarks from the headings' outline levels: the headings are headings
            List<String> outline = new ArrayList<>();
            if (document.getDocumentCatalog().getDocumentOutline() != null) {
                collect(document.getDocumentCatalog().getDocumentOutline().children(), outline);
            }
            assertTrue(outline.containsAll(List.of("Aktuelle norske tiltak, rapporter og forskning", "Rapporter fra politiet",
                    "Menneskehandel i Norge 2023", "Internasjonalt", "Kommende arrangementer")), outline.toString());
        }
    }

    private static void collect(Iterable<PDOutlineItem> items, List<String> into) {
        for (PDOutlineItem item : items) {
            into.add(item.getTitle());
            collect(item.children(), into);
        }
    }

    /** LibreOffice headless, for the tests that print a document as Word would. */
    static final class LibreOffice {
        private LibreOffice() {}

        /** {@code soffice} on the PATH, or null. */
        static Path find() {
            String path = System.getenv("PATH");
            if (path == null) {
                return null;
            }
            for (String folder : path.split(File.pathSeparator)) {
                Path candidate = Path.of(folder, "soffice");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
            return null;
        }

        /** Converts {@code docx} to PDF in {@code dir} with a profile of its own (parallel runs must not share one). */
        static Path toPdf(Path soffice, Path docx, Path dir) throws IOException, InterruptedException {
            Path profile = Files.createDirectories(dir.resolve("lo-profile"));
            Path out = Files.createDirectories(dir.resolve("pdf"));
            Process process = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless",
                    "--norestore", "--convert-to", "pdf", "--outdir", out.toString(), docx.toString())
                    .redirectErrorStream(true).start();
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                try {
                    process.getInputStream().transferTo(log);
                } catch (IOException e) {
                    // the process ended
                }
            });
            reader.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("soffice did not finish in 120 s: " + log);
            }
            reader.join(5000);
            String name = docx.getFileName().toString().replaceFirst("\\.docx$", ".pdf");
            Path pdf = out.resolve(name);
            assertTrue(Files.isRegularFile(pdf), "soffice exited " + process.exitValue() + " without a PDF: " + log);
            return pdf;
        }
    }
}
