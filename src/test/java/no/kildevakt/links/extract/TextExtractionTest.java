package no.kildevakt.links.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextExtractionTest {
    private final LinkExtractor extractor = new LinkExtractor();

    @Test
    void urlsInPlainTextWithLineNumbers() {
        String text = "Nyhetsbrev Q4\r\n\r\nLes mer: https://www.regjeringen.no/menneskehandel.\r\n"
                + "To ganger: https://a.no/x og https://a.no/x, og www.b.no/sti?q=1&r=2!\n";
        ExtractedDocument doc = extractor.extract("q4.txt", text.getBytes(StandardCharsets.UTF_8), null);
        assertEquals("text", doc.type());
        assertEquals("Nyhetsbrev Q4", doc.title());
        assertEquals(List.of(
                new LinkOccurrence("https://www.regjeringen.no/menneskehandel", "q4.txt", "line 3", ""),
                // each citation has its own place, the same link twice on a line too
                new LinkOccurrence("https://a.no/x", "q4.txt", "line 4, link 1", ""),
                new LinkOccurrence("https://a.no/x", "q4.txt", "line 4, link 2", ""),
                new LinkOccurrence("https://www.b.no/sti?q=1&r=2", "q4.txt", "line 4, link 3", "")),
                doc.links());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "se https://lovdata.no/lov/2005-05-20-28.          | https://lovdata.no/lov/2005-05-20-28",
        "(https://x.no/a)                                  | https://x.no/a",
        "https://no.wikipedia.org/wiki/Palermo_(by).       | https://no.wikipedia.org/wiki/Palermo_(by)",
        "[https://x.no/a?b=c]                              | https://x.no/a?b=c",
        "«https://x.no/sak»                                | https://x.no/sak",
        "“https://x.no/sak”,                               | https://x.no/sak",
        "https://x.no/a;                                   | https://x.no/a",
        "https://x.no/a:                                   | https://x.no/a",
        "https://x.no/side#del-2…                          | https://x.no/side#del-2",
        "<https://x.no/a>                                  | https://x.no/a",
        "HTTPS://X.NO/STOR                                 | HTTPS://X.NO/STOR",
        "http://localhost:8080/x                           | http://localhost:8080/x",
        "https://www.nrk.no/norge/menneskehandel-1.16123   | https://www.nrk.no/norge/menneskehandel-1.16123",
        "www.nav.no                                        | https://www.nav.no",
        "https://x.no/æøå/sak                              | https://x.no/æøå/sak",
    })
    void trailingPunctuationAndBrackets(String line, String expected) {
        List<TextUrls.Found> found = TextUrls.find(line);
        assertEquals(1, found.size(), found.toString());
        assertEquals(expected, found.get(0).url());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "skriv til post@www.example.no",
        "https:// er et skjema",
        "https://",
        "www. alene",
        "fra www.foo i teksten",
        "nettside.no uten www",
    })
    void notUrls(String line) {
        assertEquals(List.of(), TextUrls.find(line));
    }
}
