package no.kildevakt.links.extract;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kildevakt.text.OneLine;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDURIDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

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
 *
 * <p>Its entries come from the page text: PDFBox cuts it into paragraphs (by line spacing and
 * indentation); a line set in bold or larger than the page's body text is a heading, and a paragraph
 * that opens with bold words has a lead-in. Where the PDF marks nothing, each paragraph is an entry
 * with its first sentence as heading ({@link Entries}).
 */
final class PdfExtractor implements FormatExtractor {
    /**
     * How much of a PDF is read. A newsletter issue has tens of pages and links; a file with a page
     * list naming one page a million times, or a million link annotations, is broken or hostile, and
     * reading all of it would take minutes. What lies beyond a limit is left unread, with a warning.
     *
     * @param pages              distinct pages read
     * @param annotationsPerPage link annotations read on one page
     * @param annotations        link annotations read in the whole document
     */
    record Limits(int pages, int annotationsPerPage, int annotations) {
        static final Limits DEFAULT = new Limits(5_000, 1_000, 20_000);
    }

    private final Limits limits;

    PdfExtractor() {
        this(Limits.DEFAULT);
    }

    PdfExtractor(Limits limits) {
        this.limits = limits;
    }

    @Override
    public ExtractedDocument extract(Source source) {
        Occurrences out = new Occurrences(source.document());
        String title = "";
        int pageNumber = 0;
        Entries entries = source.entries();
        try (PDDocument pdf = Loader.loadPDF(source.content(), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            String docTitle = pdf.getDocumentInformation().getTitle();
            title = docTitle == null ? "" : docTitle;
            String base = base(pdf, source.base());
            // the page list is walked once; a page object it names again is not read again (a producer
            // bug, or a file made to take hours: each page is read in full)
            Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            int repeats = 0;
            int[] annotationBudget = {limits.annotations()};
            for (PDPage page : pdf.getPages()) {
                pageNumber++;
                if (!seen.add(page.getCOSObject())) {
                    repeats++;
                } else if (seen.size() > limits.pages()) {
                    out.warn("only the first " + limits.pages() + " pages were read (the PDF has "
                            + Math.max(pdf.getNumberOfPages(), pageNumber) + ")");
                    break;
                } else {
                    readPage(pdf, page, pageNumber, base, annotationBudget, out, entries);
                }
            }
            if (repeats > 0) {
                out.warn("the page list names the same page " + repeats + " more times; each page was read once");
            }
        } catch (InvalidPasswordException e) {
            out.fail("the PDF is encrypted and needs a password; no links read");
        } catch (IOException | RuntimeException e) {
            // PDFBox meets hostile files with unchecked exceptions from deep inside its parser as often as
            // with IOException; one bad issue must not end a run that reads a hundred
            out.fail("not a readable PDF (" + Occurrences.describe(e) + ")"
                    + (pageNumber == 0 ? "; no links read" : "; reading stopped at page " + pageNumber));
        }
        return out.result(DocumentType.PDF, title, entries);
    }

    private static String base(PDDocument pdf, String issueUrl) {
        PDURIDictionary uri = pdf.getDocumentCatalog().getURI();
        String declared = uri == null ? null : uri.getBase();
        return declared != null && LinkScheme.of(declared) == LinkScheme.HTTP ? declared : issueUrl;
    }

    /** A link annotation's target and the text under it. */
    private record Anchor(String url, String text) {}

    private void readPage(PDDocument pdf, PDPage page, int pageNumber, String base, int[] annotationBudget,
                          Occurrences out, Entries entries) {
        String location = "page " + pageNumber;
        List<PDAnnotationLink> links = List.of();
        try {
            links = uriLinks(page, location, annotationBudget, out);
        } catch (IOException | RuntimeException e) {
            out.warn(location + ": link annotations could not be read (" + Occurrences.describe(e) + ")");
        }
        PageText text;
        List<String> lines = List.of();
        try {
            text = new PageText(page, links);
            lines = Arrays.asList(text.getText(pdf).split("\n"));
            text.blocks(entries);
        } catch (IOException | RuntimeException e) {
            out.warn(location + ": text could not be extracted (" + Occurrences.describe(e) + ")");
            text = null;
        }
        List<Anchor> anchors = anchors(links, text, base);
        anchors.forEach(a -> out.addAbsolute(a.url(), location, a.text()));
        if (text == null) {
            return;
        }
        List<String> annotatedKeys = anchors.stream().map(a -> WrappedUrls.key(a.url())).toList();
        for (WrappedUrls.Found found : WrappedUrls.find(lines, anchors.stream().map(Anchor::url).toList())) {
            String key = WrappedUrls.key(found.url());
            // the printed form of an annotated link (or its first line, when the wrap was not joined)
            boolean printedAnnotation = annotatedKeys.stream()
                    .anyMatch(a -> a.equals(key) || (found.endsLine() && a.startsWith(key)));
            if (!printedAnnotation) {
                out.addBare(found.url(), location);
            }
        }
    }

    /** The page's URI link annotations, within the page's and the document's limits (warned about when hit). */
    private List<PDAnnotationLink> uriLinks(PDPage page, String location, int[] documentBudget, Occurrences out)
            throws IOException {
        List<PDAnnotationLink> links = new ArrayList<>();
        List<PDAnnotation> annotations = page.getAnnotations();
        for (PDAnnotation annotation : annotations) {
            if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI action
                    && action.getURI() != null) {
                if (links.size() == limits.annotationsPerPage()) {
                    out.warn(location + ": only the first " + limits.annotationsPerPage() + " of its "
                            + uriLinkCount(annotations) + " link annotations were read");
                    break;
                }
                if (documentBudget[0] == 0) {
                    out.warn(location + ": link annotations not read: the first " + limits.annotations()
                            + " in the document were");
                    break;
                }
                documentBudget[0]--;
                links.add(link);
            }
        }
        return links;
    }

