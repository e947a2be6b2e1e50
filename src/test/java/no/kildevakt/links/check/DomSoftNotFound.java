package no.kildevakt.links.check;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import no.kildevakt.text.OneLine;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The DOM-based soft-404 check that {@link SoftNotFound}'s scan replaced, kept in the tests as the
 * reference the scan must agree with (on the corpus, the benchmark's pages and cut pages).
 *
 * <p>Recognises a "soft 404": a page answered with 200 that says the page is missing. Many CMSs in
 * Norway, Sweden and Denmark do this (and a status code checker calls the link fine for ever).
 * Looks where such pages say it — the title, the first heading, and the start of the visible
 * text outside navigation — for the phrases they use in Norwegian (bokmål and nynorsk), Swedish,
 * Danish and English, and for "404" as a word in the title or first heading.
 *
 * <p>Conservative on purpose: an article that merely mentions "page not found" deep in its text is
 * not matched, since only the first {@value #BODY_START} characters of text count.
 */
final class DomSoftNotFound {
    /** How much of the visible text counts as "the start of the page". */
    static final int BODY_START = 600;

    /** Phrases of "this page is missing", lower case, apostrophes straightened. */
    static final List<String> PHRASES = List.of(
            // Norwegian bokmål and nynorsk
            "fant ikke siden", "finner ikke siden", "fann ikkje sida", "finn ikkje sida", "siden finnes ikke",
            "sida finst ikkje", "siden ble ikke funnet", "sida vart ikkje funnen", "side ikke funnet",
            "siden eksisterer ikke", "siden du leter etter finnes ikke", "siden du ba om finnes ikke",
            "denne siden finnes ikke", "siden er ikke tilgjengelig lenger", "siden finnes ikke lenger",
            "beklager, vi finner ikke", "vi fant ikke siden", "vi finner ikke siden", "kunne ikke finne siden",
            // Swedish
            "sidan finns inte", "sidan kunde inte hittas", "sidan hittades inte", "hittade inte sidan",
            "sidan saknas", "kan inte hitta sidan", "vi hittar inte sidan", "vi kunde inte hitta sidan",
            "sidan existerar inte", "sidan du söker finns inte", "sidan du letar efter finns inte",
            "den här sidan finns inte",
            // Danish
            "siden blev ikke fundet", "siden findes ikke", "siden kunne ikke findes", "side ikke fundet",
            "kan ikke finde siden", "vi kan ikke finde siden", "kunne ikke finde siden",
            "siden du leder efter findes ikke", "siden du søger findes ikke", "denne side findes ikke",
            // English
            "page not found", "page cannot be found", "page can't be found", "page could not be found",
            "page does not exist", "page doesn't exist", "page no longer exists", "page you are looking for",
            "page you were looking for", "page you requested could not", "page you requested was not found",
            "error 404", "404 error", "we can't find the page", "we couldn't find the page",
            "we couldn't find that page", "content not found", "article not found");

    private static final Pattern WORD_404 = Pattern.compile("(^|[^0-9a-z])404($|[^0-9a-z])");
    private static final Pattern TITLE_ONLY = Pattern.compile(
            "^(not found|ikke funnet|ikkje funne|hittades inte|ikke fundet|finnes ikke|finns inte|findes ikke)\\b");

    private DomSoftNotFound() {}

    /**
     * Looks at the start of an HTML page.
     *
     * @param htmlStart the decoded beginning of the page (a truncated document is fine)
     * @return the evidence, e.g. {@code title "Fant ikke siden"}, or empty when the page looks real
     */
    public static Optional<String> detect(String htmlStart) {
        if (htmlStart == null || htmlStart.isBlank()) {
            return Optional.empty();
        }
        Document doc = Jsoup.parse(htmlStart);
        String title = doc.title();
        if (says404(title) || TITLE_ONLY.matcher(normal(title)).find()) {
            return evidence("title", title);
        }
        Element h1 = doc.selectFirst("h1");
        if (h1 != null && says404(h1.text())) {
            return evidence("heading", h1.text());
        }
        Element body = doc.body();
        body.select("script, style, noscript, template, nav, header, footer, aside, [role=navigation], [aria-hidden=true]").remove();
        Element main = body.selectFirst("main, [role=main], article");
        String start = (main != null ? main : body).text();
        start = start.length() > BODY_START ? start.substring(0, BODY_START) : start;
        return phraseIn(normal(start)).map(phrase -> "text says \"" + phrase + "\"");
    }

    /** A title or heading that says "missing": one of the phrases, or "404" as a word. */
    private static boolean says404(String text) {
        String n = normal(text);
        return !n.isEmpty() && (WORD_404.matcher(n).find() || phraseIn(n).isPresent());
    }

    private static Optional<String> phraseIn(String normalText) {
        for (String phrase : PHRASES) {
            if (normalText.contains(phrase)) {
                return Optional.of(phrase);
            }
        }
        return Optional.empty();
    }

    private static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static Optional<String> evidence(String where, String text) {
        return Optional.of(where + " \"" + OneLine.of(text.strip(), 80) + "\"");
    }
}
