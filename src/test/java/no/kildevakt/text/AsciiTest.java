package no.kildevakt.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kildevakt.RandomText;
import org.junit.jupiter.api.Test;

/** The shared scans mean what the patterns they stand for mean. */
class AsciiTest {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    @Test
    void schemeEndIsWhereTheSchemePatternEnds() {
        assertEquals(4, Ascii.schemeEnd("http://x.no"));
        assertEquals(7, Ascii.schemeEnd("a+b.c-d:x"));
        assertEquals(-1, Ascii.schemeEnd("1a:b"));
        assertEquals(-1, Ascii.schemeEnd(":x"));
        assertEquals(-1, Ascii.schemeEnd("http"));
        assertEquals(-1, Ascii.schemeEnd(""));
        RandomText random = new RandomText(17, "aZz09+.-:/ ?#\n\u00e6%");
        for (int i = 0; i < 20_000; i++) {
            String s = random.next(12);
            Matcher m = SCHEME.matcher(s);
            assertEquals(m.find() ? m.end() - 1 : -1, Ascii.schemeEnd(s), () -> RandomText.codeUnits(s));
        }
    }
}
