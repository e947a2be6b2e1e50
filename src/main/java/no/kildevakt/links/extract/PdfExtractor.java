package no.kildevakt.links.extract;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kildevakt.OneLine;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDURIDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;

/**
 * Links of a PDF issue, page by page: the clickable link annotations (with the text under them as
 * anchor text), and URLs printed in the page text, which many PDFs made by "print to PDF" or from
 * scans-with-OCR have without any annotation. A URL the layout wrapped over two lines is joined
 * ({@link WrappedUrls}). When an annotation and the printed text name the same link on a page, it is
 * listed once, as the annotation.
 *
 * <p>Relative annotation URIs resolve against the document's {@code /URI /Base} or else the issue's own
 * URL. PDFs that cannot be opened (corrupt, encrypted with a user password) give a warning; a page whose
 * text cannot be extracted gives a warning and the rest is read. The parse is buffered in a temporary
 * file, not the heap, so a 50 MB issue does not need 50 MB more memory.
 */
final class PdfExtractor implements FormatExtractor {

    @Override
    public ExtractedDocument extract(Source source) {
        Occurrences out = new Occurrences(source.document());
        String title = "";
        int pageNumber = 0;
        try (PDDocument pdf = Loader.loadPDF(source.content(), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            String docTitle = pdf.getDocumentInformation().getTitle();
            title = docTitle == null ? "" : docTitle;
            String base = base(pdf, source.base());
            for (PDPage page : pdf.getPages()) {
                pageNumber++;
                readPage(pdf, page, pageNumber, base, out);
            }
        } catch (InvalidPasswordException e) {
            out.warn("the PDF is encrypted and needs a password; no links read");
        } catch (IOException | RuntimeException e) {
            // PDFBox meets hostile files with unchecked exceptions from deep inside its parser as often as
            // with IOException; one bad issue must not end a run that reads a hundred
            out.warn("not a readable PDF (" + Occurrences.describe(e) + ")"
                    + (pageNumber == 0 ? "; no links read" : "; reading stopped at page " + pageNumber));
        }
        return out.result(DocumentType.PDF, title);
    }

    private static String base(PDDocument pdf, String issueUrl) {
        PDURIDictionary uri = pdf.getDocumentCatalog().getURI();
        String declared = uri == null ? null : uri.getBase();
        return declared != null && LinkScheme.of(declared) == LinkScheme.HTTP ? declared : issueUrl;
    }

    /** A link annotation's target and the text under it. */
    private record Anchor(String url, String text) {}

    private static void readPage(PDDocument pdf, PDPage page, int pageNumber, String base, Occurrences out) {
        String location = "page " + pageNumber;
        List<Anchor> anchors = new ArrayList<>();
        try {
            anchors = anchors(page, base);
        } catch (IOException | RuntimeException e) {
            out.warn(location + ": link annotations could not be read (" + Occurrences.describe(e) + ")");
        }
        anchors.forEach(a -> out.addAbsolute(a.url(), location, a.text()));
        List<String> annotatedKeys = anchors.stream().map(a -> WrappedUrls.key(a.url())).toList();
        try {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            stripper.setStartPage(pageNumber);
            stripper.setEndPage(pageNumber);
            List<String> lines = Arrays.asList(stripper.getText(pdf).split("\n"));
            for (WrappedUrls.Found found : WrappedUrls.find(lines, anchors.stream().map(Anchor::url).toList())) {
                String key = WrappedUrls.key(found.url());
                // the printed form of an annotated link (or its first line, when the wrap was not joined)
                boolean printedAnnotation = annotatedKeys.stream()
                        .anyMatch(a -> a.equals(key) || (found.endsLine() && a.startsWith(key)));
                if (!printedAnnotation) {
                    out.addBare(found.url(), location);
                }
            }
        } catch (IOException | RuntimeException e) {
            out.warn(location + ": text could not be extracted (" + Occurrences.describe(e) + ")");
        }
    }

    /**
     * The page's URI link annotations, resolved, in order. Consecutive annotations with the same target
     * are one link the layout wrapped (word processors make one rectangle per line): merged.
     */
    private static List<Anchor> anchors(PDPage page, String base) throws IOException {
        Map<String, PDAnnotationLink> links = new LinkedHashMap<>();
        for (PDAnnotation annotation : page.getAnnotations()) {
            if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI action
                    && action.getURI() != null) {
                links.put("link" + links.size(), link);
            }
        }
        Map<String, String> texts = anchorTexts(page, links);
        List<Anchor> anchors = new ArrayList<>();
        for (var entry : links.entrySet()) {
            String url = Occurrences.resolve(((PDActionURI) entry.getValue().getAction()).getURI(), base);
            String text = OneLine.of(texts.getOrDefault(entry.getKey(), ""));
            Anchor previous = anchors.isEmpty() ? null : anchors.get(anchors.size() - 1);
            if (previous != null && previous.url().equals(url)) {
                anchors.set(anchors.size() - 1, new Anchor(url, joinWrapped(previous.text(), text)));
            } else {
                anchors.add(new Anchor(url, text));
            }
        }
        return anchors;
    }

    /** Text of a link wrapped over two lines: a broken URL is glued back, words get a space. */
    static String joinWrapped(String first, String second) {
        if (first.isEmpty() || second.isEmpty()) {
            return first + second;
        }
        List<TextUrls.Found> urls = TextUrls.find(first);
        boolean urlBroken = !urls.isEmpty() && urls.get(urls.size() - 1).end() == first.length();
        return urlBroken ? first + second : first + " " + second;
    }

    /** The text under each annotation's rectangle, by region name. */
    private static Map<String, String> anchorTexts(PDPage page, Map<String, PDAnnotationLink> links)
            throws IOException {
        if (links.isEmpty()) {
            return Map.of();
        }
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        PDRectangle media = page.getMediaBox();
        for (var entry : links.entrySet()) {
            PDRectangle rect = entry.getValue().getRectangle();
            if (rect == null) {
                continue;
            }
            // annotation rectangles are in PDF space (origin bottom left); the stripper's regions have
            // their origin top left, as on screen
            float y = page.getRotation() == 0 ? media.getHeight() - rect.getUpperRightY() : rect.getLowerLeftY();
            stripper.addRegion(entry.getKey(), new Rectangle2D.Float(
                    rect.getLowerLeftX() - 1, y - 1, rect.getWidth() + 2, rect.getHeight() + 2));
        }
        stripper.extractRegions(page);
        Map<String, String> texts = new LinkedHashMap<>();
        for (String region : stripper.getRegions()) {
            texts.put(region, stripper.getTextForRegion(region));
        }
        return texts;
    }
}
