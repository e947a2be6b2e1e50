package no.kildevakt.digest;

import static no.kildevakt.digest.Fixtures.keywords;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.kildevakt.store.StoredItem;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** md, html and json of one digest: structure, Norwegian dates, and crawled text that fights back. */
class FormatsTest {
    private static final Period MARCH = Period.parse("2025-03");
    private static final Instant SIXTH = Instant.parse("2025-03-06T09:00:00Z");

    /** Titles and summaries a hostile or broken feed could send. */
    static final String SCRIPT_TITLE = "<script>alert('x')</script> menneskehandel";
    static final String IMG_TITLE = "<img src=x onerror=alert(1)> menneskehandel & \"sitat\"";
    static final String MD_TITLE = "[klikk her](javascript:alert(1)) ![bilde](https://evil.example/p.png) menneskehandel <javascript:alert(2)>";
    static final String HEADING_SUMMARY = "# Ikke en overskrift\n\n- ikke en liste *ikke kursiv* `kode` ~~strek~~ | tabell |";

    @TempDir
    Path dir;

    private Digest digest;

    @BeforeEach
    void setUp() throws Exception {
        Candidates candidates = new Candidates(Fixtures.config(dir), keywords(5, "menneskehandel", 10, "tvangsarbeid", 6));
        List<StoredItem> items = List.of(
                Fixtures.stored(1, "reg-jd", "norske", "Ny handlingsplan mot menneskehandel og tvangsarbeid",
                        "Regjeringen la fram planen. Den gjelder æøå ÆØÅ.", SIXTH, null, SIXTH, "new"),
                withUrl(Fixtures.stored(2, "ilo", "internasjonale", SCRIPT_TITLE, HEADING_SUMMARY, SIXTH, null, SIXTH, "new"),
                        "javascript:alert(document.cookie)"),
                withUrl(Fixtures.stored(3, "ilo", "internasjonale", IMG_TITLE, "", SIXTH, null, SIXTH, "new"),
                        "https://www.ilo.org/a_(b)?x=1&y=2"),
                withUrl(Fixtures.stored(4, "ilo", "internasjonale", MD_TITLE, "", SIXTH, null, SIXTH, "new"), "data:text/html,<script>x</script>"),
                Fixtures.stored(5, "events", "arrangementer", "Konferanse om menneskehandel", "", SIXTH, LocalDate.parse("2025-04-20"), SIXTH, "new"));
        digest = candidates.arrange(MARCH, items, Selection.DEFAULT);
    }

    static StoredItem withUrl(StoredItem i, String url) {
        return new StoredItem(i.id(), i.dedupeKey(), i.source(), i.sources(), i.section(), i.title(), url, i.guid(), i.summary(),
                i.published(), i.updated(), i.eventDate(), i.firstSeen(), i.lastSeen(), i.status(), i.note(), i.editedTitle(),
                i.editedSummary(), i.decidedAt());
    }

    // ---------------------------------------------------------------- markdown

    @Test
    void markdownHasSectionsEntriesDatesAndWhy() {
        String md = DigestFormat.MD.writer().write(digest);
        assertTrue(md.startsWith("# kildevakt: 5 nye saker 1.–31. mars 2025\n"), md);
        int norske = md.indexOf("\n## Aktuelle norske tiltak");
        int internasjonale = md.indexOf("\n## Aktuelle internasjonale tiltak");
        int arrangementer = md.indexOf("\n## Kommende arrangementer");
        assertTrue(norske > 0 && norske < internasjonale && internasjonale < arrangementer, md);
        assertTrue(md.contains("### [Ny handlingsplan mot menneskehandel og tvangsarbeid](<https://example.no/sak/1>)"), md);
        assertTrue(md.contains("\n*6. mars 2025 · Justis- og beredskapsdepartementet · score 16 (menneskehandel, tvangsarbeid)*\n"), md);
        assertTrue(md.contains("arrangement 20. april 2025"), md);
        assertTrue(md.contains("Den gjelder æøå ÆØÅ."), md);
    }

