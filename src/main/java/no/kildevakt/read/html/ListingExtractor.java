package no.kildevakt.read.html;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.kildevakt.date.DateText;
import no.kildevakt.date.PageDate;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Applies {@link ListingSelectors} to one {@link HtmlPage}. Pure: no fetching, no clock of its
 * own (the reference day for dates without a year is passed in).
 *
 * <p>Per item element, a missing selector falls back to what listing pages nearly always do:
 * <ul>
 *   <li>title: the first heading ({@code h1}–{@code h6}) with text, else the first link with text;</li>
 *   <li>link: the title element's link (the element itself, an {@code a[href]} inside it, or the
 *       link around it), else the first link with text;</li>
 *   <li>date: a {@code datetime}, else a short piece of text that reads as a date
 *       ({@link DateFinder}); with {@code date_from_url}, the date in the link when the listing shows none;</li>
 *   <li>summary: the first paragraph that is neither the title nor the date.</li>
 * </ul>
 * Items without a title or a usable http(s) link are skipped; the warnings say how many and why,
 * one line per cause rather than one per item, so a changed layout is one line in the crawl
 * summary and not forty.
 */
public final class ListingExtractor {
    /**
     * Items read from one page. Listings show tens or hundreds; an archive that shows all its
     * years on one page has thousands, and its newest come first. Each entry keeps its texts, so
     * without a bound a 10 MB page of 300,000 links costs more than the page itself.
     */
    static final int MAX_ENTRIES = 5_000;
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private static final Evaluator LINKS = QueryParser.parse("a[href]");
    private static final Evaluator PARAGRAPHS = QueryParser.parse("p");

    /** What a page gave: the entries in document order and what went wrong, one line per cause. */
    public record Extraction(List<ListingEntry> entries, int matched, List<String> warnings) {
        public Extraction {
            entries = List.copyOf(entries);
            warnings = List.copyOf(warnings);
        }
    }

    private final Compiled selectors;
    private final boolean dateFromUrl;

    /**
     * @param selectors   the selectors to apply
     * @param dateFromUrl take the date from the item's link when the listing shows none
     * @throws IllegalArgumentException when a selector is not valid CSS; the message names it
     */
    public ListingExtractor(ListingSelectors selectors, boolean dateFromUrl) {
        this.selectors = new Compiled(selectors);
        this.dateFromUrl = dateFromUrl;
    }

    /** The entries of {@code page}; {@code reference} is "today" for dates shown without a year. */
    public Extraction extract(HtmlPage page, LocalDate reference) {
        List<Element> items = page.document().select(selectors.item);
        List<String> warnings = new ArrayList<>();
        if (items.isEmpty()) {
            warnings.add("selector item '" + selectors.source.item() + "' matched nothing (has the page layout changed?)");
            return new Extraction(List.of(), 0, warnings);
        }
        int matched = items.size();
        if (items.size() > MAX_ENTRIES) {
            warnings.add("listing has " + items.size() + " items; read the first " + MAX_ENTRIES);
            items = items.subList(0, MAX_ENTRIES);
        }
        List<ListingEntry> entries = new ArrayList<>();
        Tally noTitle = new Tally();
        Tally noLink = new Tally();
        Tally badDate = new Tally();
        int withoutDate = 0;
        for (Element item : items) {
            Element titleElement = titleElement(item);
            String title = titleElement == null ? "" : titleElement.text().strip();
            if (title.isEmpty()) {
                noTitle.add(item);
                continue;
            }
            Optional<String> url = link(item, titleElement).flatMap(page::resolve);
            if (url.isEmpty()) {
                noLink.add(item);
                continue;
            }
            Optional<PageDate> date = Optional.empty();
            String dateText = "";
            if (selectors.date != null) {
                Element dateElement = item.selectFirst(selectors.date);
                if (dateElement != null) {
                    Optional<DateFinder.Found> found = DateFinder.ofElement(dateElement, reference);
                    dateText = found.map(DateFinder.Found::text).orElse(dateElement.text().strip());
                    date = found.map(DateFinder.Found::date);
                    if (date.isEmpty() && !dateText.isEmpty()) {
                        badDate.add(dateText);
                    }
                }
            } else {
                Optional<DateFinder.Found> found = DateFinder.search(item, titleElement, reference);
                date = found.map(DateFinder.Found::date);
                dateText = found.map(DateFinder.Found::text).orElse("");
            }
            if (date.isEmpty() && dateFromUrl) {
                date = DateText.fromUrl(url.get()).map(PageDate::of);
            }
            if (date.isEmpty()) {
                withoutDate++;
            }
            entries.add(new ListingEntry(title, url.get(), date, dateText, summary(item, titleElement, dateText)));
        }
        noTitle.warn(warnings, items.size(), "no title" + (selectors.title == null ? "" : " (selector title '" + selectors.source.title().get() + "' found no text)"));
        noLink.warn(warnings, items.size(), "no http(s) link" + (selectors.link == null ? "" : " (selector link '" + selectors.source.link().get() + "')"));
        if (badDate.count > 0) {
            warnings.add(badDate.count + " of " + items.size() + " dates not understood, e.g. '" + badDate.example + "'");
        }
        if (!entries.isEmpty() && withoutDate == entries.size() && selectors.date != null) {
            warnings.add("selector date '" + selectors.source.date().get() + "' gave no date for any item");
        }
        return new Extraction(entries, matched, warnings);
    }

