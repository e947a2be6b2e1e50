package no.kildevakt.links.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrappedUrlsTest {

    private static List<String> urls(List<String> lines, String... annotated) {
        return WrappedUrls.find(lines, List.of(annotated)).stream().map(WrappedUrls.Found::url).toList();
    }

    @Test
    void urlBrokenAfterASlashContinuesWithUrlMaterial() {
        assertEquals(List.of("https://www.regjeringen.no/no/dokumenter/handlingsplan/id2345/"),
                urls(List.of("Les https://www.regjeringen.no/no/dokumenter/", "handlingsplan/id2345/ i dag.")));
        assertEquals(List.of("https://www.nrk.no/norge/1.2345678"),
                urls(List.of("Kilde: https://www.nrk.no/norge/", "1.2345678 viser")));
    }

    @Test
    void anOrdinaryWordAfterAFinishedUrlIsNotJoined() {
        assertEquals(List.of("https://x.no/"), urls(List.of("Se https://x.no/", "Neste avsnitt.")));
        assertEquals(List.of("https://x.no/rapport"), urls(List.of("Se https://x.no/rapport", "og les den")));
        assertEquals(List.of("https://x.no"), urls(List.of("Se https://x.no", "og/eller")));
    }

    @Test
    void sentencePunctuationEndsTheUrl() {
        assertEquals(List.of("https://x.no/a"), urls(List.of("Se https://x.no/a.", "neste/setning")));
        assertEquals(List.of("https://x.no/a/"), urls(List.of("Se https://x.no/a/,", "b/c")));
    }

    @Test
    void aBreakAfterAHyphenOrQueryCharacterIsInsideTheUrl() {
        assertEquals(List.of("https://x.no/menneske-handel"), urls(List.of("https://x.no/menneske-", "handel og mer")));
        assertEquals(List.of("https://x.no/sok?q=menneskehandel&side=2"),
                urls(List.of("https://x.no/sok?q=menneskehandel&", "side=2.")));
    }

    @Test
    void aUrlWrappedOverThreeLines() {
        assertEquals(List.of("https://x.no/a/b/c-d"), urls(List.of("https://x.no/a/", "b/c-", "d e")));
    }

    @Test
    void theNextLineStartingANewUrlIsNotAContinuation() {
        assertEquals(List.of("https://x.no/a-", "https://y.no/b"), urls(List.of("https://x.no/a-", "https://y.no/b")));
        assertEquals(List.of("https://x.no/a/", "https://www.y.no"), urls(List.of("https://x.no/a/", "www.y.no")));
    }

    @Test
    void annotationsAreEvidenceBothWays() {
        assertEquals(List.of("https://x.no/Rapport"),
                urls(List.of("https://x.no/", "Rapport om saken"), "https://x.no/Rapport"));
        assertEquals(List.of("https://x.no/a-"), urls(List.of("https://x.no/a-", "b"), "https://x.no/a-"));
    }

    @Test
    void theLineOfAJoinedUrlIsWhereItStarts() {
        List<WrappedUrls.Found> found = WrappedUrls.find(
                List.of("tekst", "https://x.no/a-", "b og https://y.no/"), List.of());
        assertEquals(List.of(new WrappedUrls.Found("https://x.no/a-b", 1, false),
                new WrappedUrls.Found("https://y.no/", 2, true)), found);
    }

    @Test
    void comparisonKeyIgnoresSchemeHostCaseAndOneTrailingSlash() {
        assertEquals(WrappedUrls.key("https://WWW.X.no/a/"), WrappedUrls.key("http://www.x.no/a"));
        assertEquals("www.x.no/A", WrappedUrls.key("https://www.x.no/A"));
        assertEquals(WrappedUrls.key("https://lovdata.no/lov/2005-05-20-28/§257"),
                WrappedUrls.key("https://lovdata.no/lov/2005-05-20-28/%C2%A7257"));
        // not UTF-8, or not an escape: left alone
        assertEquals("https://x.no/%E6%ZZ%", WrappedUrls.percentDecoded("https://x.no/%E6%ZZ%"));
    }
}
