package no.kildevakt.read.html;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Finds the link to a listing's next page. With a {@code select.next} selector, that element's
 * {@code href} (or its first link's); otherwise what sites use, most explicit first:
 * {@code <link rel=next>}, {@code <a rel=next>}, a link whose class says next (WordPress'
 * {@code a.next.page-numbers}, Drupal's {@code li.pager-next a}), and a link labelled
 * Neste / Nästa / Næste / Next (or {@code ›}, {@code »}), as text, {@code aria-label} or {@code title}.
 */
public final class NextPageLink {
    private static final Evaluator REL_NEXT = QueryParser.parse("link[rel~=(?i)^next$][href], a[rel~=(?i)^next$][href]");
    private static final Evaluator CLASS_NEXT = QueryParser.parse(
            "a.next[href], a.pager__link--next[href], li.next a[href], li.pager-next a[href], li.pager__item--next a[href], .pagination-next a[href], a.pagination-next[href]");
    private static final Evaluator LINKS = QueryParser.parse("a[href]");
    private static final Set<String> LABELS = Set.of("neste", "neste side", "nästa", "nästa sida", "næste", "næste side",
            "next", "next page", "seuraava", "›", "»", ">", ">>", "→");
    private static final Pattern DECORATION = Pattern.compile("[\\s\\u00a0]*[›»→>]+$|^[‹«←<]+[\\s\\u00a0]*");

    private NextPageLink() {}

    /** The raw {@code href} of the next-page link on {@code page}, if it has one. */
    public static Optional<String> find(HtmlPage page, Optional<String> selector) {
        if (selector.isPresent()) {
            Element e = page.document().selectFirst(selector.get());
            if (e == null) {
                return Optional.empty();
            }
            Element a = e.hasAttr("href") ? e : e.selectFirst(LINKS);
            return a == null ? Optional.empty() : Optional.of(a.attr("href"));
        }
        Element rel = page.document().selectFirst(REL_NEXT);
        if (rel != null) {
            return Optional.of(rel.attr("href"));
        }
        Element byClass = page.document().selectFirst(CLASS_NEXT);
        if (byClass != null) {
            return Optional.of(byClass.attr("href"));
        }
        for (Element a : page.document().select(LINKS)) {
            if (isNextLabel(a.text()) || isNextLabel(a.attr("aria-label")) || isNextLabel(a.attr("title"))) {
                return Optional.of(a.attr("href"));
            }
        }
        return Optional.empty();
    }

    static boolean isNextLabel(String label) {
        String s = label.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.length() > 20) {
            return false;
        }
        if (LABELS.contains(s)) {
            return true;
        }
        String bare = DECORATION.matcher(s).replaceAll("").strip();
        return !bare.equals(s) && LABELS.contains(bare);
    }
}
