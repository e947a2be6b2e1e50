package no.kildevakt.links.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as "this page is missing" and, as important, what does not. */
class SoftNotFoundTest {

    @Test
    void theWarmUpPageIsJudgedASoft404() {
        // the warm-up must reach the phrase automaton, not stop at a blank page or a real one
        assertTrue(SoftNotFound.warmUp());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<title>Fant ikke siden</title>",
            "<title>Siden finnes ikke – Bufdir</title>",
            "<title>Side ikke funnet</title>",
            "<title>Sidan finns inte - Polisen</title>",
            "<title>Siden blev ikke fundet</title>",
            "<title>Siden findes ikke</title>",
            "<title>Page Not Found</title>",
            "<title>Error 404</title>",
            "<title>404</title>",
            "<title>Not Found</title>",
            "<title>Regjeringen</title><h1>404 – siden finnes ikke</h1>",
            "<title>Europol</title><body><nav>Home News</nav><main><p>Sorry, the page you are looking for could not be found.</p></main>",
            "<title>Polisen</title><body><header>Meny</header><p>Vi hittar inte sidan du letar efter.</p>"})
    void missingPages(String html) {
        assertTrue(SoftNotFound.detect("<html><head>" + html + "</html>").isPresent(), html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<title>Handlingsplan mot menneskehandel</title><h1>Handlingsplan</h1>",
            "<title>Årsrapport 2024</title><p>Rapporten omtaler 4040 saker.</p>",
            "<title>Tiltak</title><nav>Fant ikke siden? Søk her</nav><main><p>Regjeringen legger fram tiltak.</p></main>",
            "<title>Room 4049</title>",
            ""})
    void realPages(String html) {
        assertEquals(Optional.empty(), SoftNotFound.detect("<html><head>" + html + "</html>"), html);
    }

    @Test
    void theEvidenceSaysWhereItWasFound() {
        assertEquals(Optional.of("title \"Fant ikke siden\""), SoftNotFound.detect("<title>Fant ikke siden</title>"));
        assertEquals(Optional.of("text says \"siden finnes ikke\""),
                SoftNotFound.detect("<title>Nav</title><main><p>Beklager! Siden finnes ikke.</p></main>"));
    }
}
