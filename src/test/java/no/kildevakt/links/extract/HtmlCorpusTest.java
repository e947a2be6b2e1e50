package no.kildevakt.links.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.kildevakt.SharedCorpora;
import org.junit.jupiter.api.Test;

/**
 * Real article pages (mozilla/readability's test pages, read in place from the shared corpora):
 * every link gets a source line that really holds an anchor's start tag, relative links on pages with
 * a {@code <base>} or URL resolve, and no page makes the extractor fail.
 */
class HtmlCorpusTest {
    private static final Pattern ANCHOR_TAG = Pattern.compile("(?i)<(a|area)(\\s|>|$)");

    @Test
    void everyLinkOfRealPagesIsOnTheLineItIsReportedOn() throws IOException {
        Path pages = SharedCorpora.path("readability", "test-pages");
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(pages)) {
            // pages under 60 KB (about 40 of the 130) keep the test quick; the large ones are the same kinds
            sources = walk.filter(p -> p.getFileName().toString().equals("source.html"))
                    .filter(p -> p.toFile().length() < 60_000).sorted().toList();
        }
        LinkExtractor extractor = new LinkExtractor();
        int links = 0;
        List<String> misplaced = new ArrayList<>();
        for (Path source : sources) {
            byte[] bytes = Files.readAllBytes(source);
            String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n|\r|\n", -1);
            ExtractedDocument doc = extractor.extract("https://example.org/" + source.getParent().getFileName() + "/",
                    bytes, "text/html");
            assertEquals("html", doc.type());
            for (LinkOccurrence o : doc.links()) {
                links++;
                int line = Integer.parseInt(o.location().replaceFirst("^line (\\d+)(, link \\d+)?$", "$1"));
                // the start tag may open on this line and the href come later; the tag itself must be here
                if (line > lines.length || !ANCHOR_TAG.matcher(lines[line - 1]).find()) {
                    misplaced.add(source.getParent().getFileName() + " " + o.location() + " " + o.url());
                }
                LinkScheme scheme = LinkExtractor.classifyScheme(o.url());
                assertTrue(scheme != LinkScheme.RELATIVE, "unresolved on a page with a URL: " + o);
                assertEquals(o.url().strip(), o.url());
                assertTrue(o.text().length() <= Occurrences.MAX_TEXT + 1, o.text());
                assertEquals(-1, o.text().toLowerCase(Locale.ROOT).indexOf('\n'));
            }
        }
        assertTrue(sources.size() > 30, "pages: " + sources.size());
        assertTrue(links > 400, "links: " + links);
        assertEquals(List.of(), misplaced);
    }
}
