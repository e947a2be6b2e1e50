package no.kildevakt.read.html;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.date.Oslo;
import no.kildevakt.date.PageDate;
import no.kildevakt.fetch.AcceptHeaders;
import no.kildevakt.fetch.Fetch;
import no.kildevakt.fetch.FetchException;
import no.kildevakt.fetch.FetchRequest;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.item.Entries;
import no.kildevakt.item.Entry;
import no.kildevakt.item.Item;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.read.SourceReadException;
import no.kildevakt.read.SourceReader;
import no.kildevakt.text.OneLine;

/**
 * Reads {@code type: html} sources: a listing page turned into items by the source's
 * {@code select:} selectors, or by {@link ListingDetector} when it has none.
 *
 * <p>With {@code pages: N} it follows the listing's next link ({@link NextPageLink}) up to N
 * pages, through the same polite fetcher as everything else, only on the listing's own host,
 * and stops at a page it has already read. A later page that cannot be fetched costs only
 * itself: the items of the pages before it are kept and a warning says what happened.
 *
 * <p>Items are normalised like feed items by {@link ItemNormalizer}: plain-text title and
 * summary, canonical URL, and the canonical URL as dedupe key (a listing has no guid; its link
 * is the item's identity, so the same article listed by a feed and a page is stored once).
 * A date shown without a time is the start of that day in Europe/Oslo, the newsletter's day.
 * In an {@code events: true} section the date is the event's (the start of a range), kept as
 * {@link Item#eventDate()}.
 */
public final class HtmlListingReader implements SourceReader {
    private final Fetch fetch;
    private final Predicate<String> eventSection;
    private final ItemNormalizer normalizer;
    private final ListingDetector detector;
    private final Clock clock;
    private final BoundedHtmlParser parser;

    /** A reader whose pages are parsed within {@link BoundedHtmlParser#DEFAULT}'s element budget. */
    public HtmlListingReader(Fetch fetch, Predicate<String> eventSection, ItemNormalizer normalizer,
            ListingDetector detector, Clock clock) {
        this(fetch, eventSection, normalizer, detector, clock, BoundedHtmlParser.DEFAULT);
    }

    /**
     * @param fetch        fetches further listing pages (the crawl's fetcher: polite, bounded)
     * @param eventSection whether a section id is an {@code events: true} section
     * @param normalizer   turns entries into items
     * @param detector     finds the listing on pages without selectors
     * @param clock        "today", for dates shown without a year
     * @param parser       parses each page within an element budget
     */
    public HtmlListingReader(Fetch fetch, Predicate<String> eventSection, ItemNormalizer normalizer,
            ListingDetector detector, Clock clock, BoundedHtmlParser parser) {
        this.fetch = fetch;
        this.eventSection = eventSection;
        this.normalizer = normalizer;
        this.detector = detector;
        this.clock = clock;
        this.parser = parser;
    }

    /**
     * What a listing gave, with what {@code kildevakt try} shows besides the items.
     *
     * @param items     normalised items, in page order, duplicates removed
     * @param entries   the entries as the pages showed them (before normalisation)
     * @param selectors the selectors used: the source's, or the detected ones
     * @param detected  whether {@code selectors} were detected rather than configured
     * @param pages     how many listing pages were read
     * @param warnings  one line per problem
     */
    public record Listing(List<Item> items, List<ListingEntry> entries, Optional<ListingSelectors> selectors,
            boolean detected, int pages, List<String> warnings) {
        public Listing {
            items = List.copyOf(items);
            entries = List.copyOf(entries);
            warnings = List.copyOf(warnings);
        }
    }

    @Override
    public String accept() {
        return AcceptHeaders.HTML;
    }

    @Override
    public Reading read(SourceConfig source, FetchResponse response) throws SourceReadException {
        Listing listing = readListing(source, response);
        return new Reading(listing.items(), listing.warnings());
    }