    @Test
    void markdownOfHostileTextRendersAsText() {
        String md = DigestFormat.MD.writer().write(digest);
        Node doc = Parser.builder().build().parse(md);
        String html = HtmlRenderer.builder().build().render(doc);
        Document page = Jsoup.parse(html);
        // no raw HTML survives, no image, and every link is one of ours, http(s) only
        assertTrue(page.select("script, img, iframe").isEmpty(), html);
        assertTrue(page.select("[onerror]").isEmpty(), html);
        for (Element a : page.select("a")) {
            assertTrue(a.attr("href").startsWith("https://"), "unexpected link " + a.outerHtml());
        }
        assertEquals(List.of("https://example.no/sak/1", "https://www.ilo.org/a_(b)?x=1&y=2", "https://example.no/sak/5"),
                page.select("a").eachAttr("href"));
        collect(doc, Image.class);
        // the hostile titles come out as the same characters
        assertTrue(page.text().contains(SCRIPT_TITLE), page.text());
        assertTrue(page.text().contains(IMG_TITLE), page.text());
        assertTrue(page.text().contains(MD_TITLE), page.text());
        // the summary that looks like Markdown stays one paragraph of text
        assertTrue(page.select("h1").size() == 1 && page.select("ul, ol, strong, code, del, table").isEmpty(), html);
        // the only emphasis is each entry's by-line
        assertEquals(5, page.select("em").size(), html);
        page.select("em").forEach(em -> assertTrue(em.text().matches("(arrangement )?\\d+\\. \\p{L}+ 2025 · .* · score .*"), em.text()));
        assertTrue(page.text().contains("# Ikke en overskrift - ikke en liste *ikke kursiv* `kode` ~~strek~~ | tabell |"), page.text());
    }

