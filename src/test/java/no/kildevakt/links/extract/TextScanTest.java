package no.kildevakt.links.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The loops that stand in front of (or in place of) patterns on the extractor's hot path, each
 * against the pattern it answers for, on the edges and on random texts over a small alphabet.
 */
class TextScanTest {
    private static final String ALPHABET = " \t\n\u000B\f\r\u00a0\u2003wW.:/hHtpsf+-a1C\\@#";

    private static String random(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    @Test
    void wordsAreCountedAsSplittingOnWhiteSpaceCountsThem() {
        assertEquals(0, Entries.words(""));
        assertEquals(0, Entries.words(" \t\n"));
        assertEquals(3, Entries.words(" a  b\tc\n"));
        assertEquals(1, Entries.words("a\u2003b")); // not white space to \s
        Random random = new Random(17);
        for (int round = 0; round < 20_000; round++) {
            String s = random(random, 12);
            String t = s.strip();
            assertEquals(t.isEmpty() ? 0 : t.split("\\s+").length, Entries.words(s), s);
        }
    }

    @Test
    void theSchemeIsReadAsItsPatternReadsIt() {
        assertEquals("C", LinkScheme.schemeOf("C:\\issues\\q4.docx"));
        assertEquals("a+b.c-d", LinkScheme.schemeOf("a+b.c-d:x"));
        assertEquals("HTTPS", LinkScheme.schemeOf("HTTPS://x.no"));
        assertNull(LinkScheme.schemeOf("1a:b"));
        assertNull(LinkScheme.schemeOf(":x"));
        assertNull(LinkScheme.schemeOf("http"));
        assertNull(LinkScheme.schemeOf(""));
        assertNull(LinkScheme.schemeOf("a b:c"));
        Pattern scheme = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
        Random random = new Random(19);
        for (int round = 0; round < 20_000; round++) {
            String s = random(random, 8);
            var m = scheme.matcher(s);
            assertEquals(m.find() ? m.group(1) : null, LinkScheme.schemeOf(s), s);
        }
    }

    @Test
    void aTextWithoutSchemeOrWwwHoldsNoUrl() {
        assertEquals(true, TextUrls.mayHoldUrl("se WwW.regjeringen.no"));
        assertEquals(true, TextUrls.mayHoldUrl("ftp://x"));
        assertEquals(true, TextUrls.mayHoldUrl("www."));
        assertEquals(false, TextUrls.mayHoldUrl("ww.x.no og w.w.w."));
        assertEquals(false, TextUrls.mayHoldUrl(""));
        assertEquals(false, TextUrls.mayHoldUrl("Kripos publiserte rapporten «Menneskehandel 2025»."));
        // wherever the pattern finds a URL, the look said there might be one
        Random random = new Random(23);
        for (int round = 0; round < 50_000; round++) {
            String s = random(random, 14);
            if (!TextUrls.mayHoldUrl(s)) {
                assertEquals(0, TextUrls.find(s).size(), s);
            }
        }
    }
}
