package no.kildevakt.links.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractFootnoteEndnote;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFieldRun;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFldChar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/**
 * Links of a Word (.docx) issue, read with POI, so no Office install is needed: hyperlinks (their
 * relationship targets, or {@code #bookmark} for links inside the document), {@code HYPERLINK} fields
 * (simple and complex, as Word writes when links are pasted or made by mail merge), and URLs typed in
 * the text that Word did not turn into links. Body paragraphs, tables (nested too), content controls,
 * headers, footers, footnotes and endnotes are read.
 *
 * <p>Word has no line numbers; the location is the paragraph's number in the body
 * ({@code paragraph 7}, counting every body paragraph, empty ones too, as Word's navigation does), or
 * {@code table 1, row 2, cell 3}, {@code header 1}, {@code footnote 2}. Relative targets resolve against
 * the document's Hyperlink base property, else the issue's own URL.
 *
 * <p>Its entries come from the body (tables too; not headers, footers or notes): a paragraph in a
 * heading style (Heading 1–9, Overskrift, Title, or with an outline level) or all in bold is a heading;
 * one that opens with bold runs has a lead-in; any other is a paragraph.
 */
final class DocxExtractor implements FormatExtractor {
    /** The URL (first argument that is not a switch) and bookmark ({@code \l}) of a HYPERLINK field. */
    private static final Pattern FIELD_TOKEN = Pattern.compile("\"([^\"]*)\"|(\\S+)");
    /** Word's heading styles, by id or name, in English and Norwegian Word. */
    private static final Pattern HEADING_STYLE = Pattern.compile(
            "(?i)(heading|overskrift|title|tittel|subtitle|undertittel)\\s*\\d*");

    /**
     * POI's zip-bomb limits are static settings of the whole JVM, so they are set here, once, by the
     * only class that reads Office files. POI's default refuses any part that inflates more than 100
     * times once it passes 100 KB; but Word XML is repetitive enough that a real document with many
     * empty paragraphs (200,000 {@code <w:p/>}: 1.2 MB from under 2 KB) looks exactly like a bomb by
     * ratio. So the ratio is checked only past 16 MB of one part, and no part may inflate past 64 MB
     * at all: that bounds the memory a hostile file can take, where the ratio alone did not tell
     * documents from bombs.
     *
     * <p>Set on the first Word file read, not when the extractor is made: setting them loads POI and its
     * logging, which a run over HTML, Markdown or PDF issues does not need (a tenth of such a run's start).
     */
    private static final class ZipLimits {
        static {
            ZipSecureFile.setGraceEntrySize(16L * 1024 * 1024);
            ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
        }

        /** Runs the settings above, once per JVM. */
        static void set() {
            // the class initialiser did the work
        }
    }

