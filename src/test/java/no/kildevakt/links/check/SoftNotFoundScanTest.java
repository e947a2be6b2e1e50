package no.kildevakt.links.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import no.kildevakt.SharedCorpora;
import no.kildevakt.text.CharsetSniffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming soft-404 scan: the same verdicts as the DOM-based check it replaced
 * ({@link DomSoftNotFound}), whatever pieces the page arrives in, and bounded on hostile pages.
 */
class SoftNotFoundScanTest {
    /** The benchmark's page (bench/links/serve.py), with a title of choice. */
    static String benchPage(String title) {
        return "<!doctype html><html lang=\"no\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body><nav>Forside Aktuelt Dokumenter</nav><main><h1>" + title + "</h1><p>"
                + "Regjeringen legger fram tiltak mot menneskehandel og arbeidslivskriminalitet. ".repeat(40)
                + "</p></main></body></html>";
    }

    static final List<String> PAGES = List.of(
            benchPage("Fant ikke siden"), benchPage("Side 17"), benchPage("Ny side 15-new"),
            "<html><head><title>Fant ikke siden</title></head></html>",
            "<title>Siden finnes ikke &ndash; Bufdir</title>",
            "<title>Regjeringen</title><h1>404 – siden finnes ikke</h1>",
            "<html><head><title>Europol</title><body><nav>Home News</nav><main><p>Sorry, the page you are looking for could not be found.</p></main>",
            "<html><head><title>Polisen</title><body><header>Meny</header><p>Vi hittar inte sidan du letar efter.</p>",
            "<title>Tiltak</title><nav>Fant ikke siden? Søk her</nav><main><p>Regjeringen legger fram tiltak.</p></main>",
            "<title>Room 4049</title>",
            "<title>a404</title>", "<title>Feil 404!</title>", "<title>404</title>", "<title>1404 4040</title>",
            "<title>Not founders</title>", "<title>Not found_x</title>", "<title>Not foundå</title>",
            "<title>Not found.</title>", "<title>Finnes ikke</title>", "<title>Ikke funnet – Nav</title>",
            "<title>Nav</title><main><p>Beklager! Siden finnes ikke.</p></main>",
            "<title>Bufdir</title><main><h2>Beklager</h2><p>Siden finnes ikke. Den kan være flyttet.</p></main>",
            "<title>Politi</title><div role=\"navigation\">Siden findes ikke</div><p>Nyheder</p>",
            "<title>Politi</title><div aria-hidden=\"true\">Siden findes ikke</div><p>Nyheder</p>",
            "<title>Politi</title><div aria-hidden=true><p>Siden findes ikke</p></div><article>Nyheder</article><p>Siden findes ikke</p>",
            "<title>A</title><script>var t = '<h1>404</h1>';</script><p>Fine</p>",
            "<title>A</title><style>h1:after{content:'</p><h1>404'}</style><h1>Hei</h1>",
            "<title>A</title><!-- <h1>404</h1> --><h1>Velkommen</h1>",
            "<title>Sidan du s&ouml;ker finns inte</title>",
            "<title>Kontakt</title><h1>Sidan du s&#246;ker finns inte</h1>",
            "<title>Kontakt</title><p>Siden&nbsp;du&nbsp;søger findes ikke</p>",
            "<title>Kontakt</title><p>We couldn&rsquo;t find the page.</p>",
            "<title>Kontakt</title><p>Side<b>n</b> finnes ikke</p>",
            "<title>Kontakt</title><p>Fant ikke</p><p>siden</p>",
            "<title>Kontakt</title><p>Fant ikke<br>siden</p>",
            "<title>   Not   Found   </title>",
            "<TITLE>PAGE NOT FOUND</TITLE>",
            "<title>x</title><h1 class=\"a>b\" data-x='>'>404</h1>",
            "<title>x</title><main><nav><p>Siden finnes ikke</p></nav><p>Alt vel</p></main>",
            "<title>x</title><p>" + "Lang tekst om politikk. ".repeat(40) + "Siden finnes ikke</p>",
            // a long run read where it lies up to a reference, decoded from there: around the 600 characters kept
            "<title>x</title><main><p>" + "Tekst ".repeat(97) + "Siden&nbsp;finnes ikke</p></main>",
            "<title>x</title><main><p>" + "Tekst ".repeat(95) + "Siden&nbsp;finnes ikke &amp; mer</p></main>",
            "<title>x</title><main><h1>Om &laquo;siden&raquo;</h1><p>Vi &aelig;nser: siden finnes ikke &amp; " + "mer ".repeat(200) + "</p></main>",
            "");

    @Test
    void agreesWithTheDomCheckOnKnownPages() {
        for (String page : PAGES) {
            assertEquals(DomSoftNotFound.detect(page), SoftNotFound.detect(page), page);
        }
    }

    @Test
    void theBenchmarksSoftNotFoundIsFoundAndItsRealPagesAreNot() {
        assertEquals(Optional.of("title \"Fant ikke siden\""), SoftNotFound.detect(benchPage("Fant ikke siden")));
        assertEquals(Optional.empty(), SoftNotFound.detect(benchPage("Side 17")));
        assertEquals(Optional.empty(), SoftNotFound.detect(benchPage("Ny side 15-new")));
    }