    /** Reads the listing that starts with {@code response}, following next links as the source allows. */
    public Listing readListing(SourceConfig source, FetchResponse response) throws SourceReadException {
        LocalDate today = LocalDate.now(clock.withZone(Oslo.ZONE));
        HtmlPage page = HtmlPage.parse(response.body(), response.contentType(), response.finalUrl(), parser);
        List<String> warnings = new ArrayList<>(page.warnings());

        Optional<ListingSelectors> selectors;
        boolean detected = false;
        try {
            selectors = ListingSelectors.of(source.select());
        } catch (IllegalArgumentException e) {
            throw new SourceReadException(e.getMessage(), e);
        }
        if (selectors.isEmpty()) {
            selectors = detector.detect(page, today).map(ListingDetector.Detection::selectors);
            detected = true;
            if (selectors.isEmpty()) {
                refuseIfCut(page);
                warnings.add("found no list of dated links on the page (has the page layout changed? pin it with select:)");
                return new Listing(List.of(), List.of(), Optional.empty(), true, 1, warnings);
            }
        }
        ListingExtractor extractor;
        try {
            extractor = new ListingExtractor(selectors.get(), source.dateFromUrl());
        } catch (IllegalArgumentException e) {
            throw new SourceReadException(e.getMessage(), e);
        }

        List<ListingEntry> entries = new ArrayList<>();
        Set<String> read = new HashSet<>();
        read.add(page.url().toString());
        int pages = 0;
        while (true) {
            pages++;
            ListingExtractor.Extraction extraction = extractor.extract(page, today);
            if (pages == 1 && extraction.entries().isEmpty()) {
                refuseIfCut(page);
            }
            entries.addAll(extraction.entries());
            String where = pages == 1 ? "" : "page " + pages + ": ";
            extraction.warnings().forEach(w -> warnings.add(where + w));
            if (pages >= source.pages()) {
                break;
            }
            Optional<URI> next = nextPage(page, selectors.get(), read);
            if (next.isEmpty()) {
                break;
            }
            try {
                FetchResponse nextResponse = fetch.fetch(FetchRequest.of(next.get()).withOrigin(source.url()).withAccept(AcceptHeaders.HTML));
                page = HtmlPage.parse(nextResponse.body(), nextResponse.contentType(), nextResponse.finalUrl(), parser);
                read.add(page.url().toString());
                String on = "page " + (pages + 1) + ": ";
                page.warnings().forEach(w -> warnings.add(on + w));
            } catch (FetchException e) {
                warnings.add("page " + (pages + 1) + " (" + next.get() + ") not read: " + OneLine.of(e.getMessage())
                        + "; kept the items of the pages before it");
                break;
            }
        }
        if (!entries.isEmpty() && entries.stream().allMatch(e -> e.date().isEmpty())) {
            warnings.add("no item shows a date" + (source.dateFromUrl() ? "" : " (set select.date, or date_from_url: true if links carry dates)"));
        }
        List<Item> items = normalise(source, entries);
        return new Listing(items, entries, selectors, detected, pages, warnings);
    }

    /**
     * A page cut at the element budget that gives no item is too large to read, and that is the
     * source's failure (so it is named, and backs off), not a quiet empty listing. A cut page that
     * gives items keeps them: a listing's newest items are at its top.
     */
    private static void refuseIfCut(HtmlPage page) throws SourceReadException {
        if (!page.cut().isEmpty()) {
            throw new SourceReadException("page too large to read: " + page.cut() + ", and found no items in that part", null);
        }
    }

    /** The next page to read: resolved, on the listing's host, not read before. */
    private static Optional<URI> nextPage(HtmlPage page, ListingSelectors selectors, Set<String> read) {
        Optional<String> url = NextPageLink.find(page, selectors.next()).flatMap(page::resolve);
        if (url.isEmpty() || read.contains(url.get())) {
            return Optional.empty();
        }
        URI next = URI.create(url.get());
        return sameSite(next, page.url()) ? Optional.of(next) : Optional.empty();
    }

    private static boolean sameSite(URI a, URI b) {
        return bareHost(a).equals(bareHost(b));
    }

    private static String bareHost(URI u) {
        String h = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    private List<Item> normalise(SourceConfig source, List<ListingEntry> entries) {
        boolean events = eventSection.test(source.section());
        // one link, one event: every entry on a link takes the first date shown for it
        java.util.Map<String, LocalDate> eventDays = new java.util.HashMap<>();
        for (ListingEntry e : entries) {
            e.date().ifPresent(d -> eventDays.putIfAbsent(e.url(), d.start()));
        }
        List<Entry> read = new ArrayList<>(entries.size());
        for (ListingEntry e : entries) {
            Instant published = e.date().map(PageDate::toInstant).orElse(null);
            // a listing has no guid: the link is the identity, so the dedupe key is url:<canonical link>
            read.add(new Entry(null, e.title(), e.url(), e.summary(), published, null,
                    events ? eventDays.get(e.url()) : null, true));
        }
        return normalizer.normalize(Entries.of(source.url().toString(), read));
    }
}