    private static int uriLinkCount(List<PDAnnotation> annotations) {
        int n = 0;
        for (PDAnnotation annotation : annotations) {
            if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI action
                    && action.getURI() != null) {
                n++;
            }
        }
        return n;
    }

    /**
     * The page's URI link annotations, resolved, in order, with the text under them. Consecutive
     * annotations with the same target are one link the layout wrapped (word processors and browsers
     * make one rectangle per line): merged.
     */
    private static List<Anchor> anchors(List<PDAnnotationLink> links, PageText text, String base) {
        List<Anchor> anchors = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            String url = Occurrences.resolve(((PDActionURI) links.get(i).getAction()).getURI(), base);
            String label = text == null ? "" : OneLine.of(text.anchorText(i));
            Anchor previous = anchors.isEmpty() ? null : anchors.get(anchors.size() - 1);
            if (previous != null && previous.url().equals(url)) {
                anchors.set(anchors.size() - 1, new Anchor(url, joinWrapped(previous.text(), label)));
            } else {
                anchors.add(new Anchor(url, label));
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

    /**
     * One pass over a page that yields both its text lines and the text under each link annotation. A
     * glyph belongs to a link when the link's rectangle covers enough of it ({@link #under}): producers draw
     * rectangles a little off the glyph edges (Chromium's start inside the first letter and end past the
     * last), so testing the glyph's left edge, as {@code PDFTextStripperByArea} does, loses the first
     * letter and gains the full stop after the link.
     */
    private static final class PageText extends PDFTextStripper {
        private final List<Rectangle2D> areas = new ArrayList<>();
        private final List<StringBuilder> anchorTexts = new ArrayList<>();
        /** The page's lines as set, for its entries; and the line being written. */
        private final List<SetLine> setLines = new ArrayList<>();
        private SetLine line = new SetLine();

        private final PDPage page;

        PageText(PDPage page, List<PDAnnotationLink> links) {
            this.page = page;
            setLineSeparator("\n");
            // text positions are measured from the top left of the crop box; annotation rectangles are
            // in PDF user space, origin bottom left
            PDRectangle crop = page.getCropBox();
            for (PDAnnotationLink link : links) {
                PDRectangle r = link.getRectangle();
                areas.add(r == null ? new Rectangle2D.Float() : new Rectangle2D.Float(
                        r.getLowerLeftX() - crop.getLowerLeftX(), crop.getUpperRightY() - r.getUpperRightY(),
                        r.getWidth(), r.getHeight()));
                anchorTexts.add(new StringBuilder());
            }
        }

        /**
         * Reads this page only. The stripper's own loop walks the whole page list to find the pages
         * in its range, which, page by page, reads a document of n pages n times over.
         */
        @Override
        protected void processPages(PDPageTree pages) throws IOException {
            if (page.hasContents()) {
                processPage(page);
            }
        }

        @Override
        protected void writeLineSeparator() throws IOException {
            super.writeLineSeparator();
            endLine();
        }

        @Override
        protected void writeWordSeparator() throws IOException {
            super.writeWordSeparator();
            line.text.append(' ');
        }

        /** Bold glyphs: by the font's name or its descriptor, looked up once per font on the page. */
        private final Map<PDFont, Boolean> boldFonts = new IdentityHashMap<>();

        private boolean bold(TextPosition p) {
            PDFont font = p.getFont();
            return font != null && boldFonts.computeIfAbsent(font, PageText::boldFont);
        }

        private static boolean boldFont(PDFont font) {
            String name = font.getName();
            if (name != null && name.toLowerCase(java.util.Locale.ROOT).matches(".*(bold|black|heavy|semibold|demi).*")) {
                return true;
            }
            var descriptor = font.getFontDescriptor();
            return descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600);
        }

        private void endLine() {
            if (line.text.toString().isBlank()) {
                return;
            }
            if (setLines.size() < MAX_SET_LINES) {
                setLines.add(line);
            }
            line = new SetLine();
        }

        /** The page's headings, lead-ins and paragraphs, given to {@code entries}. */
        void blocks(Entries entries) {
            endLine();
            Map<Integer, Integer> charsBySize = new HashMap<>();
            for (SetLine l : setLines) {
                charsBySize.merge(Math.round(l.size() * 2), l.chars, Integer::sum);
            }
            float body = charsBySize.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(e -> e.getKey() / 2f).orElse(0f);
            markParagraphs();
            StringBuilder heading = new StringBuilder();
            StringBuilder paragraph = new StringBuilder();
            String lead = null;
            float headingSize = 0;
            for (SetLine l : setLines) {
                String t = l.text.toString().strip();
                if (t.matches("\\d+") || (body > 0 && l.size() < body * 0.85f && t.split("\\s+").length <= 6)) {
                    continue; // a page number, a footer in small print: furniture, not an item
                }
                boolean headingLine = t.length() <= 200 && t.split("\\s+").length <= 20
                        && (l.boldChars == l.chars || (body > 0 && l.size() > body * 1.15f));
                if (headingLine) {
                    if (!paragraph.isEmpty() || lead != null) {
                        flush(entries, lead, paragraph);
                        lead = null;
                    }
                    // a heading wrapped over lines goes on at the same size; a new one starts apart, or set otherwise
                    if (!heading.isEmpty() && (l.paragraphStart || Math.abs(l.size() - headingSize) > 0.5f)) {
                        entries.heading(heading.toString());
                        heading.setLength(0);
                    }
                    heading.append(heading.isEmpty() ? "" : " ").append(t);
                    headingSize = l.size();
                    continue;
                }
                if (!heading.isEmpty()) {
                    entries.heading(heading.toString());
                    heading.setLength(0);
                } else if (l.paragraphStart && (!paragraph.isEmpty() || lead != null)) {
                    flush(entries, lead, paragraph);
                    lead = null;
                }
                if (paragraph.isEmpty() && lead == null && l.lead > 0 && l.lead < l.text.length()) {
                    lead = l.text.substring(0, l.lead);
                    paragraph.append(l.text.substring(l.lead).strip());
                } else if (paragraph.length() < 4 * Entries.MAX_TEXT) {
                    paragraph.append(paragraph.isEmpty() ? "" : " ").append(t);
                }
            }
            if (!heading.isEmpty()) {
                entries.heading(heading.toString());
            }
            flush(entries, lead, paragraph);
        }

        /**
         * A line starts a paragraph when the space above it is clearly more than the page's usual line
         * spacing (or it is not below the line before: a new column). PDFBox's own paragraph marks are
         * not used: they measure from glyph heights that PDFBox often reads as half the font size, and
         * so cut at every line of text set with ordinary leading.
         */
        private void markParagraphs() {
            Map<Integer, Integer> gaps = new HashMap<>();
            for (int i = 1; i < setLines.size(); i++) {
                float gap = setLines.get(i).y - setLines.get(i - 1).y;
                if (gap > 0 && gap < 3 * Math.max(setLines.get(i).size(), 1)) {
                    gaps.merge(Math.round(gap * 2), 1, Integer::sum);
                }
            }
            float usual = gaps.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                    .map(e -> e.getKey() / 2f).orElse(0f);
            float left = Float.MAX_VALUE;
            float right = 0;
            for (SetLine l : setLines) {
                left = Math.min(left, l.x);
                right = Math.max(right, l.xEnd);
            }
            for (int i = 0; i < setLines.size(); i++) {
                SetLine l = setLines.get(i);
                if (i == 0) {
                    l.paragraphStart = true;
                    continue;
                }
                SetLine previous = setLines.get(i - 1);
                float gap = l.y - previous.y;
                float limit = usual > 0 ? usual * 1.3f + 0.5f : 1.5f * Math.max(l.size(), 1);
                // a line that stops well short of the margin ended its paragraph (list items set without
                // space between them, as browsers print them), when the next one starts as a sentence does
                boolean endedShort = previous.xEnd < left + 0.75f * (right - left)
                        && !l.text.isEmpty() && (Character.isUpperCase(l.text.charAt(0)) || Character.isDigit(l.text.charAt(0)));
                l.paragraphStart = gap <= 0 || gap > limit || endedShort;
            }
        }

        private static void flush(Entries entries, String lead, StringBuilder paragraph) {
            if (lead != null) {
                entries.leadIn(lead, paragraph.toString());
            } else {
                entries.paragraph(paragraph.toString());
            }
            paragraph.setLength(0);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            super.writeString(text, positions);
            line.add(text, positions, this::bold);
            for (int i = 0; i < areas.size(); i++) {
                Rectangle2D area = areas.get(i);
                StringBuilder anchor = anchorTexts.get(i);
                boolean first = true;
                for (TextPosition p : positions) {
                    if (under(area, p)) {
                        if (first && anchor.length() > 0) {
                            anchor.append(' '); // writeString is called once per word
                        }
                        anchor.append(p.getUnicode());
                        first = false;
                    }
                }
            }
        }

        /**
         * Whether a glyph is part of the link over {@code area}: its middle height is inside, and at
         * least {@value #MIN_OVERLAP} of its width (its middle, when it has no width). Producers measure
         * with their own layout and round to their grid, so a rectangle may stop inside the last glyph,
         * short of its middle ("se he" for "se her"); the glyphs just outside, which Chromium's rectangles
         * touch, are covered by an eighth at most (measured on {@code past-issue-2024-Q4.pdf}).
         */
        private static boolean under(Rectangle2D area, TextPosition p) {
            float y = p.getY() - p.getHeight() / 2;
            if (y < area.getMinY() || y > area.getMaxY()) {
                return false;
            }
            float left = p.getX();
            float width = p.getWidth();
            if (width <= 0) {
                return area.contains(left, y);
            }
            double overlap = Math.min(left + width, area.getMaxX()) - Math.max(left, area.getMinX());
            return overlap >= MIN_OVERLAP * width;
        }

        /** The share of a glyph's width a link's rectangle must cover for the glyph to be part of its text. */
        private static final double MIN_OVERLAP = 0.3;

        String anchorText(int link) {
            return anchorTexts.get(link).toString();
        }
    }

    /** Lines of one page kept for its entries: more is not a newsletter page. */
    private static final int MAX_SET_LINES = 2_000;

    /** One line of a page as set: its text, size, and how much of its start is bold. */
    private static final class SetLine {
        private final StringBuilder text = new StringBuilder();
        private int chars;
        private int boldChars;
        private float sizeSum;
        /** Characters of {@link #text} at its start that are bold. */
        private int lead;
        private boolean leadOpen = true;
        private boolean paragraphStart;
        /** The baseline of its first glyph, from the top of the page; where it starts and ends across. */
        private float y = Float.NaN;
        private float x;
        private float xEnd;

        void add(String word, List<TextPosition> positions, java.util.function.Predicate<TextPosition> isBold) {
            if (text.length() > 4 * Entries.MAX_TEXT) {
                return;
            }
            boolean allBold = !positions.isEmpty();
            if (Float.isNaN(y) && !positions.isEmpty()) {
                y = positions.get(0).getYDirAdj();
                x = positions.get(0).getXDirAdj();
            }
            if (!positions.isEmpty()) {
                TextPosition last = positions.get(positions.size() - 1);
                xEnd = Math.max(xEnd, last.getXDirAdj() + last.getWidthDirAdj());
            }
            for (TextPosition p : positions) {
                boolean bold = isBold.test(p);
                allBold &= bold;
                chars++;
                boldChars += bold ? 1 : 0;
                sizeSum += p.getFontSizeInPt();
            }
            text.append(word);
            if (leadOpen) {
                if (allBold && !word.isBlank()) {
                    lead = text.length();
                } else if (!word.isBlank()) {
                    leadOpen = false;
                }
            }
        }

        float size() {
            return chars == 0 ? 0 : sizeSum / chars;
        }

    }
}
