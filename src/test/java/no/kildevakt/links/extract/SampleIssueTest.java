package no.kildevakt.links.extract;

import static no.kildevakt.links.extract.HtmlExtractionTest.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sample past issue (a short Norwegian newsletter issue, published as Markdown and as HTML) gives the
 * same links in both forms, so the checker sees one issue however it was published.
 */
class SampleIssueTest {
    private static final String MD = "past-issue-2024-Q4.md";
    private static final String HTML = "past-issue-2024-Q4.html";
    private static final String PDF = "past-issue-2024-Q4.pdf";
    private final LinkExtractor extractor = new LinkExtractor();

    @Test
    void markdownIssueHasEveryKindOfLink() throws IOException {
        ExtractedDocument doc = extractor.extract(MD, resource(MD), null);
        assertEquals("Nyhetsbrev om menneskehandel – 4. kvartal 2024", doc.title());
        assertEquals(21, doc.links().size());
        Map<LinkScheme, Long> kinds = doc.links().stream()
                .collect(Collectors.groupingBy(o -> LinkExtractor.classifyScheme(o.url()), Collectors.counting()));
        assertEquals(Map.of(LinkScheme.HTTP, 16L, LinkScheme.RELATIVE, 1L, LinkScheme.MAILTO, 1L,
                LinkScheme.TEL, 1L, LinkScheme.FRAGMENT, 1L, LinkScheme.JAVASCRIPT, 1L), kinds);
        // the FAFO report is cited twice (reference link): two occurrences, one URL to check
        assertEquals(List.of("line 19", "line 29, link 1"), doc.links().stream()
                .filter(o -> o.url().endsWith("tvangsarbeid-i-norge")).map(LinkOccurrence::location).toList());
        assertEquals(15, doc.links().stream().map(LinkOccurrence::url)
                .filter(u -> LinkExtractor.classifyScheme(u).checkable()).distinct().count());
    }

    @Test
    void htmlAndMarkdownEditionsGiveTheSameWebLinksInTheSameOrder() throws IOException {
        Function<ExtractedDocument, List<String>> web = d -> d.links().stream().map(LinkOccurrence::url)
                .filter(u -> LinkExtractor.classifyScheme(u) != LinkScheme.FRAGMENT).toList();
        ExtractedDocument md = extractor.extract(MD, resource(MD), null);
        ExtractedDocument html = extractor.extract(HTML, resource(HTML), null);
        assertEquals(web.apply(md), web.apply(html));
        assertEquals(md.title(), html.title());
    }

    /**
     * {@code past-issue-2024-Q4.pdf} is the HTML edition printed to PDF by headless Chromium 150
     * ({@code chromium --headless --no-pdf-header-footer --print-to-pdf=... past-issue-2024-Q4.html}, from
     * {@code /tmp/nyhetsbrev/2024-Q4/}): a real producer's PDF, with one link rectangle per wrapped line,
     * percent-encoded URIs and rectangles that do not sit exactly on the glyphs.
     */
    @Test
    void printedToPdfByABrowserItKeepsEveryLinkAndItsText() throws IOException {
        ExtractedDocument pdf = extractor.extract(PDF, resource(PDF), null);
        ExtractedDocument html = extractor.extract(HTML, resource(HTML), null);
        assertEquals("pdf", pdf.type());
        assertEquals(html.title(), pdf.title());
        // the relative link was resolved by the browser against the file it printed
        assertEquals(new LinkOccurrence("file:///tmp/nyhetsbrev/2024-Q3/", PDF, "page 1, link 1", "arkivet"), pdf.links().get(0));
        assertEquals(LinkScheme.FILE, LinkExtractor.classifyScheme(pdf.links().get(0).url()));
        // every other link, with the same anchor text as on the web page; the in-page #topp link became
        // a PDF destination, which is not a URI
        Function<ExtractedDocument, List<String>> linksAndTexts = d -> d.links().stream()
                .filter(o -> Set.of(LinkScheme.HTTP, LinkScheme.MAILTO, LinkScheme.TEL, LinkScheme.JAVASCRIPT)
                        .contains(LinkExtractor.classifyScheme(o.url())))
                .map(o -> WrappedUrls.key(o.url()) + " | " + o.text()).toList();
        assertEquals(linksAndTexts.apply(html), linksAndTexts.apply(pdf));
        assertEquals(20, pdf.links().size());
        // all on page 1, each with its own place there
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(n -> "page 1, link " + n).toList(),
                pdf.links().stream().map(LinkOccurrence::location).toList());
    }

    @Test
    void publishedOnTheWebItsRelativeLinkResolves() throws IOException {
        ExtractedDocument html = extractor.extract("https://nyhetsbrev.example.no/2024-Q4/", resource(HTML),
                "text/html; charset=UTF-8");
        assertEquals("https://nyhetsbrev.example.no/2024-Q3/", html.links().get(0).url());
        assertEquals("#topp", html.links().get(18).url());
    }

    @Test
    void theExampleForNewUsersIsTheSameIssue() throws IOException {
        Path example = Path.of("examples", MD);
        if (Files.exists(example)) { // run from the repository root, as Maven does
            assertArrayEquals(resource(MD), Files.readAllBytes(example), "examples/" + MD + " drifted from the fixture");
        }
    }
}
