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
    /** How much of the visible text counts as "the start of the page": the scan's own figure. */
    static final int BODY_START = SoftNotFound.BODY_START;

    /** The scan's phrases: the reference differs from it only in how it reads the page. */
    static final List<String> PHRASES = SoftNotFound.PHRASES;

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
