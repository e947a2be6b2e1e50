package no.kildevakt.links.extract;

import static no.kildevakt.links.extract.HtmlExtractionTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownExtractionTest {
    private final LinkExtractor extractor = new LinkExtractor();

    private static LinkOccurrence at(String url, Object line, String text) {
        return new LinkOccurrence(url, "links.md", "line " + line, text);
    }

    @Test
    void everyKindOfMarkdownLinkWithItsSourceLine() throws IOException {
        ExtractedDocument doc = extractor.extract("links.md", resource("links.md"), null);
        assertEquals("markdown", doc.type());
        assertEquals("Testutgave for lenker", doc.title());
        assertEquals(List.of(
                at("https://www.politiet.no/rapport.pdf", "6, link 1", "rapporten"),
                at("https://www.ecpat.no/", "6, link 2", "kilde"),
                at("https://lovdata.no/lov/2005-05-20-28", "7, link 1", "https://lovdata.no/lov/2005-05-20-28"),
                at("mailto:post@example.no", "7, link 2", "post@example.no"),
                at("https://www.unodc.org/report", "9, link 1", ""),
                at("https://www.nav.no/hjelp", "9, link 2", ""),
                at("https://no.wikipedia.org/wiki/Palermo_(by)", "10, link 1", ""),
                at("https://example.org/slutt", "10, link 2", ""),
                at("https://example.org/html-blokk", 17, "lenke"),
                at("https://example.org/inline", "20, link 1", "inline HTML"),
                at("../arkiv/2023.md", "20, link 2", "relativ"),
                at("tel:+4799999999", "20, link 3", "telefon"),
                at("https://example.org/selv", 22, "https://example.org/selv")),
                doc.links());
    }

    @Test
    void markdownFetchedByUrlResolvesRelativeLinks() {
        ExtractedDocument doc = extractor.extract("https://raw.example.org/nyhetsbrev/2024-q4.md",
                "# Q4\n\n[forrige](2024-q3.md)\n".getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        assertEquals("markdown", doc.type());
        assertEquals("Q4", doc.title());
        assertEquals(List.of(new LinkOccurrence("https://raw.example.org/nyhetsbrev/2024-q3.md",
                "https://raw.example.org/nyhetsbrev/2024-q4.md", "line 3", "forrige")), doc.links());
    }

    @Test
    void bareUrlsWithCharactersMarkdownGivesMeaningToStayWhole() {
        String md = "Se https://x.no/sok?a=1&b=2&amp;c=3 og https://x.no/sti!ja og https://x.no/a_b_c_d og\n"
                + "https://x.no/[1] og https://x.no/a\\_b samt *https://x.no/uthevet* og **www.x.no/fet**.\n";
        ExtractedDocument doc = extractor.extract("a.md", md.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(List.of("https://x.no/sok?a=1&b=2&c=3", "https://x.no/sti!ja", "https://x.no/a_b_c_d",
                        "https://x.no/[1]", "https://x.no/a_b", "https://x.no/uthevet", "https://www.x.no/fet"),
                doc.links().stream().map(LinkOccurrence::url).toList());
        assertEquals(List.of("line 1, link 1", "line 1, link 2", "line 1, link 3", "line 2, link 1", "line 2, link 2",
                        "line 2, link 3", "line 2, link 4"),
                doc.links().stream().map(LinkOccurrence::location).toList());
    }

    @Test
    void frontMatterWithoutTitleAndUnclosedFrontMatter() {
        ExtractedDocument doc = extractor.extract("a.md",
                "---\nlayout: post\n---\n\nTekst https://x.no/a\n".getBytes(StandardCharsets.UTF_8), null);
        assertEquals("", doc.title());
        assertEquals(List.of(new LinkOccurrence("https://x.no/a", "a.md", "line 5", "")), doc.links());

        ExtractedDocument open = extractor.extract("b.md",
                "---\nTekst https://x.no/b\n".getBytes(StandardCharsets.UTF_8), null);
        assertEquals(List.of(new LinkOccurrence("https://x.no/b", "b.md", "line 2", "")), open.links());
    }
    @Test
    void aWallOfBracketsIsScannedAsPlainTextWithAWarningAndTheRestParsedAsMarkdown() {
        // 300,000 unclosed brackets in one paragraph: CommonMark keeps a bracket record for each, and a
        // megabyte of them exhausts a 256 MB heap
        String md = "# Tittel\n\nFør https://x.no/for\n\n" + "[".repeat(300_000) + " https://x.no/midt\n\n"
                + "Etter [lenke](https://x.no/etter)\n";
        ExtractedDocument doc = extractor.extract("vegg.md", md.getBytes(StandardCharsets.UTF_8), null);
        assertEquals("Tittel", doc.title());
        assertEquals(List.of(new LinkOccurrence("https://x.no/for", "vegg.md", "line 3", ""),
                new LinkOccurrence("https://x.no/midt", "vegg.md", "line 5", ""),
                new LinkOccurrence("https://x.no/etter", "vegg.md", "line 7", "lenke")), doc.links());
        assertEquals(1, doc.warnings().size(), doc.warnings().toString());
        assertTrue(doc.warnings().get(0).startsWith("line 5: too large or too dense with markup for Markdown parsing"),
                doc.warnings().get(0));
        assertTrue(doc.warnings().get(0).endsWith("links there were found by a plain-text scan"), doc.warnings().get(0));
    }

    @Test
    void aLargeDocumentReadInBlocksGivesWhatTheWholeParseGives() {
        StringBuilder md = new StringBuilder("---\ntitle: \"Stort nummer\"\n---\n\n");
        for (int i = 1; i <= 40; i++) {
            md.append("## Sak ").append(i).append("\n\nSe [saken][s").append(i).append("] og https://x.no/bar/").append(i)
                    .append(" eller <https://x.no/auto/").append(i).append(">.\n\n")
                    .append("- punkt [a](https://x.no/liste/").append(i).append(")\n\n")
                    .append("    fortsatt i punktet: https://x.no/fortsatt/").append(i).append("\n\n")
                    .append("```\nkode https://x.no/kode/").append(i).append("\n\nmer kode https://x.no/kode2/").append(i)
                    .append("\n```\n\n")
                    .append("<div>\n<a href=\"https://x.no/html/").append(i).append("\">html</a>\n</div>\n\n");
        }
        for (int i = 1; i <= 40; i++) {
            md.append("[s").append(i).append("]: https://x.no/ref/").append(i).append("\n");
        }
        byte[] bytes = md.toString().getBytes(StandardCharsets.UTF_8);
        ExtractedDocument whole = extractor.extract("stor.md", bytes, null);
        ExtractedDocument inBlocks = new MarkdownExtractor(new MarkdownExtractor.Budget(0, 300, 10_000, 1_000))
                .extract(new Source("stor.md", bytes, null, null));
        assertEquals(40 * 6, whole.links().size(), whole.links().toString());
        assertEquals(whole, inBlocks);
    }
}