    @Test
    void aTitleSplitAcrossReadsIsStillOneTitle() {
        String page = "<html><head><title>Fant ikke siden &ndash; Regjeringen</title></head><body><p>Hei</p></body></html>";
        Optional<String> whole = SoftNotFound.detect(page);
        assertEquals(Optional.of("title \"Fant ikke siden – Regjeringen\""), whole);
        for (int cut = 0; cut <= page.length(); cut++) {
            SoftNotFound.Scan scan = new SoftNotFound.Scan();
            scan.feed(page.substring(0, cut)).feed(page.substring(cut));
            assertEquals(whole, scan.verdict(), "cut at " + cut);
        }
    }

    @Test
    void anyPiecesGiveTheVerdictOfTheWhole() {
        for (String page : PAGES) {
            Optional<String> whole = SoftNotFound.detect(page);
            for (int size = 1; size <= 7; size++) {
                SoftNotFound.Scan scan = new SoftNotFound.Scan();
                for (int i = 0; i < page.length(); i += size) {
                    scan.feed(page.substring(i, Math.min(page.length(), i + size)));
                }
                assertEquals(whole, scan.verdict(), "pieces of " + size + ": " + page);
            }
        }
    }

    @Test
    void aPageCutAnywhereIsJudgedByWhatCame() {
        String page = benchPage("Fant ikke siden");
        for (int cut = 0; cut <= page.length(); cut += 7) {
            String start = page.substring(0, cut);
            assertEquals(DomSoftNotFound.detect(start).isPresent(), SoftNotFound.detect(start).isPresent(), "cut at " + cut);
        }
        // cut inside a tag, a comment, an attribute, a character reference
        assertEquals(Optional.empty(), SoftNotFound.detect("<title>Hei</title><p class=\"x"));
        assertEquals(Optional.empty(), SoftNotFound.detect("<title>Hei</title><!-- <h1>404</h1>"));
        assertEquals(Optional.of("title \"Fant ikke siden\""), SoftNotFound.detect("<title>Fant ikke siden"));
        assertEquals(Optional.of("title \"404 &ndas\""), SoftNotFound.detect("<title>404 &ndas"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 1000})
    void hostilePagesEndQuicklyInBoundedMemory(int pieces) {
        List<String> hostile = List.of(
                "<div>".repeat(200_000) + "Siden finnes ikke",
                "<" + "a".repeat(1_000_000),
                "<title>" + "Fant ikke siden ".repeat(100_000),
                "<!--" + "-".repeat(1_000_000),
                "<p title=\"" + ">".repeat(1_000_000),
                "&".repeat(1_000_000),
                "</".repeat(500_000),
                "<script>" + "</scrip".repeat(200_000),
                "<h1>" + "x ".repeat(1_000_000));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String page : hostile) {
                SoftNotFound.Scan scan = new SoftNotFound.Scan();
                int size = Math.max(1, page.length() / pieces);
                for (int i = 0; i < page.length(); i += size) {
                    scan.feed(page.substring(i, Math.min(page.length(), i + size)));
                }
                scan.verdict();
            }
        });
    }

    @Test
    void theDeclaredCharsetIsReadBeforeTheScan() {
        byte[] latin1 = "<html><head><meta charset=\"iso-8859-1\"><title>Kontakt</title></head><body><p>Siden du søger findes ikke</p>"
                .getBytes(StandardCharsets.ISO_8859_1);
        String html = CharsetSniffer.decode(latin1, "text/html; charset=iso-8859-1").text();
        assertEquals(Optional.of("text says \"siden du søger findes ikke\""), SoftNotFound.detect(html));
    }

    /**
     * The readability corpus (130 real pages, many languages and CMSs), as the checker reads them:
     * the first 64 KB, decoded; as they are, with a soft-404 title, with the words at the start of
     * their text, and cut short. The scan's verdict must be the DOM check's in every case.
     */
    @Test
    void agreesWithTheDomCheckOnTheCorpus() throws IOException {
        Path pages = SharedCorpora.path("readability", "test-pages");
        List<String> differences = new ArrayList<>();
        int compared = 0;
        int found = 0;
        try (Stream<Path> sources = Files.walk(pages)) {
            for (Path source : (Iterable<Path>) sources.filter(p -> p.getFileName().toString().equals("source.html")).sorted()::iterator) {
                byte[] bytes = Files.readAllBytes(source);
                byte[] start = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, CheckSettings.DEFAULT_PEEK_BYTES));
                String html = CharsetSniffer.decode(start, "text/html").text();
                List<String> variants = new ArrayList<>();
                variants.add(html);
                variants.add(html.replaceFirst("(?is)<title>.*?</title>", "<title>Fant ikke siden</title>"));
                variants.add(html.replaceFirst("(?is)(<body[^>]*>)", "$1<p>Siden finnes ikke.</p>"));
                variants.add(html.replaceFirst("(?is)(<h1[^>]*>)", "$1404 "));
                for (int cut = 1; cut < 4; cut++) {
                    variants.add(html.substring(0, html.length() * cut / 4));
                }
                for (String v : variants) {
                    Optional<String> dom = DomSoftNotFound.detect(v);
                    Optional<String> scan = SoftNotFound.detect(v);
                    compared++;
                    found += dom.isPresent() ? 1 : 0;
                    if (dom.isPresent() != scan.isPresent()) {
                        differences.add(source.getParent().getFileName() + ": dom " + dom + ", scan " + scan);
                    }
                }
            }
        }
        System.out.printf("[corpus] soft 404: %d pages and variants compared, %d soft 404s, %d differ%n", compared, found,
                differences.size());
        differences.forEach(d -> System.out.println("[corpus]   differs: " + d));
        assertTrue(compared > 800, "compared " + compared);
        assertEquals(List.of(), differences);
    }
}