    @Override
    public ExtractedDocument extract(Source source) {
        ZipLimits.set();
        Occurrences out = new Occurrences(source.document());
        if (source.content().length >= 4 && (source.content()[0] & 0xFF) == 0xD0 && (source.content()[1] & 0xFF) == 0xCF) {
            out.fail("a password-protected (encrypted) Word file or an old .doc file; no links read");
            return out.result(DocumentType.DOCX, "");
        }
        String title = "";
        Entries entries = source.entries();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(source.content()))) {
            Walk walk = new Walk(out, base(doc, source.base()));
            title = title(doc);
            int paragraphs = 0;
            int tables = 0;
            int controls = 0;
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    walk.paragraph(p, "paragraph " + ++paragraphs);
                } else if (element instanceof XWPFTable t) {
                    walk.table(t, "table " + ++tables);
                } else if (element instanceof XWPFSDT sdt) {
                    walk.text(sdt.getContent().getText(), "content control " + ++controls);
                }
            }
            int n = 0;
            for (XWPFHeaderFooter header : doc.getHeaderList()) {
                walk.elements(header.getBodyElements(), "header " + ++n);
            }
            n = 0;
            for (XWPFHeaderFooter footer : doc.getFooterList()) {
                walk.elements(footer.getBodyElements(), "footer " + ++n);
            }
            notes(walk, doc.getFootnotes(), "footnote");
            notes(walk, doc.getEndnotes(), "endnote");
            new EntryWalk(doc.getStyles(), entries).elements(doc.getBodyElements());
        } catch (IOException | RuntimeException e) {
            // POI reports broken zips, missing parts and zip bombs with unchecked exceptions as often as
            // with IOException; either way it is this file that is bad, not the run
            out.fail("not a readable Word document (" + Occurrences.describe(e) + ")"
                    + (out.links().isEmpty() ? "; no links read" : "; some links may be missing"));
        }
        return out.result(DocumentType.DOCX, title, entries);
    }

    /** The body's paragraphs as headings, lead-ins and paragraphs, for {@link Entries}. */
    private record EntryWalk(XWPFStyles styles, Entries entries) {

        void elements(List<IBodyElement> elements) {
            for (IBodyElement element : elements) {
                if (element instanceof XWPFParagraph p) {
                    paragraph(p);
                } else if (element instanceof XWPFTable t) {
                    for (XWPFTableRow row : t.getRows()) {
                        for (XWPFTableCell cell : row.getTableCells()) {
                            elements(cell.getBodyElements());
                        }
                    }
                } else if (element instanceof XWPFSDT sdt) {
                    entries.paragraph(sdt.getContent().getText());
                }
            }
        }

        private void paragraph(XWPFParagraph p) {
            StringBuilder text = new StringBuilder();
            int lead = 0;
            boolean leadOpen = true;
            for (XWPFRun run : p.getRuns()) {
                String t = run.text();
                if (t == null || t.isEmpty()) {
                    continue;
                }
                text.append(t);
                if (leadOpen && !t.isBlank()) {
                    if (bold(run)) {
                        lead = text.length();
                    } else {
                        leadOpen = false;
                    }
                }
            }
            String all = text.toString();
            if (all.isBlank()) {
                return;
            }
            if (headingStyle(p) || (lead > 0 && all.substring(lead).replaceAll("[\\s\\p{P}]", "").isEmpty())) {
                entries.heading(all);
            } else if (lead > 0) {
                entries.leadIn(all.substring(0, lead), all.substring(lead));
            } else {
                entries.paragraph(all);
            }
        }

        private boolean headingStyle(XWPFParagraph p) {
            var ppr = p.getCTP().getPPr();
            if (ppr != null && ppr.isSetOutlineLvl()) {
                return true;
            }
            String id = p.getStyleID();
            if (id == null || id.isEmpty()) {
                return false;
            }
            if (HEADING_STYLE.matcher(id).matches()) {
                return true;
            }
            XWPFStyle style = styles == null ? null : styles.getStyle(id);
            return style != null && style.getName() != null && HEADING_STYLE.matcher(style.getName()).matches();
        }

        /** Bold as set on the run, or by a character style such as Strong (Sterk). */
        private static boolean bold(XWPFRun run) {
            if (run.isBold()) {
                return true;
            }
            String style = run.getStyle();
            return style != null && style.toLowerCase(java.util.Locale.ROOT).matches("(strong|sterk).*");
        }
    }

    private static void notes(Walk walk, List<? extends XWPFAbstractFootnoteEndnote> notes, String kind) {
        int n = 0;
        for (XWPFAbstractFootnoteEndnote note : notes) {
            // ids below 1 are Word's separator notes, not notes a reader sees
            if (note.getId() == null || note.getId().signum() > 0) {
                walk.elements(note.getBodyElements(), kind + " " + ++n);
            }
        }
    }

    private static String title(XWPFDocument doc) {
        String core = doc.getProperties().getCoreProperties().getTitle();
        if (core != null && !core.isBlank()) {
            return core;
        }
        for (XWPFParagraph p : doc.getParagraphs()) {
            if (p.getStyle() != null && p.getStyle().equalsIgnoreCase("Title") && !p.getText().isBlank()) {
                return p.getText();
            }
        }
        return "";
    }

    private static String base(XWPFDocument doc, String issueUrl) {
        POIXMLProperties.ExtendedProperties extended = doc.getProperties().getExtendedProperties();
        String declared = extended == null || !extended.getUnderlyingProperties().isSetHyperlinkBase()
                ? null : extended.getUnderlyingProperties().getHyperlinkBase();
        return declared != null && LinkScheme.of(declared) == LinkScheme.HTTP ? declared : issueUrl;
    }

    /** Walks paragraphs, tables and their cells, adding what each holds. */
    private record Walk(Occurrences out, String base) {

        void elements(List<IBodyElement> elements, String location) {
            int tables = 0;
            for (IBodyElement element : elements) {
                if (element instanceof XWPFParagraph p) {
                    paragraph(p, location);
                } else if (element instanceof XWPFTable t) {
                    table(t, location + ", table " + ++tables);
                } else if (element instanceof XWPFSDT sdt) {
                    text(sdt.getContent().getText(), location);
                }
            }
        }

        void table(XWPFTable table, String location) {
            int r = 0;
            for (XWPFTableRow row : table.getRows()) {
                r++;
                int c = 0;
                for (XWPFTableCell cell : row.getTableCells()) {
                    elements(cell.getBodyElements(), location + ", row " + r + ", cell " + ++c);
                }
            }
        }

        void text(String text, String location) {
            for (TextUrls.Found found : TextUrls.find(text == null ? "" : text)) {
                out.addBare(found.url(), location);
            }
        }

        /**
         * Hyperlinks and fields in run order, then URLs in the paragraph's other text. A run belongs to
         * at most one link; the text shown by links is left out of the URL search (a link showing its own
         * URL, or a short form of it, is one link).
         */
        void paragraph(XWPFParagraph paragraph, String location) {
            StringBuilder plain = new StringBuilder();
            LinkRun current = null;
            ComplexField field = null;
            for (XWPFRun run : paragraph.getRuns()) {
                Object owner = run instanceof XWPFHyperlinkRun h ? h.getCTHyperlink()
                        : run instanceof XWPFFieldRun f ? f.getCTField() : null;
                if (current != null && current.owner != owner) {
                    current.addTo(out, base, location);
                    current = null;
                }
                if (owner != null) {
                    if (current == null) {
                        current = new LinkRun(owner, target(paragraph, run));
                    }
                    current.text.append(run.text());
                    plain.append(' ');
                    continue;
                }
                field = complexField(run, field, plain, location);
            }
            if (current != null) {
                current.addTo(out, base, location);
            }
            text(plain.toString(), location);
        }

        /**
         * Follows a complex field ({@code begin}, instruction text, {@code separate}, shown result,
         * {@code end}) through the runs of a paragraph. Returns the field still open after {@code run}.
         */
        private ComplexField complexField(XWPFRun run, ComplexField open, StringBuilder plain, String location) {
            ComplexField field = open;
            for (CTFldChar fldChar : run.getCTR().getFldCharList()) {
                STFldCharType.Enum type = fldChar.getFldCharType();
                if (type == STFldCharType.BEGIN) {
                    if (field == null) {
                        field = new ComplexField();
                    } else {
                        field.depth++;
                    }
                } else if (type == STFldCharType.SEPARATE && field != null && field.depth == 0) {
                    field.separated = true;
                } else if (type == STFldCharType.END && field != null) {
                    if (field.depth > 0) {
                        field.depth--;
                    } else {
                        String url = hyperlinkField(field.instruction.toString());
                        if (url != null) {
                            out.add(url, base, location, field.result.toString());
                        } else {
                            plain.append(field.result);
                        }
                        field = null;
                    }
                }
            }
            if (field == null) {
                plain.append(run.text());
            } else if (!field.separated) {
                for (CTText instr : run.getCTR().getInstrTextList()) {
                    field.instruction.append(instr.getStringValue());
                }
            } else {
                field.result.append(run.text());
            }
            return field;
        }

        /** The target of a hyperlink or simple-field run, resolved through the relationships of its part. */
        private static String target(XWPFParagraph paragraph, XWPFRun run) {
            if (run instanceof XWPFFieldRun f) {
                return hyperlinkField(f.getFieldInstruction());
            }
            XWPFHyperlinkRun link = (XWPFHyperlinkRun) run;
            String id = link.getHyperlinkId();
            if (id != null && !id.isEmpty()) {
                POIXMLDocumentPart part = paragraph.getPart();
                PackageRelationship rel = part == null ? null : part.getPackagePart().getRelationship(id);
                if (rel != null && rel.getTargetURI() != null) {
                    String target = rel.getTargetURI().toString();
                    String anchor = link.getAnchor();
                    return anchor == null || anchor.isEmpty() || target.contains("#") ? target : target + "#" + anchor;
                }
            }
            String anchor = link.getAnchor();
            return anchor == null || anchor.isEmpty() ? null : "#" + anchor;
        }
    }

    /**
     * The link of a field instruction {@code HYPERLINK "url" \l "bookmark" \o "tip"}: the URL (with the
     * bookmark as fragment), or {@code #bookmark} alone; null for other fields (PAGE, TOC, ...).
     */
    static String hyperlinkField(String instruction) {
        if (instruction == null) {
            return null;
        }
        Matcher m = FIELD_TOKEN.matcher(instruction.strip());
        List<String> tokens = new ArrayList<>();
        while (m.find()) {
            tokens.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        if (tokens.isEmpty() || !tokens.get(0).equalsIgnoreCase("HYPERLINK")) {
            return null;
        }
        String url = null;
        String bookmark = null;
        for (int i = 1; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.startsWith("\\") && token.length() == 2) {
                String argument = i + 1 < tokens.size() && !isSwitch(tokens.get(i + 1)) ? tokens.get(++i) : null;
                if (token.equalsIgnoreCase("\\l")) {
                    bookmark = argument;
                }
            } else if (url == null) {
                url = token.replace("\\\\", "\\");
            }
        }
        if (url == null) {
            return bookmark == null ? null : "#" + bookmark;
        }
        return bookmark == null ? url : url + "#" + bookmark;
    }

    private static boolean isSwitch(String token) {
        return token.startsWith("\\") && token.length() == 2;
    }

    /** Runs of one hyperlink or simple field: one link, its shown text joined. */
    private static final class LinkRun {
        private final Object owner;
        private final String target;
        private final StringBuilder text = new StringBuilder();

        LinkRun(Object owner, String target) {
            this.owner = owner;
            this.target = target;
        }

        void addTo(Occurrences out, String base, String location) {
            if (target != null) {
                out.add(target, base, location, text.toString());
            }
        }
    }

    /** A complex field being read: its instruction, then the result Word shows. */
    private static final class ComplexField {
        private final StringBuilder instruction = new StringBuilder();
        private final StringBuilder result = new StringBuilder();
        private boolean separated;
        private int depth;
    }
}