    private Element titleElement(Element item) {
        if (selectors.title != null) {
            Element e = item.selectFirst(selectors.title);
            return e == null || !e.hasText() ? null : e;
        }
        Element heading = longestHeading(item);
        return heading != null ? heading : firstLinkWithText(item);
    }

    /**
     * The heading with the most text: the title, where a kicker or a category label is also a
     * heading ({@code <h3>João Doria</h3><h2>Covas quebra promessa …</h2>}); the first of equals.
     */
    static Element longestHeading(Element item) {
        Element best = null;
        for (Element h : item.select(HEADINGS)) {
            if (h.hasText() && (best == null || h.text().length() > best.text().length())) {
                best = h;
            }
        }
        return best;
    }

    private Optional<String> link(Element item, Element titleElement) {
        if (selectors.link != null) {
            Element e = item.selectFirst(selectors.link);
            if (e == null) {
                return Optional.empty();
            }
            if (e.hasAttr("href")) {
                return Optional.of(e.attr("href"));
            }
            Element a = e.selectFirst(LINKS);
            return a == null ? Optional.empty() : Optional.of(a.attr("href"));
        }
        if (titleElement != null) {
            if (titleElement.hasAttr("href")) {
                return Optional.of(titleElement.attr("href"));
            }
            Element inside = titleElement.selectFirst(LINKS);
            if (inside != null) {
                return Optional.of(inside.attr("href"));
            }
            Element around = titleElement.closest("a[href]");
            if (around != null && DateFinder.isInside(around, item)) {
                return Optional.of(around.attr("href"));
            }
        }
        Element a = firstLinkWithText(item);
        if (a == null) {
            a = item.is("a[href]") ? item : item.selectFirst(LINKS);
        }
        return a == null ? Optional.empty() : Optional.of(a.attr("href"));
    }

    private String summary(Element item, Element titleElement, String dateText) {
        if (selectors.summary != null) {
            Element e = item.selectFirst(selectors.summary);
            return e == null ? "" : e.text().strip();
        }
        for (Element p : item.select(PARAGRAPHS)) {
            if (DateFinder.isInside(p, titleElement) || DateFinder.isInside(titleElement, p)) {
                continue;
            }
            String text = p.text().strip();
            if (!text.isEmpty() && !text.equals(dateText) && text.length() > dateText.length() + 20) {
                return text;
            }
        }
        return "";
    }

    private static Element firstLinkWithText(Element item) {
        if (item.is("a[href]") && item.hasText()) {
            return item;
        }
        for (Element a : item.select(LINKS)) {
            if (a.hasText() && !a.attr("href").strip().startsWith("#")) {
                return a;
            }
        }
        return null;
    }

    /** The selectors parsed once, so a bad one fails when the extractor is made, naming the key. */
    private static final class Compiled {
        final ListingSelectors source;
        final Evaluator item;
        final Evaluator title;
        final Evaluator link;
        final Evaluator date;
        final Evaluator summary;

        Compiled(ListingSelectors s) {
            source = s;
            item = compile("item", Optional.of(s.item()));
            title = compile("title", s.title());
            link = compile("link", s.link());
            date = compile("date", s.date());
            summary = compile("summary", s.summary());
            compile("next", s.next());
        }

        private static Evaluator compile(String key, Optional<String> css) {
            if (css.isEmpty()) {
                return null;
            }
            try {
                return QueryParser.parse(css.get());
            } catch (Selector.SelectorParseException e) {
                throw new IllegalArgumentException("selector " + key + " '" + css.get() + "' is not valid CSS: " + e.getMessage(), e);
            }
        }
    }

    /** Counts one kind of skipped item and remembers the first, for a one-line warning. */
    private static final class Tally {
        int count;
        String example;

        void add(Element item) {
            add(no.kildevakt.text.OneLine.of(item.text(), 60));
        }

        void add(String what) {
            if (count++ == 0) {
                example = what;
            }
        }

        void warn(List<String> warnings, int of, String why) {
            if (count > 0) {
                warnings.add(count + " of " + of + " items skipped: " + why + (example.isEmpty() ? "" : ", e.g. '" + example + "'"));
            }
        }
    }
}
