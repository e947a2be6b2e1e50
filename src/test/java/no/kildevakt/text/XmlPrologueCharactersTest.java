package no.kildevakt.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        RandomText texts = new RandomText(17, ALPHABET);
        for (int n = 0; n < 20_000; n++) {
            String body = texts.next(30);
            XmlPrologue.Prepared prepared = XmlPrologue.prepare(body);
            String expected = allowedOnly(body);
            assertEquals(expected, prepared.xml(), () -> "for " + RandomText.codeUnits(body));
            assertEquals(body.length() - expected.length(), prepared.invalidCharsRemoved());
        }
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
        RandomText texts = new RandomText(23, ALPHABET);
        for (int n = 0; n < 20_000; n++) {
            String body = texts.next(30);
            String feed = "<?xml version=\"1.0\"?>" + body;
            XmlPrologue.Prepared prepared = XmlPrologue.prepare(feed);
            // a body holding a forbidden character takes the careful path (a copy), the others the copy-free one
            assertEquals(allowedOnly(body), prepared.xml(), () -> "for " + RandomText.codeUnits(body));
            assertEquals(body.length() - allowedOnly(body).length(), prepared.invalidCharsRemoved());
        }
    }

    @Test
    void aDoctypeAfterADeclarationIsCutWhereItIsAndTheRestCleaned() {
        RandomText texts = new RandomText(29, ALPHABET);
        for (int n = 0; n < 5_000; n++) {
            String body = texts.next(30);
            String feed = "\ufeff<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n]>" + body;
            XmlPrologue.Prepared prepared = XmlPrologue.prepare(feed);
            // the DOCTYPE leaves its line breaks behind, so the parser's line numbers still hold
            assertEquals("\n\n" + allowedOnly(body), prepared.xml(), () -> "for " + RandomText.codeUnits(body));
            assertEquals(body.length() - allowedOnly(body).length(), prepared.invalidCharsRemoved());
            assertTrue(prepared.doctypeStripped());
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
