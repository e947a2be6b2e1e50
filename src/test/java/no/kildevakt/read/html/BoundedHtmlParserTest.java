package no.kildevakt.read.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The element budget counts what jsoup builds, during the parse; pins down the hook for jsoup updates. */
class BoundedHtmlParserTest {

    @Test
    void aPageUnderTheBudgetIsParsedWhole() {
        BoundedHtmlParser.Parsed p = new BoundedHtmlParser(100).parse("<ul><li><a href=/a>A</a><li><a href=/b>B</a></ul>", "https://x.no/");
        assertFalse(p.truncated());
        assertEquals("", p.warning());
        assertEquals(2, p.document().select("li").size());
        assertEquals("https://x.no/a", p.document().selectFirst("a").absUrl("href"));
    }

    @Test
    void aPageOverTheBudgetKeepsItsTopAndSaysSo() {
        BoundedHtmlParser.Parsed p = new BoundedHtmlParser(50).parse("<title>T</title><ul>" + "<li><a href=/a>A</a></li>".repeat(100), "");
        assertTrue(p.truncated());
        assertEquals("page has over 50 elements; read the first 50 and ignored the rest", p.warning());
        assertTrue(p.document().getAllElements().size() <= 51, "the document and at most 50 elements");
        assertEquals("T", p.document().title());
        assertEquals("A", p.document().selectFirst("li").text());
    }

    /** Elements jsoup makes up (formatting elements it reopens in every paragraph) count as well as written ones. */
    @Test
    void elementsTheParserReconstructsCount() {
        String html = "<p><b><i><u><s>x</p>" + "<p>x</p>".repeat(100);
        Document whole = new BoundedHtmlParser(10_000).parse(html, "").document();
        assertTrue(whole.getAllElements().size() > 400, "jsoup reopens b, i, u, s in each p: " + whole.getAllElements().size());
        BoundedHtmlParser.Parsed cut = new BoundedHtmlParser(200).parse(html, "");
        assertTrue(cut.truncated());
        assertTrue(cut.document().getAllElements().size() <= 201, "" + cut.document().getAllElements().size());
    }

    @Test
    void theDocumentCanBeChangedAfterwardsBeyondTheBudget() {
        Document d = new BoundedHtmlParser(10).parse("<p>a</p>", "").document();
        for (int i = 0; i < 20; i++) {
            d.body().appendElement("div");
        }
        d.body().append("<p>b</p><p>c</p>");
        assertEquals(3, d.select("p").size());
    }
}
