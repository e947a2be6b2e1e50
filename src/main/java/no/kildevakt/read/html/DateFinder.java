package no.kildevakt.read.html;

import java.time.LocalDate;
import java.util.Optional;
import no.kildevakt.date.DateText;
import no.kildevakt.date.PageDate;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Finds the date a listing shows for one item, where no selector says where it is: machine
 * dates first ({@code datetime}, {@code content} of a date microdata property), then short
 * pieces of text that {@link DateText} reads as a date ({@code Publisert 06.12.2024},
 * {@code 13.3.2024 | News item}). Long text is not scanned: a date inside a sentence of the
 * lead is more often a date the item talks about than the day it was published.
 */
final class DateFinder {
    /** Text longer than this is prose, not a date label. */
    static final int MAX_DATE_TEXT = 80;

    private static final Evaluator MACHINE_DATES = QueryParser.parse(
            "time[datetime], [itemprop=datePublished][content], [itemprop=startDate][content], [property=article:published_time][content]");

    private DateFinder() {}

    /** A date and the element that showed it. */
    record Found(PageDate date, String text, Element element) {}

    /** The date {@code element} shows: its {@code datetime}/{@code content} attribute, else its text. */
    static Optional<Found> ofElement(Element element, LocalDate reference) {
        for (String attribute : new String[] {"datetime", "content"}) {
            String value = element.attr(attribute).strip();
            if (hasDigit(value)) {
                Optional<PageDate> date = DateText.parse(value, reference);
                if (date.isPresent()) {
                    return Optional.of(new Found(date.get(), value, element));
                }
            }
        }
        String text = element.text().strip();
        if (!hasDigit(text)) {
            return Optional.empty();
        }
        return DateText.parse(text, reference).map(d -> new Found(d, text, element));
    }

    /**
     * The first date inside {@code item}, skipping what lies inside {@code exclude} (the title
     * element: a title such as "Rapport 2024" must not become a date).
     */
    static Optional<Found> search(Element item, Element exclude, LocalDate reference) {
        for (Element machine : item.select(MACHINE_DATES)) {
            if (exclude == null || !isInside(machine, exclude)) {
                Optional<Found> found = ofElement(machine, reference);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        for (Element e : item.getAllElements()) {
            if (exclude != null && isInside(e, exclude)) {
                continue;
            }
            boolean holdsExcluded = exclude != null && isInside(exclude, e);
            // an element around the title can only contribute its own text, never the title's
            String text = holdsExcluded ? ownText(e) : e.text().strip();
            if (text.isEmpty() || text.length() > MAX_DATE_TEXT || !hasDigit(text)) {
                continue;
            }
            Optional<PageDate> date = DateText.parse(text, reference);
            if (date.isPresent()) {
                return Optional.of(holdsExcluded ? new Found(date.get(), text, e) : narrowest(e, date.get(), text, reference));
            }
        }
        return Optional.empty();
    }

    /** The innermost element under {@code e} that still shows the date, so a derived selector is specific. */
    private static Found narrowest(Element e, PageDate date, String text, LocalDate reference) {
        Found found = new Found(date, text, e);
        boolean descended = true;
        while (descended) {
            descended = false;
            for (Element child : found.element().children()) {
                String childText = child.text().strip();
                if (hasDigit(childText)) {
                    Optional<PageDate> d = DateText.parse(childText, reference);
                    if (d.isPresent() && d.get().start().equals(found.date().start())) {
                        found = new Found(d.get(), childText, child);
                        descended = true;
                        break;
                    }
                }
            }
        }
        return found;
    }

    /** Every date form has a digit (day or year); texts without one are not worth a parse. */
    static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String ownText(Element e) {
        StringBuilder sb = new StringBuilder();
        for (TextNode t : e.textNodes()) {
            sb.append(t.text()).append(' ');
        }
        return sb.toString().strip();
    }

    static boolean isInside(Element e, Element ancestor) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
