package no.kildevakt.item;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import no.kildevakt.RandomText;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainText#clean} copies runs of plain characters in one go; it must give what asking each
 * character in turn gives ({@link #oneByOne}, the rule as written before the fast path), on every
 * character class it meets: ASCII, Latin-1 with its controls, soft hyphen and no-break space,
 * invisible characters, other spaces, combining marks, surrogate pairs and lone surrogates.
 */
class PlainTextCleanTest {

    private static final String ALPHABET = " \t\n\r\u000b\u000c\u001c\u001f\u0000\u0007\u007f!~aZ09"
            + "\u0080\u0085\u009f\u00a0\u00a1\u00ad\u00ab\u00bb\u00c5\u00d7\u00e5\u00e6\u00f7\u00f8\u00ff"
            + "\u0100\u030a\u2003\u2028\u2029\u202f\u200b\u2060\ufeff\u3000\ud83d\ude00\ud800\udc00";

    @Test
    void givesWhatAskingEachCharacterGives() {
        RandomText texts = new RandomText(13, ALPHABET);
        for (int n = 0; n < 20_000; n++) {
            String s = texts.next(40);
            assertEquals(oneByOne(s), PlainText.clean(s), () -> "for " + RandomText.codeUnits(s));
        }
    }

    @Test
    void textBelowCombiningMarksIsAlreadyComposed() {
        // clean skips the normaliser for text below U+0300: every such character, and every pair of
        // them in both orders, must be what NFC leaves alone
        for (char first = 0; first < '\u0300'; first++) {
            StringBuilder pairs = new StringBuilder();
            for (char second = 0; second < '\u0300'; second++) {
                pairs.append(first).append(second);
            }
            String text = pairs.toString();
            assertEquals(text, Normalizer.normalize(text, Normalizer.Form.NFC), "after U+" + Integer.toHexString(first));
        }
    }

    @Test
    void keepsLongPlainRunsWhole() {
        String text = "  Kripos publiserte i oktober rapporten «Menneskehandel i Norge» – se her.  ";
        assertEquals(oneByOne(text), PlainText.clean(text));
        assertEquals("Kripos publiserte i oktober rapporten «Menneskehandel i Norge» – se her.", PlainText.clean(text));
    }

    /** The per-character rule: whitespace collapsed, invisible and control characters dropped, NFC. */
    private static String oneByOne(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder();
        boolean pendingSpace = false;
        for (int i = 0; i < composed.length(); i++) {
            char c = composed.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < composed.length()
                    && Character.isLowSurrogate(composed.charAt(i + 1));
            if (!pair && (Character.isSurrogate(c) || c == '\u200b' || c == '\u2060' || c == '\ufeff' || c == '\u00ad'
                    || Character.getType(c) == Character.CONTROL && !Character.isWhitespace(c))) {
                continue;
            }
            if (!pair && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && out.length() > 0) {
                out.append(' ');
            }
            pendingSpace = false;
            out.append(c);
            if (pair) {
                out.append(composed.charAt(++i));
            }
        }
        return out.toString();
    }
}
