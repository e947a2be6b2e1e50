package no.kildevakt.links.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFieldRun;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/** Word documents are built here with POI, so every fixture's content is visible in the test. */
class DocxExtractionTest {
    private final LinkExtractor extractor = new LinkExtractor();

    static byte[] bytes(XWPFDocument doc) throws IOException {
        try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void text(XWPFParagraph p, String text) {
        p.createRun().setText(text);
    }

    private static void hyperlink(XWPFParagraph p, String url, String... runs) {
        XWPFHyperlinkRun first = p.createHyperlinkRun(url);
        first.setText(runs[0]);
        for (int i = 1; i < runs.length; i++) {
            // Word splits a link's text into several runs (formatting, spell check): same w:hyperlink
            XWPFRun more = new XWPFHyperlinkRun(first.getCTHyperlink(), first.getCTHyperlink().addNewR(), p);
            more.setText(runs[i]);
        }
    }

    /** A complex HYPERLINK field as Word writes it: begin, instruction, separate, result, end. */
    private static void complexField(XWPFParagraph p, String instruction, String result) {
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        p.createRun().getCTR().addNewInstrText().setStringValue(instruction);
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        p.createRun().setText(result);
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    private static LinkOccurrence at(String url, String location, String text) {
        return new LinkOccurrence(url, "q4.docx", location, text);
    }

    @Test
    void hyperlinksFieldsAndTypedUrlsWithParagraphsAndTableCells() throws IOException {
        XWPFDocument doc = new XWPFDocument();
        doc.getProperties().getCoreProperties().setTitle("Nyhetsbrev 2024-Q4");
        XWPFParagraph p1 = doc.createParagraph();
        text(p1, "Les ");
        hyperlink(p1, "https://www.regjeringen.no/no/tema/menneskehandel/", "regjeringens ", "side");
        text(p1, " og https://www.ecpat.no/rapport.");
        doc.createParagraph(); // an empty paragraph still counts, as in Word
        XWPFParagraph p3 = doc.createParagraph();
        hyperlink(p3, "https://www.nav.no/", "www.nav.no");
        text(p3, " og ");
        hyperlink(p3, "mailto:post@example.no", "post@example.no");
        XWPFParagraph p4 = doc.createParagraph();
        complexField(p4, " HYPERLINK \"https://lovdata.no/lov/2005-05-20-28\" \\o \"Loven\" ", "Straffeloven");
        text(p4, " og ");
        XWPFFieldRun simple = p4.createFieldRun();
        simple.setFieldInstruction("HYPERLINK \"https://www.unodc.org/glotip\"");
        simple.setText("UNODC");
        text(p4, ", se side ");
        complexField(p4, " PAGE ", "3");

        XWPFTable table = doc.createTable(2, 2);
        table.getRow(0).getCell(0).setText("Kilde");
        XWPFParagraph cell = table.getRow(1).getCell(1).getParagraphs().get(0);
        hyperlink(cell, "https://www.politiet.no/menneskehandel", "Politiet");
        table.getRow(1).getCell(0).setText("Se http://www.kripos.no/");

        XWPFParagraph p5 = doc.createParagraph();
        hyperlink(p5, "rapporter/2024.pdf", "relativ");
        text(p5, " og ");
        p5.createHyperlinkRun("tel:+4722000000").setText("22 00 00 00");

        XWPFParagraph header = doc.createHeader(HeaderFooterType.DEFAULT).createParagraph();
        hyperlink(header, "https://nyhetsbrev.example.no/", "Nyhetsbrevet");
        XWPFFootnote note = doc.createFootnote();
        note.createParagraph().createRun().setText("Kilde: https://www.nhri.no/2024/rapport-om-menneskehandel/");

        ExtractedDocument extracted = extractor.extract("q4.docx", bytes(doc), null);
        assertEquals("docx", extracted.type());
        assertEquals("Nyhetsbrev 2024-Q4", extracted.title());
        assertEquals(List.of(
                at("https://www.regjeringen.no/no/tema/menneskehandel/", "paragraph 1, link 1", "regjeringens side"),
                at("https://www.ecpat.no/rapport", "paragraph 1, link 2", ""),
                at("https://www.nav.no/", "paragraph 3, link 1", "www.nav.no"),
                at("mailto:post@example.no", "paragraph 3, link 2", "post@example.no"),
                at("https://lovdata.no/lov/2005-05-20-28", "paragraph 4, link 1", "Straffeloven"),
                at("https://www.unodc.org/glotip", "paragraph 4, link 2", "UNODC"),
                at("http://www.kripos.no/", "table 1, row 2, cell 1", ""),
                at("https://www.politiet.no/menneskehandel", "table 1, row 2, cell 2", "Politiet"),
                at("rapporter/2024.pdf", "paragraph 5, link 1", "relativ"),
                at("tel:+4722000000", "paragraph 5, link 2", "22 00 00 00"),
                at("https://nyhetsbrev.example.no/", "header 1", "Nyhetsbrevet"),
                at("https://www.nhri.no/2024/rapport-om-menneskehandel/", "footnote 1", "")),
                extracted.links());
        assertEquals(List.of(), extracted.warnings());
    }

    @Test
    void relativeHyperlinksResolveAgainstTheHyperlinkBase() throws IOException {
        XWPFDocument doc = new XWPFDocument();
        doc.getProperties().getExtendedProperties().getUnderlyingProperties()
                .setHyperlinkBase("https://nyhetsbrev.example.no/arkiv/");
        hyperlink(doc.createParagraph(), "2024-q3.docx", "forrige");
        ExtractedDocument extracted = extractor.extract("q4.docx", bytes(doc), null);
        assertEquals(List.of(at("https://nyhetsbrev.example.no/arkiv/2024-q3.docx", "paragraph 1", "forrige")),
                extracted.links());
    }

    @Test
    void docxIsRecognisedByItsContentWhateverItIsCalled() throws IOException {
        XWPFDocument doc = new XWPFDocument();
        hyperlink(doc.createParagraph(), "https://example.org/", "x");
        ExtractedDocument extracted = extractor.extract("https://example.org/download?id=7", bytes(doc),
                "application/octet-stream");
        assertEquals("docx", extracted.type());
        assertEquals(1, extracted.links().size());
    }

    @Test
    void brokenDocxIsAWarning() throws IOException {
        XWPFDocument doc = new XWPFDocument();
        hyperlink(doc.createParagraph(), "https://example.org/", "x");
        byte[] whole = bytes(doc);
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
        ExtractedDocument extracted = extractor.extract("half.docx", truncated, null);
        assertEquals("docx", extracted.type());
        assertEquals(List.of(), extracted.links());
        assertEquals(1, extracted.warnings().size());
        assertTrue(extracted.warnings().get(0).startsWith("not a readable Word document"), extracted.warnings().get(0));

        ExtractedDocument ole = extractor.extract("locked.docx",
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}, null);
        assertEquals("docx", ole.type());
        assertTrue(ole.warnings().get(0).contains("password-protected"), ole.warnings().toString());
    }

    /** {@code docx} with its {@code word/document.xml} changed by {@code edit}. */
    private static byte[] withDocumentXml(byte[] docx, java.util.function.UnaryOperator<String> edit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx));
             var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("word/document.xml")) {
                    content = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aDocumentOfTwoHundredThousandEmptyParagraphsIsReadNotCalledAZipBomb() throws IOException {
        XWPFDocument doc = new XWPFDocument();
        hyperlink(doc.createParagraph(), "https://example.org/", "lenke");
        // 1.2 MB of XML that deflates to under 2 KB: as compressible as a zip bomb, but a document
        byte[] odd = withDocumentXml(bytes(doc), xml -> xml.replace("<w:body>", "<w:body>" + "<w:p/>".repeat(200_000)));
        ExtractedDocument extracted = extractor.extract("q4.docx", odd, null);
        assertEquals(List.of(), extracted.warnings());
        assertEquals(List.of(at("https://example.org/", "paragraph 200001", "lenke")), extracted.links());
    }

    @Test
    void aZipBombIsStillRefused() throws IOException {
        XWPFDocument doc = new XWPFDocument();
        hyperlink(doc.createParagraph(), "https://example.org/", "lenke");
        // 20 MB of white space, compressed a thousand times: past the size where the ratio counts
        byte[] bomb = withDocumentXml(bytes(doc), xml -> xml.replace("<w:body>", "<w:body>" + " ".repeat(20 << 20)));
        ExtractedDocument extracted = extractor.extract("bombe.docx", bomb, null);
        assertTrue(extracted.unreadable());
        assertTrue(extracted.warnings().get(0).startsWith("not a readable Word document"), extracted.warnings().toString());
    }

    @Test
    void aDocxWithADoctypeIsUnreadable() throws IOException {
        XWPFDocument doc = new XWPFDocument();
        hyperlink(doc.createParagraph(), "https://example.org/", "lenke");
        byte[] doctype = withDocumentXml(bytes(doc), xml -> xml.replaceFirst("\\?>", "?><!DOCTYPE w:document [<!ENTITY x \"y\">]>"));
        ExtractedDocument extracted = extractor.extract("dtd.docx", doctype, null);
        assertTrue(extracted.unreadable(), extracted.toString());
        assertTrue(extracted.warnings().get(0).startsWith("not a readable Word document"), extracted.warnings().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HYPERLINK \"https://a.no/x\"                        | https://a.no/x",
        " HYPERLINK \"https://a.no/x\" \\o \"Tips\" \\t \"_blank\" | https://a.no/x",
        "HYPERLINK \\l \"_Toc1\"                             | #_Toc1",
        "HYPERLINK \"https://a.no/x\" \\l \"del2\"           | https://a.no/x#del2",
        "hyperlink https://a.no/y                          | https://a.no/y",
    })
    void hyperlinkFieldInstructions(String instruction, String url) {
        assertEquals(url, DocxExtractor.hyperlinkField(instruction));
    }

    @Test
    void otherFieldsAreNotLinks() {
        assertNull(DocxExtractor.hyperlinkField(" PAGE "));
        assertNull(DocxExtractor.hyperlinkField("TOC \\o \"1-3\""));
        assertNull(DocxExtractor.hyperlinkField(""));
    }
}
