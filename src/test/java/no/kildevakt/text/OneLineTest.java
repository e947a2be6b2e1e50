package no.kildevakt.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OneLineTest {

    @Test
    void runsOfWhiteSpaceBecomeOneSpaceAndTheEndsAreStripped() {
        assertEquals("a b c", OneLine.of("a\n\tb  c"));
        assertEquals("a b", OneLine.of("  a b \r\n"));
        assertEquals("", OneLine.of(null));
        assertEquals("", OneLine.of(" \t "));
        // strip() takes Unicode white space off the ends; inside, only ASCII white space is collapsed
        assertEquals("a\u2003 b", OneLine.of("\u2003a\u2003 b\u2003"));
        assertEquals("a\u00a0\u00a0b", OneLine.of("a\u00a0\u00a0b"));
    }

    @Test
    void cutsLongLinesWithAnEllipsis() {
        assertEquals("abc\u2026", OneLine.of("abc def", 3));
        assertEquals("abc", OneLine.of("abc", 3));
    }

    /** The look before the pattern changes nothing: random texts against the pattern alone. */
    @Test
    void givesWhatThePatternAloneGives() {
        Pattern whiteSpace = Pattern.compile("\\s+");
        String alphabet = "ab \t\n\u000B\f\r\u00a0\u2003";
        Random random = new Random(11);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            assertEquals(whiteSpace.matcher(s).replaceAll(" ").strip(), OneLine.of(s), s);
        }
    }

    @Test
    void causesAreJoinedOutermostFirstInOneLine() {
        Exception e = new IllegalStateException("problem accessing\ntrust store",
                new java.io.IOException("nonesuch   not found", new IllegalArgumentException()));
        assertEquals("problem accessing trust store: nonesuch not found: IllegalArgumentException", OneLine.ofCauses(e));
    }

    @Test
    void aCauseThatRepeatsWhatIsSaidAddsNothing() {
        var inner = new java.net.ConnectException("Connection refused");
        var wrapper = new RuntimeException(inner.toString(), inner); // the JDK's default when wrapping
        assertEquals("java.net.ConnectException: Connection refused", OneLine.ofCauses(wrapper));
        assertEquals("NullPointerException", OneLine.ofCauses(new NullPointerException()));
    }

    @Test
    void aCycleOfCausesEnds() {
        Exception outer = new Exception("outer");
        Exception inner = new Exception("inner", outer);
        outer.initCause(inner);
        assertEquals("outer: inner", OneLine.ofCauses(outer));
    }
}
