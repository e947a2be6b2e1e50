package no.kildevakt.item;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Review findings: escaped angle brackets are text, not markup encoded twice. */
class PlainTextBracketsTest {
    /** A press contact in a regjeringen description (HTML in CDATA, the address escaped as HTML says). */
    @Test
    void anEscapedEmailAddressInHtmlIsKept() {
        assertEquals("Pressekontakt: Ola Nordmann <ola.nordmann@jd.dep.no>, tlf. 22 24 90 90",
                PlainText.of("<p>Pressekontakt: Ola Nordmann &lt;ola.nordmann@jd.dep.no&gt;, tlf. 22 24 90 90</p>"));
    }

    /** An RSS title is plain text; its escaped angle brackets mean literal brackets. */
    @Test
    void escapedAngleBracketsInPlainTextAreKept() {
        assertEquals("Tiltak for barn <under 18 år> og unge", PlainText.of("Tiltak for barn &lt;under 18 år&gt; og unge"));
    }
}
