package no.kildevakt.links.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlExtractionTest {
    private final LinkExtractor extractor = new LinkExtractor();

    static byte[] resource(String name) throws IOException {
        try (InputStream in = HtmlExtractionTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    @Test
    void anchorsAndAreasWithSourceLinesAndAnchorText() throws IOException {
        ExtractedDocument doc = extractor.extract("issues/links.html", resource("links.html"), null);
        assertEquals("html", doc.type());
        assertEquals("Testutgave", doc.title());
        assertEquals(List.of(
                new LinkOccurrence("https://www.regjeringen.no/no/tema/menneskehandel/", "issues/links.html",
                        "line 5", "regjeringens side"),
                // start tag spans lines 6-7; the line of its start counts; relative without base stays
                new LinkOccurrence("/rapporter/2024.pdf", "issues/links.html", "line 6", "årsrapporten"),
                // two on a line: each its own place, the n-th link on the line
                new LinkOccurrence("mailto:redaksjon@example.no", "issues/links.html", "line 8, link 1", "Skriv til oss"),
                new LinkOccurrence("tel:+4722000000", "issues/links.html", "line 8, link 2", "Ring"),
                new LinkOccurrence("javascript:void(0)", "issues/links.html", "line 9, link 1", "Meny"),
                new LinkOccurrence("#topp", "issues/links.html", "line 9, link 2", "Til toppen"),
                new LinkOccurrence("https://cdn.example.org/x", "issues/links.html", "line 10", "Logo"),
                new LinkOccurrence("https://example.org/area", "issues/links.html", "line 11", "Kart"),
                new LinkOccurrence("https://www.regjeringen.no/no/tema/menneskehandel/", "issues/links.html",
                        "line 12", "regjeringens side"),
                // the same link twice on line 13: two citations, each with its own place
                new LinkOccurrence("https://www.regjeringen.no/no/tema/menneskehandel/", "issues/links.html",
                        "line 13, link 1", "regjeringens side"),
                new LinkOccurrence("https://www.regjeringen.no/no/tema/menneskehandel/", "issues/links.html",
                        "line 13, link 2", "regjeringens side")),
                doc.links());
        assertEquals(List.of(), doc.warnings());
    }

    @Test
    void relativeLinksResolveAgainstTheIssueUrlAndBaseElement() {
        String html = "<html><head></head><body>\n<a href=\"../b/c.html?x=1#frag\">c</a>\n"
                + "<a href=\"#top\">top</a></body></html>";
        ExtractedDocument fromUrl = extractor.extract("https://news.example.no/2024/q4/issue.html",
                html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
        assertEquals("https://news.example.no/2024/b/c.html?x=1#frag", fromUrl.links().get(0).url());
        assertEquals("#top", fromUrl.links().get(1).url());

        String withBase = "<html><head><base href=\"https://arkiv.example.no/utgaver/\"></head><body>"
                + "<a href=\"q4.html\">q4</a></body></html>";
        ExtractedDocument based = extractor.extract("local/issue.html", withBase.getBytes(StandardCharsets.UTF_8), null);
        assertEquals("https://arkiv.example.no/utgaver/q4.html", based.links().get(0).url());
        assertEquals(LinkScheme.HTTP, LinkExtractor.classifyScheme(based.links().get(0).url()));

        ExtractedDocument local = extractor.extract("local/issue.html",
                "<a href=\"q4.html\">q4</a>".getBytes(StandardCharsets.UTF_8), null);
        assertEquals("q4.html", local.links().get(0).url());
        assertEquals(LinkScheme.RELATIVE, LinkExtractor.classifyScheme(local.links().get(0).url()));
    }

    @Test
    void latin1PageIsDecodedByItsDeclaration() {
        byte[] body = "<html><head><meta charset=iso-8859-1></head><body><a href=\"https://a.no/\">Kj\u00f8p</a>"
                .getBytes(StandardCharsets.ISO_8859_1);
        ExtractedDocument doc = extractor.extract("x.html", body, null);
        assertEquals("Kjøp", doc.links().get(0).text());
        assertTrue(doc.warnings().isEmpty(), doc.warnings().toString());
    }
}
