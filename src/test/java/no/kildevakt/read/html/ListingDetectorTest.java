package no.kildevakt.read.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The choices auto-detection makes between the page's main list and everything else that repeats. */
class ListingDetectorTest {
    private static final URI PAGE = URI.create("https://www.example.no/aktuelt/");

    private static Optional<ListingDetector.Detection> detect(String html) {
        return new ListingDetector().detect(HtmlPage.parse(html.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/html", PAGE),
                Fixtures.TODAY);
    }

    private static String links(String prefix, int n, String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("<li><a href='/").append(prefix).append("/side-").append(i).append("/undersider'>").append(text).append(' ').append(i)
                    .append("</a></li>");
        }
        return sb.toString();
    }

    @Test
    void aBigMenuAndADatedFooterLoseToThreeDatedNewsItems() {
        String html = "<div class='megamenu'><ul>" + links("tjenester", 40, "En ganske lang menytekst om tjenestene våre") + "</ul></div>"
                + "<div class='content'><ul class='news'>"
                + "<li class='n'><a href='/aktuelt/2024/sak-en'>Regjeringen legger fram ny handlingsplan</a> <span>06.12.2024</span></li>"
                + "<li class='n'><a href='/aktuelt/2024/sak-to'>Ny rapport om tvangsarbeid i Norge</a> <span>05.12.2024</span></li>"
                + "<li class='n'><a href='/aktuelt/2024/sak-tre'>Konferanse om menneskehandel i Bergen</a> <span>01.12.2024</span></li>"
                + "</ul></div><div id='footer'><ul>" + links("om", 12, "Om oss 01.01.2020") + "</ul></div>";
        ListingDetector.Detection d = detect(html).orElseThrow();
        assertEquals("li.n", d.selectors().item());
        assertEquals(3, d.items());
    }

    @Test
    void undatedLinkListsInMainStillWinOverNavigation() {
        String html = "<nav>" + links("meny", 20, "Menypunkt med lang tekst for navigasjon") + "</nav>"
                + "<main><div class='cards'>"
                + "<div class='card'><h3><a href='/rapporter/rapport-om-barn'>Rapport om barn og unge på nett</a></h3></div>"
                + "<div class='card'><h3><a href='/rapporter/rapport-om-arbeid'>Rapport om arbeidsinnvandring og utnytting</a></h3></div>"
                + "<div class='card'><h3><a href='/rapporter/rapport-om-vold'>Rapport om vold i nære relasjoner</a></h3></div>"
                + "</div></main>";
        ListingDetector.Detection d = detect(html).orElseThrow();
        assertEquals("div.card", d.selectors().item());
        assertEquals(Optional.of("h3"), d.selectors().title());
    }

    @Test
    void aPageOfOnlyNavigationAndFooterHasNoListing() {
        String html = "<header><nav><ul>" + links("a", 10, "Menypunkt nummer") + "</ul></nav></header>"
                + "<main><h1>Om oss</h1><p>Vi er en etat. Les mer i <a href='/om/historie'>historien</a>.</p></main>"
                + "<footer><ul>" + links("b", 15, "Bunnlenke 01.02.2024") + "</ul></footer>";
        assertTrue(detect(html).isEmpty());
    }

    @Test
    void theOuterRepeatedElementIsTheItemNotItsWrapperInside() {
        StringBuilder sb = new StringBuilder("<ul class='list'>");
        for (int i = 1; i <= 4; i++) {
            sb.append("<li class='item'><div class='inner'><a href='/sak/nummer-").append(i).append("'>Sak nummer ").append(i)
                    .append(" om et viktig tema</a><time datetime='2024-03-0").append(i).append("'>").append(i).append(". mars</time></div></li>");
        }
        ListingDetector.Detection d = detect(sb.append("</ul>").toString()).orElseThrow();
        assertEquals("li.item", d.selectors().item());
        assertEquals(Optional.of("time"), d.selectors().date());
    }

    @Test
    void itemsMarkedByKindAreOneList() {
        String html = "<div class='feed'>"
                + "<div class='post post-tv'><h3><a href='/articles/a-long-tv-story'>A long story about television</a></h3><time datetime='2017-02-15'>x</time></div>"
                + "<div class='post post-games'><h3><a href='/articles/a-long-game-story'>A long story about games</a></h3><time datetime='2017-02-16'>x</time></div>"
                + "<div class='post post-tv'><h3><a href='/articles/another-tv-story'>Another story about television</a></h3><time datetime='2017-02-17'>x</time></div>"
                + "<div class='post post-movies'><h3><a href='/articles/a-movie-story'>A long story about a movie</a></h3><time datetime='2017-02-18'>x</time></div>"
                + "</div>";
        ListingDetector.Detection d = detect(html).orElseThrow();
        assertEquals("div.post", d.selectors().item());
        assertEquals(4, d.items());
    }

    @Test
    void theSelectBlockIsQuotedYaml() {
        ListingSelectors s = new ListingSelectors("a[href*=\"/id\"]", Optional.of("h2 > a"), Optional.empty(), Optional.of("span.date"),
                Optional.empty(), Optional.empty());
        assertEquals("    select:\n      item: \"a[href*=\\\"/id\\\"]\"\n      title: \"h2 > a\"\n      date: \"span.date\"\n", s.yamlBlock(4));
    }
}
