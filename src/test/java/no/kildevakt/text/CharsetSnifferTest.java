package no.kildevakt.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetSnifferTest {
    private static final String TEXT = "<p>Café – æøå ÆØÅ</p>";

    @Test
    void bomWinsOverEverything() {
        byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT.getBytes(StandardCharsets.UTF_8));
        DecodedText d = CharsetSniffer.decode(body, "text/html; charset=koi8-r");
        assertEquals(TEXT, d.text());
        assertEquals("UTF-8 (BOM)", d.description());
    }

    @Test
    void utf32WithAndWithoutBom() {
        Charset utf32le = Charset.forName("UTF-32LE");
        byte[] bom = concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, TEXT.getBytes(utf32le));
        assertEquals(TEXT, CharsetSniffer.decode(bom, null).text());
        DecodedText noBom = CharsetSniffer.decode(TEXT.getBytes(Charset.forName("UTF-32BE")), null);
        assertEquals(TEXT, noBom.text());
        assertEquals("UTF-32BE (byte pattern)", noBom.description());
    }

    @Test
    void validUtf8BeatsAnyDeclaration() {
        DecodedText d = CharsetSniffer.decode(TEXT.getBytes(StandardCharsets.UTF_8), "text/xml; charset=windows-1251");
        assertEquals(TEXT, d.text());
        assertEquals("UTF-8 (valid UTF-8, HTTP header said windows-1251)", d.description());
        assertEquals(1, d.warnings().size());
    }

    @Test
    void headerBeatsPrologAndMeta() {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + "Привет").getBytes(Charset.forName("KOI8-R"));
        DecodedText d = CharsetSniffer.decode(body, "application/rss+xml; charset=\"KOI8-R\"");
        assertTrue(d.text().endsWith("Привет"), d.text());
        assertEquals("KOI8-R (HTTP header)", d.description());
    }

    @Test
    void htmlMetaAnywhereInTheFirst4kb() {
        String html = "<html><head>" + " ".repeat(2000) + "<meta http-equiv=\"Content-Type\" content=\"text/html; "
                + "charset=iso-8859-1\"></head><body>Café</body></html>";
        DecodedText d = CharsetSniffer.decode(html.getBytes(StandardCharsets.ISO_8859_1), "text/html");
        assertTrue(d.text().contains("Café"));
        assertEquals("windows-1252 (HTML meta iso-8859-1)", d.description());
    }

    @Test
    void invalidLabelsAreIgnoredAndDefaultIsWindows1252() {
        byte[] body = "<?xml version=\"1.0\" encoding=\"bogus-label\"?><a>Caf\u00e9 \u20ac</a>".getBytes(Charset.forName("windows-1252"));
        DecodedText d = CharsetSniffer.decode(body, "text/xml; charset=\"also bogus\"");
        assertTrue(d.text().contains("Café €"), d.text());
        assertEquals("windows-1252 (default)", d.description());
        assertEquals(2, d.warnings().size(), d.warnings().toString());
    }

    @Test
    void declaredUtf8ButLatin1BytesFallsBackToWindows1252() {
        byte[] body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><to>Anaïs</to>".getBytes(StandardCharsets.ISO_8859_1);
        DecodedText d = CharsetSniffer.decode(body, null);
        assertTrue(d.text().contains("Anaïs"), d.text());
        assertEquals(Charset.forName("windows-1252"), d.charset());
    }

    @Test
    void mostlyUtf8WithOneBrokenByteKeepsUtf8AndReplacesTheByte() {
        byte[] good = "Blåbær og rødåt, ærlig talt".getBytes(StandardCharsets.UTF_8);
        byte[] body = concat(good, new byte[] {(byte) 0xFF});
        DecodedText d = CharsetSniffer.decode(body, "text/xml; charset=utf-8");
        assertEquals("Blåbær og rødåt, ærlig talt\uFFFD", d.text());
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertEquals(1, d.warnings().size());
    }

    @Test
    void utf16LabelOnSingleByteBodyIsIgnored() {
        DecodedText d = CharsetSniffer.decode("<a>plain</a>".getBytes(StandardCharsets.US_ASCII), "text/xml; charset=utf-16");
        assertEquals("<a>plain</a>", d.text());
    }

    @Test
    void emptyAndNull() {
        assertEquals("", CharsetSniffer.decode(null, null).text());
        assertEquals("", CharsetSniffer.decode(new byte[0], "text/xml; charset=utf-8").text());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
