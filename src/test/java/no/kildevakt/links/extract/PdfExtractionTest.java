package no.kildevakt.links.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDURIDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;

/** PDFs are built here with PDFBox, so every fixture's content is visible in the test that uses it. */
class PdfExtractionTest {
    private static final float SIZE = 11;
    private static final float LEADING = 16;
    private final LinkExtractor extractor = new LinkExtractor();

    /** A line of text, and optionally a link annotation over it (or over a part of it). */
    record Line(String text, String annotationUri, String annotatedPart) {
        static Line text(String text) {
            return new Line(text, null, null);
        }

        static Line link(String text, String uri, String part) {
            return new Line(text, uri, part);
        }
    }

    /** A PDF with one page per list of lines; lines start at the top left, one under the other. */
    static PDDocument pdf(List<List<Line>> pages) throws IOException {
        PDDocument doc = new PDDocument();
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        for (List<Line> lines : pages) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float x = 56;
            float y = PDRectangle.A4.getHeight() - 72;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(font, SIZE);
                cs.newLineAtOffset(x, y);
                for (Line line : lines) {
                    cs.showText(line.text());
                    cs.newLineAtOffset(0, -LEADING);
                }
                cs.endText();
            }
            float baseline = y;
            for (Line line : lines) {
                if (line.annotationUri() != null) {
                    int at = line.text().indexOf(line.annotatedPart());
                    float left = x + font.getStringWidth(line.text().substring(0, at)) / 1000 * SIZE;
                    float width = font.getStringWidth(line.annotatedPart()) / 1000 * SIZE;
                    PDAnnotationLink link = new PDAnnotationLink();
                    link.setRectangle(new PDRectangle(left, baseline - 3, width, SIZE + 3));
                    PDActionURI action = new PDActionURI();
                    action.setURI(line.annotationUri());
                    link.setAction(action);
                    page.getAnnotations().add(link);
                }
                baseline -= LEADING;
            }
        }
        return doc;
    }

    static byte[] bytes(PDDocument doc) throws IOException {
        try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static LinkOccurrence at(String url, Object page, String text) {
        return new LinkOccurrence(url, "q4.pdf", "page " + page, text);
    }

    @Test
    void annotationsAndPrintedUrlsWithPageNumbers() throws IOException {
        PDDocument doc = pdf(List.of(
                List.of(
                        Line.text("Nyhetsbrev om menneskehandel, 4. kvartal 2024"),
                        Line.link("Politiet har en egen side: Klikk her for mer.",
                                "https://www.politiet.no/menneskehandel", "Klikk her"),
                        Line.text("Handlingsplanen ligger på https://www.regjeringen.no/no/dokumenter/"),
                        Line.text("handlingsplan-mot-menneskehandel/id2345678/ og er verdt å lese."),
                        Line.text("Se også https://www.ecpat.no/. Neste avsnitt."),
                        Line.text("Skriv til oss på post@example.no.")),
                List.of(
                        Line.link("Kilde: https://www.unodc.org/glotip", "https://www.unodc.org/glotip",
                                "https://www.unodc.org/glotip"),
                        Line.link("Kontakt redaksjonen", "mailto:redaksjon@example.no", "redaksjonen"),
                        Line.text("Rapport (www.nhri.no/rapport-2024), side 3."))));
        doc.getDocumentInformation().setTitle("Nyhetsbrev 2024-Q4");
        ExtractedDocument extracted = extractor.extract("q4.pdf", bytes(doc), null);

        assertEquals("pdf", extracted.type());
        assertEquals("Nyhetsbrev 2024-Q4", extracted.title());
        assertEquals(List.of(
                // several links on a page: each its own place, annotations first, then printed URLs
                at("https://www.politiet.no/menneskehandel", "1, link 1", "Klikk her"),
                at("https://www.regjeringen.no/no/dokumenter/handlingsplan-mot-menneskehandel/id2345678/", "1, link 2", ""),
                at("https://www.ecpat.no/", "1, link 3", ""),
                // the printed URL under the annotation is the same link: listed once
                at("https://www.unodc.org/glotip", "2, link 1", "https://www.unodc.org/glotip"),
                at("mailto:redaksjon@example.no", "2, link 2", "redaksjonen"),
                at("https://www.nhri.no/rapport-2024", "2, link 3", "")),
                extracted.links());
        assertEquals(List.of(), extracted.warnings());
    }

    @Test
    void wrappedUrlUnderAnAnnotationIsOneLink() throws IOException {
        PDDocument doc = pdf(List.of(List.of(
                Line.link("Les https://www.bufdir.no/familie/", "https://www.bufdir.no/familie/menneskehandel",
                        "https://www.bufdir.no/familie/"),
                Line.link("menneskehandel som PDF.", "https://www.bufdir.no/familie/menneskehandel",
                        "menneskehandel"))));
        ExtractedDocument extracted = extractor.extract("q4.pdf", bytes(doc), null);
        assertEquals(List.of(at("https://www.bufdir.no/familie/menneskehandel", 1,
                "https://www.bufdir.no/familie/menneskehandel")), extracted.links());
    }

    @Test
    void anAnnotationOverTheLastWordsOfALineKeepsItsLastLetter() throws IOException {
        PDDocument doc = pdf(List.of(List.of(
                Line.link("Kripos publiserte i oktober rapporten om menneskehandel, se her", "https://www.politiet.no/kripos",
                        "se her"),
                Line.text("Neste sak."))));
        ExtractedDocument extracted = extractor.extract("q4.pdf", bytes(doc), null);
        assertEquals(List.of(at("https://www.politiet.no/kripos", 1, "se her")), extracted.links());
    }

    /**
     * Producers measure the text with their own layout's widths and round the rectangle to their grid,
     * so it may stop inside the last glyph, short of its middle: here 2 pt before the end of the final
     * "r" (3.7 pt wide), which lost the "r" while a glyph counted only when its middle was inside.
     */
    @Test
    void anAnnotationStoppingInsideTheLastLetterStillHasTheWholeWord() throws IOException {
        String text = "Kripos publiserte i oktober rapporten om menneskehandel, se her";
        PDDocument doc = new PDDocument();
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        float x = 56;
        float y = PDRectangle.A4.getHeight() - 72;
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.beginText();
            cs.setFont(font, SIZE);
            cs.newLineAtOffset(x, y);
            cs.showText(text);
            cs.endText();
        }
        float left = x + font.getStringWidth(text.substring(0, text.indexOf("se her"))) / 1000 * SIZE;
        float right = x + font.getStringWidth(text) / 1000 * SIZE;
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle((float) Math.ceil(left), y - 3, (float) Math.floor(right - 2) - (float) Math.ceil(left), SIZE + 3));
        PDActionURI action = new PDActionURI();
        action.setURI("https://www.politiet.no/kripos");
        link.setAction(action);
        page.getAnnotations().add(link);

        ExtractedDocument extracted = extractor.extract("q4.pdf", bytes(doc), null);
        assertEquals(List.of(at("https://www.politiet.no/kripos", 1, "se her")), extracted.links());
    }

    @Test
    void relativeAnnotationResolvesAgainstTheDocumentUriBase() throws IOException {
        PDDocument doc = pdf(List.of(List.of(Line.link("Forrige utgave", "2024-q3.pdf", "Forrige utgave"))));
        PDURIDictionary uri = new PDURIDictionary();
        uri.setBase("https://nyhetsbrev.example.no/arkiv/");
        doc.getDocumentCatalog().setURI(uri);
        ExtractedDocument extracted = extractor.extract("q4.pdf", bytes(doc), null);
        assertEquals(List.of(at("https://nyhetsbrev.example.no/arkiv/2024-q3.pdf", 1, "Forrige utgave")),
                extracted.links());

        PDDocument noBase = pdf(List.of(List.of(Line.link("Forrige utgave", "2024-q3.pdf", "Forrige utgave"))));
        ExtractedDocument local = extractor.extract("q4.pdf", bytes(noBase), null);
        assertEquals("2024-q3.pdf", local.links().get(0).url());
        assertEquals(LinkScheme.RELATIVE, LinkExtractor.classifyScheme(local.links().get(0).url()));
    }

    @Test
    void corruptPdfIsAWarningNotACrash() {
        byte[] corrupt = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a pdf"
                .getBytes(StandardCharsets.ISO_8859_1);
        ExtractedDocument extracted = extractor.extract("broken.pdf", corrupt, null);
        assertEquals("pdf", extracted.type());
        assertEquals(List.of(), extracted.links());
        assertEquals(1, extracted.warnings().size(), extracted.warnings().toString());
        assertTrue(extracted.warnings().get(0).startsWith("not a readable PDF"), extracted.warnings().toString());
        assertTrue(extracted.warningLines().get(0).startsWith("broken.pdf: "));
    }

    @Test
    void truncatedPdfIsAWarningNotACrash() throws IOException {
        byte[] whole = bytes(pdf(List.of(List.of(Line.text("https://example.org/a")))));
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 3);
        ExtractedDocument extracted = extractor.extract("half.pdf", half, null);
        assertEquals("pdf", extracted.type());
        // PDFBox may recover part of a truncated file; what matters is that it does not throw
        assertTrue(extracted.links().isEmpty() || !extracted.warnings().isEmpty() || extracted.links().size() == 1);
    }

    @Test
    void passwordProtectedPdfIsAWarning() throws IOException {
        PDDocument doc = pdf(List.of(List.of(Line.text("https://example.org/hemmelig"))));
        StandardProtectionPolicy policy = new StandardProtectionPolicy("eier", "leser", new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
        ExtractedDocument extracted = extractor.extract("locked.pdf", bytes(doc), "application/pdf");
        assertEquals(List.of(), extracted.links());
        assertEquals(List.of("the PDF is encrypted and needs a password; no links read"), extracted.warnings());
    }

    @Test
    void pdfWithOnlyAnOwnerPasswordIsRead() throws IOException {
        PDDocument doc = pdf(List.of(List.of(Line.text("Se https://example.org/open for mer."))));
        StandardProtectionPolicy policy = new StandardProtectionPolicy("eier", "", new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
        ExtractedDocument extracted = extractor.extract("owner-only.pdf", bytes(doc), null);
        assertEquals(List.of(new LinkOccurrence("https://example.org/open", "owner-only.pdf", "page 1", "")),
                extracted.links());
    }
    @Test
    void aPageTreeListingOnePageThousandsOfTimesReadsThatPageOnceWithAWarning() throws IOException {
        PDDocument doc = pdf(List.of(List.of(Line.text("Les https://x.no/en")), List.of(Line.text("Og https://x.no/to"))));
        COSDictionary pages = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES);
        COSArray kids = pages.getCOSArray(COSName.KIDS);
        COSBase first = kids.get(0);
        COSBase second = kids.get(1);
        kids.clear();
        kids.add(first);
        for (int i = 0; i < 3_000; i++) {
            kids.add(first); // a hostile or broken producer: every entry the same page object
        }
        kids.add(second);
        pages.setInt(COSName.COUNT, kids.size());
        ExtractedDocument extracted = extractor.extract("q4.pdf", bytes(doc), null);
        assertEquals(List.of(at("https://x.no/en", 1, ""), at("https://x.no/to", 3002, "")), extracted.links());
        assertEquals(List.of("the page list names the same page 3000 more times; each page was read once"),
                extracted.warnings());
    }

    @Test
    void pagesAndLinkAnnotationsBeyondTheLimitsAreNotReadWithAWarning() throws IOException {
        List<List<Line>> pages = new java.util.ArrayList<>();
        for (int p = 1; p <= 4; p++) {
            pages.add(List.of(Line.text("Side " + p + " https://x.no/side/" + p)));
        }
        List<Line> links = new java.util.ArrayList<>();
        for (int l = 1; l <= 5; l++) {
            links.add(Line.link("Lenke " + l, "https://x.no/lenke/" + l, "Lenke " + l));
        }
        pages.set(0, links);
        PdfExtractor limited = new PdfExtractor(new PdfExtractor.Limits(3, 2, 100));
        ExtractedDocument extracted = limited.extract(new Source("q4.pdf", bytes(pdf(pages)), null, null));
        assertEquals(List.of(at("https://x.no/lenke/1", "1, link 1", "Lenke 1"), at("https://x.no/lenke/2", "1, link 2", "Lenke 2"),
                at("https://x.no/side/2", 2, ""), at("https://x.no/side/3", 3, "")), extracted.links());
        assertEquals(List.of("page 1: only the first 2 of its 5 link annotations were read",
                "only the first 3 pages were read (the PDF has 4)"), extracted.warnings());
    }
}
