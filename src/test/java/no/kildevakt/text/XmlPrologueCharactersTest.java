package no.kildevakt.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import no.kildevakt.RandomText;
import org.junit.jupiter.api.Test;

/**
 * {@link XmlPrologue#prepare} removes the characters XML 1.0 forbids, and hands a document without
 * any back as it is. Both are checked against the rule itself ({@link #allowedOnly}), on random
 * text of allowed characters, controls, noncharacters and paired and lone surrogates.
 */
class XmlPrologueCharactersTest {

    private static final String ALPHABET = "<a>b&amp;\t\n\r \u0000\u0001\u0008\u000b\u000c\u001f\u007f\u0085\u00e5"
            + "\u2013\ud7ff\ud83d\ude00\ud800\udfff\ue000\ufffd\ufffe\uffff";

    @Test
    void removesWhatXmlForbidsAndNothingElse() {
        assertRemovesOnlyWhatXmlForbids(17, 20_000, "", "", false);
    }

    @Test
    void aDocumentWithNothingToRemoveIsHandedBackAsItIs() {
        String feed = "<rss><channel><title>Menneskehandel \ud83d\ude00 \u2013 r\u00e5d</title></channel></rss>";
        XmlPrologue.Prepared prepared = XmlPrologue.prepare(feed);
        assertSame(feed, prepared.xml());
        assertEquals(0, prepared.invalidCharsRemoved());
    }

    @Test
    void whatComesBeforeTheContentIsSkippedNotCutOff() {
        String declaration = "\ufeff<?xml version=\"1.0\" encoding=\"utf-8\"?>";
        String feed = declaration + "\n<rss><channel><title>R\u00e5d \u2013 tiltak</title></channel></rss>";
        XmlPrologue.Prepared prepared = XmlPrologue.prepare(feed);
        assertSame(feed, prepared.text(), "a document with nothing to remove is not copied");
        assertEquals(declaration.length(), prepared.start());
        assertEquals(feed.substring(declaration.length()), prepared.xml());
    }

    @Test
    void afterADeclarationTooOnlyWhatXmlForbidsIsRemoved() {
        // a body holding a forbidden character takes the careful path (a copy), the others the copy-free one
        assertRemovesOnlyWhatXmlForbids(23, 20_000, "<?xml version=\"1.0\"?>", "", false);
    }

    @Test
    void aDoctypeAfterADeclarationIsCutWhereItIsAndTheRestCleaned() {
        // the DOCTYPE leaves its line breaks behind, so the parser's line numbers still hold
        assertRemovesOnlyWhatXmlForbids(29, 5_000, "\ufeff<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n]>", "\n\n", true);
    }

    /**
     * Prepares {@code before} followed by {@code count} random bodies: each must come out as {@code kept}
     * and the body's allowed characters, counting what was removed, with a DOCTYPE stripped or not.
     */
    private static void assertRemovesOnlyWhatXmlForbids(int seed, int count, String before, String kept, boolean doctype) {
        RandomText texts = new RandomText(seed, ALPHABET);
        for (int n = 0; n < count; n++) {
            String body = texts.next(30);
            XmlPrologue.Prepared prepared = XmlPrologue.prepare(before + body);
            String expected = allowedOnly(body);
            assertEquals(kept + expected, prepared.xml(), () -> "for " + RandomText.codeUnits(body));
            assertEquals(body.length() - expected.length(), prepared.invalidCharsRemoved());
            assertEquals(doctype, prepared.doctypeStripped());
        }
    }

    /** XML 1.0's Char production, with surrogates allowed only as a pair. */
    private static String allowedOnly(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
