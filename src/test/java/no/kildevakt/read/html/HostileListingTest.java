package no.kildevakt.read.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kildevakt.fetch.FetchRequest;
import no.kildevakt.item.Item;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.read.SourceReadException;
import org.junit.jupiter.api.Test;

/** Crawled pages are hostile: deep nesting, huge flat lists, scripts and non-http links must cost little and break nothing. */
class HostileListingTest {
    private static final String PAGE = "https://www.example.no/liste/";

    @Test
    void deeplyNestedMarkupNeitherOverflowsTheStackNorHangs() {
        String deep = "<div>".repeat(50_000) + "<li><a href='/a'>Sak 01.01.2025</a></li>" + "</div>".repeat(50_000);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertTrue(readOrTooLarge(deep).size() <= 1);
        });
    }

    @Test
    void aLongFlatListIsReadInReasonableTime() {
        StringBuilder sb = new StringBuilder("<nav>");
        for (int i = 0; i < 500; i++) {
            sb.append("<a href='/meny/").append(i).append("'>Menypunkt nummer ").append(i).append("</a>");
        }
        sb.append("</nav><ul>");
        for (int i = 0; i < 1000; i++) {
            sb.append("<li class='n'><a href='/sak/").append(i).append("/en-lang-adresse'>Sak nummer ").append(i)
                    .append(" om menneskehandel</a> <span>").append(1 + i % 28).append(".03.2024</span></li>");
        }
        sb.append("</ul>");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            HtmlListingReader.Listing l = Fixtures.reader(Set.of()).readListing(
                    Fixtures.source("t", URI.create(PAGE), "norske", Map.of(), false, 1), Fixtures.html(PAGE, sb.toString()));
            assertEquals(1000, l.items().size());
            assertEquals("li.n", l.selectors().orElseThrow().item());
        });
    }

    /**
     * Issue 9: 3,000,000 unclosed {@code <b>} (9 MB, under max_body) once needed over 500 MB of DOM.
     * Cut at the budget, it gives nothing: that is the source's failure (named, backing off), not a
     * quiet empty listing.
     */
    @Test
    void aNineMegabytePageOfUnclosedTagsFitsTheTestHeapAndFailsItsSource() {
        String bold = "<html><body>" + "<b>".repeat(3_000_000) + "</body></html>";
        SourceReadException e = assertThrows(SourceReadException.class, () -> Fixtures.reader(Set.of()).readListing(
                Fixtures.source("t", URI.create(PAGE), "norske", Map.of(), false, 1), Fixtures.html(PAGE, bold)));
        assertEquals("page too large to read: page has over " + BoundedHtmlParser.MAX_ELEMENTS + " elements; read the first "
                + BoundedHtmlParser.MAX_ELEMENTS + " and ignored the rest, and found no items in that part", e.getMessage());
    }

    @Test
    void aCutPageWhoseSelectorsFindNothingFailsItsSource() {
        String page = "<ul>" + "<li><b>no link</b></li>".repeat(2_000) + "</ul>";
        HtmlListingReader reader = new HtmlListingReader(request -> {
            throw new AssertionError("no fetch");
        }, s -> false, new ItemNormalizer(), new ListingDetector(), Fixtures.CLOCK, new BoundedHtmlParser(1_000));
        SourceReadException e = assertThrows(SourceReadException.class, () -> reader.readListing(
                Fixtures.source("t", URI.create(PAGE), "norske", Map.of("item", "li.sak", "title", "a"), false, 1),
                Fixtures.html(PAGE, page)));
        assertTrue(e.getMessage().startsWith("page too large to read: page has over 1000 elements"), e.getMessage());
    }

    /** A next page is a link of its source: the address rule (no public-to-private hops) judges it by the source. */
    @Test
    void nextPagesAreFetchedAsLinksOfTheirSource() throws Exception {
        List<FetchRequest> asked = new ArrayList<>();
        HtmlListingReader reader = new HtmlListingReader(request -> {
            asked.add(request);
            return Fixtures.html(request.url().toString(), "<li><a href='/sak/3'>Tre</a> 03.01.2025</li>");
        }, s -> false, new ItemNormalizer(), new ListingDetector(), Fixtures.CLOCK);
        String page1 = "<li><a href='/sak/1'>En</a> 01.01.2025</li><li><a href='/sak/2'>To</a> 02.01.2025</li>"
                + "<a rel='next' href='/liste/?side=2'>Neste side</a>";
        reader.readListing(Fixtures.source("t", URI.create(PAGE), "norske", Map.of("item", "li"), false, 2), Fixtures.html(PAGE, page1));
        assertEquals(1, asked.size());
        assertEquals(URI.create(PAGE), asked.get(0).origin());
    }

    @Test
    void aPageOverTheElementBudgetIsReadUpToItWithAWarning() throws Exception {
        StringBuilder sb = new StringBuilder("<ul>");
        for (int i = 0; i < 2000; i++) {
            sb.append("<li><a href='/sak/").append(i).append("/lang-adresse'>Sak nummer ").append(i).append("</a> 01.03.2024</li>");
        }
        HtmlListingReader reader = new HtmlListingReader(request -> {
            throw new AssertionError("unexpected fetch");
        }, s -> false, new no.kildevakt.item.ItemNormalizer(), new ListingDetector(), Fixtures.CLOCK, new BoundedHtmlParser(1000));
        HtmlListingReader.Listing l = reader.readListing(
                Fixtures.source("t", URI.create(PAGE), "norske", Map.of(), false, 1), Fixtures.html(PAGE, sb.toString()));
        assertTrue(l.items().size() > 400 && l.items().size() < 500, "the top of the list: " + l.items().size());
        assertEquals("https://www.example.no/sak/0/lang-adresse", l.items().get(0).url());
        assertTrue(l.warnings().contains("page has over 1000 elements; read the first 1000 and ignored the rest"), l.warnings().toString());
    }

    @Test
    void aListingOfMoreItemsThanTheBoundIsReadFromTheTop() throws Exception {
        StringBuilder sb = new StringBuilder("<ul>");
        int n = ListingExtractor.MAX_ENTRIES + 100;
        for (int i = 0; i < n; i++) {
            sb.append("<li><a href='/sak/").append(i).append("/lang-adresse'>Sak nummer ").append(i).append("</a></li>");
        }
        HtmlListingReader.Listing l = Fixtures.reader(Set.of()).readListing(
                Fixtures.source("t", URI.create(PAGE), "norske", Map.of("item", "li"), false, 1), Fixtures.html(PAGE, sb.toString()));
        assertEquals(ListingExtractor.MAX_ENTRIES, l.items().size());
        assertEquals("https://www.example.no/sak/0/lang-adresse", l.items().get(0).url());
        assertTrue(l.warnings().contains("listing has " + n + " items; read the first " + ListingExtractor.MAX_ENTRIES), l.warnings().toString());
    }

    /** Looking for a link under every child of every level took the square of the depth: 30,000 levels once took over 100 s. */
    @Test
    void linksDeepBelowManyLevelsAreFoundInLinearTime() {
        String deep = "<div><div><span>x</span></div><div><span>y</span></div>".repeat(30_000) + "<a href='/a/b/c'>Sak 01.01.2025</a>";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertEquals(0, readOrTooLarge(deep).size());
        });
    }

    /** Groups were keyed by their whole root path, one string per element: a deep page's keys outgrew the heap. */
    @Test
    void repeatedLinksOnEveryLevelOfADeepPageFitTheTestHeap() throws Exception {
        String deep = "<div><p><a href='/a/b/c'>Sak 01.01.2025</a></p><p><a href='/a/b/d'>Sak 02.01.2025</a></p>".repeat(15_000);
        List<Item> items = readOrTooLarge(deep);
        assertTrue(items.size() <= 2, items.toString());
    }

    @Test
    void scriptsStylesAndNonHttpLinksNeverBecomeItems() throws Exception {
        String html = """
                <script>document.write('<li><a href="/x">Injisert</a> 01.01.2025</li>')</script>
                <ul><li><a href="javascript:alert(1)">Ondsinnet lenke 01.01.2025</a></li>
                <li><a href="data:text/html,<script>alert(1)</script>">Data 02.01.2025</a></li>
                <li><a href="/sak/1">Ekte sak &lt;script&gt;alert(1)&lt;/script&gt;</a> 03.01.2025</li>
                <li><a href="/sak/2">Ekte sak to</a> 04.01.2025</li>
                <li><a href="/sak/3">Ekte sak tre</a> 05.01.2025</li></ul>""";
        HtmlListingReader.Listing l = Fixtures.reader(Set.of()).readListing(
                Fixtures.source("t", URI.create(PAGE), "norske", Map.of("item", "li"), false, 1), Fixtures.html(PAGE, html));
        assertEquals(3, l.items().size(), l.items().toString());
        for (Item i : l.items()) {
            assertTrue(i.url().startsWith("https://www.example.no/sak/"), i.url());
        }
        // markup written as text is taken for double encoding by PlainText and dropped, never kept as a tag
        assertEquals("Ekte sak", l.items().get(0).title());
    }

    /**
     * The items of a hostile page with auto-detection, or none when it is refused as too large to
     * read (over the element budget with nothing found in the part read): either way it must end
     * quickly and within the heap, which is what these tests are about.
     */
    private static List<Item> readOrTooLarge(String html) {
        try {
            return Fixtures.reader(Set.of()).readListing(
                    Fixtures.source("t", URI.create(PAGE), "norske", Map.of(), false, 1), Fixtures.html(PAGE, html)).items();
        } catch (SourceReadException e) {
            assertTrue(e.getMessage().startsWith("page too large to read: "), e.getMessage());
            return List.of();
        }
    }
}