    private static void collect(Node node, Class<?> type) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            assertFalse(type.isInstance(n) || n instanceof Link && !((Link) n).getDestination().startsWith("https://"), n.toString());
            collect(n, type);
        }
    }

    @Test
    void markdownEscapingKeepsOrdinaryTextReadable() {
        assertEquals("2025\\. Rapport om menneskehandel", MarkdownText.escape("2025. Rapport om menneskehandel"));
        assertEquals("\\- ikke liste", MarkdownText.escape("- ikke liste"));
        assertEquals("Se side 4. Mer: 6. mars (kl. 10)", MarkdownText.escape("Se side 4. Mer:\n 6. mars (kl. 10)"));
        assertEquals("\\[x\\](javascript:y)", MarkdownText.escape("[x](javascript:y)"));
        assertEquals("a\\\\b \\_c\\_ \\&amp;", MarkdownText.escape("a\\b _c_ &amp;"));
    }

    // ---------------------------------------------------------------- html

    @Test
    void htmlIsOneSelfContainedPageWithoutScripts() {
        String html = DigestFormat.HTML.writer().write(digest);
        Document page = Jsoup.parse(html);
        assertEquals("kildevakt: 5 nye saker 1.–31. mars 2025", page.title());
        assertTrue(page.select("script, link, img, iframe, object, embed, style, form, base, meta[http-equiv]").isEmpty(), html);
        assertTrue(page.select("[src], [onerror], [onload], [onclick]").isEmpty(), html);
        for (Element e : page.getAllElements()) {
            assertFalse(e.attr("style").contains("url("), "no external resources in styles: " + e);
        }
        assertEquals(List.of("Aktuelle norske tiltak, rapporter og forskning", "Aktuelle internasjonale tiltak, rapporter og forskning",
                "Kommende arrangementer"), page.select("h2").eachText());
        assertEquals(5, page.select("h3").size());
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
    }

    @Test
    void htmlEscapesCrawledTextAndLinksOnlyHttp() {
        String html = DigestFormat.HTML.writer().write(digest);
        Document page = Jsoup.parse(html);
        assertEquals(List.of("https://example.no/sak/1", "https://www.ilo.org/a_(b)?x=1&y=2", "https://example.no/sak/5"),
                page.select("a").eachAttr("href"));
        List<String> titles = page.select("h3").eachText();
        assertTrue(titles.contains(SCRIPT_TITLE), titles.toString());
        assertTrue(titles.contains(IMG_TITLE), titles.toString());
        assertTrue(titles.contains(MD_TITLE), titles.toString());
        // the javascript: and data: items are shown, unlinked
        Element scriptEntry = page.select("h3").stream().filter(h -> h.text().equals(SCRIPT_TITLE)).findFirst().orElseThrow();
        assertTrue(scriptEntry.select("a").isEmpty());
        assertFalse(html.contains("javascript:alert(document"), html);
        assertTrue(page.text().contains("6. mars 2025 · Justis- og beredskapsdepartementet · score 16 (menneskehandel, tvangsarbeid)"),
                page.text());
        assertTrue(page.text().contains("Den gjelder æøå ÆØÅ."));
    }

    /** Two items of one section, one above and one below the threshold 5, listed with --all. */
    private Digest withAll(Selection selection) throws Exception {
        Candidates candidates = new Candidates(Fixtures.config(dir), keywords(5, "menneskehandel", 10, "kurs", 2));
        return candidates.arrange(MARCH, List.of(
                Fixtures.stored(1, "reg-jd", "norske", "Ny plan mot menneskehandel", "", SIXTH, null, SIXTH, "new"),
                Fixtures.stored(2, "reg-jd", "norske", "Kurs i budsjettarbeid", "", SIXTH, null, SIXTH, "new"),
                Fixtures.stored(3, "reg-jd", "norske", "Droner i beredskap", "", SIXTH, null, SIXTH, "new")), selection);
    }

    @Test
    void withAllMarkdownAndHtmlShowWhereTheThresholdLies() throws Exception {
        Digest all = withAll(new Selection(true, Selection.DEFAULT_STATUSES));
        String md = new MarkdownDigest().write(all);
        int divider = md.indexOf("*under terskelen (score under 5)*");
        assertTrue(divider > md.indexOf("Ny plan mot menneskehandel") && divider < md.indexOf("Kurs i budsjettarbeid"), md);
        assertEquals(md.indexOf("under terskelen"), md.lastIndexOf("under terskelen"), "one divider per section");
        Document html = Jsoup.parse(new HtmlDigest().write(all));
        List<String> order = html.select("h3, p.threshold").eachText();
        assertEquals(List.of("Ny plan mot menneskehandel", "under terskelen (score under 5)", "Kurs i budsjettarbeid",
                "Droner i beredskap"), order);
    }

    @Test
    void withoutAllThereIsNoDivider() throws Exception {
        Digest candidates = withAll(Selection.DEFAULT);
        assertFalse(new MarkdownDigest().write(candidates).contains("under terskelen"));
        assertTrue(Jsoup.parse(new HtmlDigest().write(candidates)).select("p.threshold").isEmpty());
    }

    @Test
    void emptyDigestSaysSo() {
        Digest empty = new Digest(MARCH, List.of());
        assertTrue(Jsoup.parse(DigestFormat.HTML.writer().write(empty)).text().contains("Ingen nye saker i perioden."));
        assertTrue(DigestFormat.MD.writer().write(empty).contains("Ingen nye saker i perioden."));
        assertEquals("kildevakt: 0 nye saker 1.–31. mars 2025", DigestText.heading(empty));
    }

    // ---------------------------------------------------------------- json

    @Test
    void jsonHasTheItemShapeInDigestOrderWithPeriodAndSections() throws Exception {
        JsonNode root = new ObjectMapper().readTree(DigestFormat.JSON.writer().write(digest));
        JsonNode items = root.get("items");
        assertEquals(5, items.size());
        for (JsonNode item : items) {
            for (String key : List.of("id", "source", "section", "title", "url", "published", "event_date", "summary", "score", "matched", "status")) {
                assertTrue(item.has(key), key + " missing in " + item);
            }
        }
        JsonNode first = items.get(0);
        assertEquals(1, first.get("id").asLong());
        assertEquals("norske", first.get("section").asText());
        assertEquals("2025-03-06", first.get("published").asText());
        assertEquals(16.0, first.get("score").asDouble());
        assertEquals("menneskehandel", first.get("matched").get(0).asText());
        assertEquals("tvangsarbeid", first.get("matched").get(1).asText());
        assertTrue(items.get(4).get("event_date").asText().equals("2025-04-20"));
        // equal scores and dates: the newer row first
        assertEquals(List.of(4L, 3L, 2L), List.of(items.get(1).get("id").asLong(), items.get(2).get("id").asLong(), items.get(3).get("id").asLong()));
        assertEquals(SCRIPT_TITLE, items.get(3).get("title").asText());
        assertEquals("2025-02-28T23:00:00Z", root.get("period").get("from").asText());
        assertEquals("2025-03-31", root.get("period").get("last_day").asText());
        assertEquals("norske", root.get("sections").get(0).get("id").asText());
        assertEquals(3, root.get("sections").get(1).get("items").size());
    }

    @Test
    void jsonIsStreamedWithTheBytesOfTheWholeTree() throws Exception {
        // the writer streams entry by entry (a 150,000-item digest in a 256 MB heap); its bytes are
        // those the tree of the whole digest printed before
        assertEquals(ItemJson.digest(digest).toPrettyString() + "\n", DigestFormat.JSON.writer().write(digest));
        java.io.StringWriter streamed = new java.io.StringWriter();
        DigestFormat.JSON.writer().write(digest, streamed);
        assertEquals(ItemJson.digest(digest).toPrettyString() + "\n", streamed.toString());
        Digest empty = new Digest(MARCH, List.of());
        assertEquals(ItemJson.digest(empty).toPrettyString() + "\n", DigestFormat.JSON.writer().write(empty));
    }

    @Test
    void itemJsonWithoutRankingHasNullScore() {
        var node = ItemJson.item(Fixtures.stored(9, "x", "norske", "t", SIXTH), "norske", null);
        assertTrue(node.get("score").isNull());
        assertEquals(0, node.get("matched").size());
        assertNull(node.get("event_date").textValue());
    }

    @Test
    void unsafeLinksAreRefused() {
        for (String bad : List.of("javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:x", "data:text/html,x", "file:///etc/passwd",
                "vbscript:x", "//evil.example/x", "/relative", "https://", "http://exa mple.no/", "https://x.no/a\\b",
                "https://x.no/\nx", "mailto:a@b.no")) {
            assertTrue(WebLinks.safe(bad).isEmpty(), bad);
        }
        assertEquals("https://x.no/a?b=1&c=(2)", WebLinks.safe("https://x.no/a?b=1&c=(2)").orElseThrow());
        assertEquals("HTTP://X.NO/", WebLinks.safe("HTTP://X.NO/").orElseThrow());
        // what a browser encodes when it follows the link comes back encoded: it can end no attribute or destination
        assertEquals("https://x.no/%22onmouseover=x", WebLinks.safe("https://x.no/\"onmouseover=x").orElseThrow());
        assertEquals("https://x.no/%3Cscript%3E", WebLinks.safe("https://x.no/<script>").orElseThrow());
        // HUDOC's judgment links carry JSON in the fragment: they stay links (they had no "se her" before)
        assertEquals("https://hudoc.echr.coe.int/eng#{%22itemid%22:[%22001-236181%22]}",
                WebLinks.safe("https://hudoc.echr.coe.int/eng#{\"itemid\":[\"001-236181\"]}").orElseThrow());
    }
}
