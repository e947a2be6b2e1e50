package no.kildevakt.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlainTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            <p>Ny handlingsplan mot <b>menneske</b>handel</p>              | Ny handlingsplan mot menneskehandel
            <p>Første avsnitt.</p><p>Andre avsnitt.</p>                   | Første avsnitt. Andre avsnitt.
            linje én<br>linje to<br/>linje tre                            | linje én linje to linje tre
            <ul><li>en</li><li>to</li></ul><table><tr><td>3</td><td>4</td></tr></table> | en to 3 4
            Bl&aring;b&aelig;r &amp; r&oslash;mme &#8211; &#x2014; &quot;x&quot; | Blåbær & rømme – — "x"
            Bl&amp;aring;b&amp;aelig;r                                    | Blåbær
            &lt;p&gt;Dobbelt &lt;b&gt;kodet&lt;/b&gt;&lt;/p&gt;          | Dobbelt kodet
            AT&amp;T og R&D                                               | AT&T og R&D
            a < b og c > d                                                | a < b og c > d
            '  mange    mellomrom\t\n og\u00a0nbsp  '                     | mange mellomrom og nbsp
            <script>alert('x')</script>Tekst<style>p{color:red}</style><!-- skjult --> | Tekst
            <noscript>nei</noscript><template><p>mal</p></template>ja    | ja
            ren tekst                                                     | ren tekst
            """)
    void convertsHtmlToOneLineOfText(String html, String expected) {
        assertEquals(expected, PlainText.of(html.replace("\\t", "\t").replace("\\n", "\n").replace("\\u00a0", "\u00a0")));
    }

    @Test
    void removesInvisibleAndControlCharactersAndComposes() {
        assertEquals("menneskehandel", PlainText.of("menneske\u200bhandel"));
        assertEquals("menneskehandel", PlainText.of("menneske\u00adhandel"));
        assertEquals("ab", PlainText.of("\ufeffa\u0000\u0007b\u007f"));
        assertEquals("a b", PlainText.of("a\u2028\u2003\u202fb"));
        assertEquals("\u00e5r", PlainText.of("a\u030ar")); // å decomposed -> composed
        assertEquals("x", PlainText.of("x\ud800")); // lone surrogate
        assertEquals("\ud83d\udc4d\u200d ok", PlainText.of("\ud83d\udc4d\u200d ok")); // ZWJ and emoji kept
    }

    @Test
    void nullAndBlankGiveEmpty() {
        assertEquals("", PlainText.of(null));
        assertEquals("", PlainText.of(""));
        assertEquals("", PlainText.of("  <p> </p> <br> "));
        assertEquals("", PlainText.summary(null, 10));
    }

    @Test
    void referencesAreDecodedInEveryRunBetweenTagsAndOnlyThere() {
        assertEquals("Tom & Jerry Bonnie & Clyde", PlainText.of("Tom &amp; Jerry<br>Bonnie &amp; Clyde"));
        assertEquals("a b & c", PlainText.of("<p>a</p><p>b &amp;</p> c"));
        assertEquals("x & y", PlainText.of("<b>x</b> &amp; <i>y</i>"));
        assertEquals("\u00e5", PlainText.of("<p></p>&aring;"));
    }

    @Test
    void decodesAtMostTwice() {
        // triple encoding is left half-decoded rather than guessed at
        assertEquals("&aring;", PlainText.of("&amp;amp;aring;"));
    }

    @Test
    void summaryKeepsShortTextWhole() {
        assertEquals("Kort tekst.", PlainText.summary("<p>Kort tekst.</p>", 11));
    }

    @Test
    void summaryCutsAtAWordBoundaryWithEllipsis() {
        String text = "Regjeringen legger fram en ny handlingsplan mot menneskehandel i dag";
        String summary = PlainText.summary(text, 30);
        assertEquals("Regjeringen legger fram en ny\u2026", summary);
        assertTrue(summary.length() <= 30);
    }

    @Test
    void summaryDropsDanglingPunctuationBeforeTheEllipsis() {
        assertEquals("første, andre\u2026", PlainText.summary("første, andre, tredje og fjerde", 16));
    }

    @Test
    void summaryCutsInsideAVeryLongWordAndNeverSplitsASurrogatePair() {
        assertEquals("abcdefghi\u2026", PlainText.summary("abcdefghijklmnopqrstuvwxyz", 10));
        String emoji = "\ud83d\ude00".repeat(10);
        String cut = PlainText.summary(emoji, 6);
        assertEquals("\ud83d\ude00\ud83d\ude00\u2026", cut);
        assertTrue(cut.length() <= 6);
    }

    @Test
    void summaryRejectsANonPositiveBound() {
        assertThrows(IllegalArgumentException.class, () -> PlainText.summary("x", 0));
    }

    @Test
    void summaryBoundHoldsForAnyLength() {
        String text = "ord ".repeat(200);
        for (int max = 1; max < 120; max++) {
            String summary = PlainText.summary(text, max);
            assertTrue(summary.length() <= max, "bound " + max + " gave " + summary.length());
        }
    }
}
