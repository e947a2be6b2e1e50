package no.kildevakt.digest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STUnderline;

/**
 * The draft as a Word document the editors finish and send: a title block with the period ("Nyhetsbrev
 * oktober–desember 2024"), the sections as Heading 1, the groups as Heading 2 and the entries as the next
 * level, each entry's paragraph ending in "se her" as a real hyperlink. The headings are Word's built-in
 * styles ({@code Title}, {@code Heading1}…, named "heading 1"… as Word names them, with outline levels), so
 * Word's navigation pane and a table of contents work; POI's blank document has none, so they are defined
 * here. The text is marked Norwegian (bokmål) in the document's default run properties, so Word checks the
 * spelling in the right language.
 *
 * <p>Crawled and edited text is only ever a run's text: POI escapes it, characters XML cannot carry are
 * dropped, so a hostile title cannot become markup, a field or a link. Only http(s) URLs
 * ({@link WebLinks#safe}) become hyperlinks.
 */
public final class DocxDraft implements DraftDocument {
    /** The language of the text: Norwegian bokmål. */
    public static final String LANGUAGE = "nb-NO";
    public static final String TITLE = "Title";
    public static final String HEADING_1 = "Heading1";
    public static final String HEADING_2 = "Heading2";
    public static final String HEADING_3 = "Heading3";
    public static final String HYPERLINK = "Hyperlink";
    private static final String NORMAL = "Normal";
    private static final String LINK_COLOR = "0563C1";
    private static final String HEADING_COLOR = "1F3864";

    /** The title block: {@code Nyhetsbrev oktober–desember 2024}. */
    public static String title(Draft draft) {
        return "Nyhetsbrev " + NorwegianDates.months(draft.period().firstDay(), draft.period().lastDay());
    }

    @Override
    public boolean binary() {
        return true;
    }

    @Override
    public byte[] bytes(Draft draft) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            defineStyles(doc.createStyles());
            doc.getProperties().getCoreProperties().setTitle(title(draft));
            doc.getProperties().getCoreProperties().setCreator("kildevakt");
            paragraph(doc, TITLE, title(draft));
            if (draft.isEmpty()) {
                paragraph(doc, null, "Ingen saker i perioden.");
            }
            for (Draft.DraftSection section : draft.sections()) {
                paragraph(doc, HEADING_1, section.title());
                for (Draft.DraftGroup group : section.groups()) {
                    boolean grouped = !group.title().isEmpty();
                    if (grouped) {
                        paragraph(doc, HEADING_2, group.title());
                    }
                    for (Draft.DraftEntry e : group.entries()) {
                        if (!e.title().isBlank()) {
                            // one level below what it sits under, so the outline has no gaps
                            paragraph(doc, grouped ? HEADING_3 : HEADING_2, e.title());
                        }
                        entryParagraph(doc, e);
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            // written to memory: only a bug in POI gets here
            throw new UncheckedIOException("cannot write the Word draft", e);
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) {
            p.setStyle(style);
        }
        p.createRun().setText(plain(text));
        return p;
    }

    /** The text, then ", se her." with "se her" linked; "Se her." alone for an entry without text; no link without a safe URL. */
    private static void entryParagraph(XWPFDocument doc, Draft.DraftEntry e) {
        String text = plain(DraftWriter.beforeLink(e.text()));
        Optional<String> link = WebLinks.safe(e.url());
        if (text.isEmpty() && link.isEmpty()) {
            return;
        }
        XWPFParagraph p = doc.createParagraph();
        if (link.isEmpty()) {
            p.createRun().setText(text + ".");
            return;
        }
        if (!text.isEmpty()) {
            p.createRun().setText(text + ", ");
        }
        XWPFHyperlinkRun run = p.createHyperlinkRun(link.get());
        run.setText(text.isEmpty() ? "Se her" : "se her");
        run.setStyle(HYPERLINK);
        p.createRun().setText(".");
    }

    /**
     * Text as a run can carry it: whitespace (line breaks, tabs) as single spaces, and the characters XML 1.0
     * forbids (control characters, unpaired surrogates, U+FFFE/U+FFFF) left out, since one of them makes Word
     * refuse the whole file.
     */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isWhitespace(c)) {
                out.append(' ');
            } else if (c >= 0x20 && c != 0xfffe && c != 0xffff && !Character.isSurrogate(c) && !(c >= 0x7f && c <= 0x9f)) {
                out.append(c);
            }
        }
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    // ------------------------------------------------------------------ styles

    /** Word's built-in styles the draft uses, as Word itself defines them (ids, names, outline levels). */
    private static void defineStyles(XWPFStyles styles) {
        styles.setSpellingLanguage(LANGUAGE);
        CTStyle normal = style(NORMAL, "Normal", STStyleType.PARAGRAPH, null);
        normal.setDefault(true);
        normal.addNewQFormat();
        normal.addNewPPr().addNewSpacing().setAfter(BigInteger.valueOf(160));
        CTRPr normalRun = normal.addNewRPr();
        normalRun.addNewLang().setVal(LANGUAGE);
        normalRun.addNewSz().setVal(BigInteger.valueOf(22));
        add(styles, normal);

        add(styles, heading(TITLE, "Title", -1, 56, false));
        add(styles, heading(HEADING_1, "heading 1", 0, 32, true));
        add(styles, heading(HEADING_2, "heading 2", 1, 26, true));
        add(styles, heading(HEADING_3, "heading 3", 2, 24, true));

        CTStyle hyperlink = style(HYPERLINK, "Hyperlink", STStyleType.CHARACTER, null);
        CTRPr link = hyperlink.addNewRPr();
        link.addNewColor().setVal(LINK_COLOR);
        link.addNewU().setVal(STUnderline.SINGLE);
        add(styles, hyperlink);
    }

    private static CTStyle heading(String id, String name, int outlineLevel, int halfPoints, boolean bold) {
        CTStyle ct = style(id, name, STStyleType.PARAGRAPH, NORMAL);
        ct.addNewNext().setVal(NORMAL);
        ct.addNewUiPriority().setVal(BigInteger.valueOf(outlineLevel < 0 ? 10 : 9));
        ct.addNewQFormat();
        CTPPrGeneral paragraph = ct.addNewPPr();
        paragraph.addNewKeepNext();
        paragraph.addNewSpacing().setBefore(BigInteger.valueOf(outlineLevel < 0 ? 0 : 240));
        if (outlineLevel >= 0) {
            // the outline level is what the navigation pane and a table of contents follow
            paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
        }
        CTRPr run = ct.addNewRPr();
        if (bold) {
            run.addNewB();
        }
        run.addNewColor().setVal(HEADING_COLOR);
        run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        return ct;
    }

    private static CTStyle style(String id, String name, STStyleType.Enum type, String basedOn) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.setType(type);
        ct.addNewName().setVal(name);
        if (basedOn != null) {
            ct.addNewBasedOn().setVal(basedOn);
        }
        return ct;
    }

    /** Adds a finished style: POI copies it into the styles part, so later changes would be lost. */
    private static void add(XWPFStyles styles, CTStyle style) {
        styles.addStyle(new XWPFStyle(style, styles));
    }
}
