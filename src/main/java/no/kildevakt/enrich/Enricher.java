package no.kildevakt.enrich;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import no.kildevakt.text.OneLine;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;
import no.kildevakt.date.Oslo;
import no.kildevakt.date.PageDate;
import no.kildevakt.fetch.AcceptHeaders;
import no.kildevakt.fetch.Fetch;
import no.kildevakt.fetch.FetchException;
import no.kildevakt.fetch.FetchRequest;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.item.Item;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.item.PlainText;
import no.kildevakt.item.UrlCanonicalizer;

/**
 * Fills what a listing leaves out (the date, the summary) from each new item's own page.
 *
 * <p><b>Which items.</b> Only items not yet stored (the caller says which are new), whose URL
 * identifies them (a URL shared by several items, or the listing's own, says nothing about any
 * one of them), and which either lack a date or a summary and come from a listing
 * ({@code type: html} or {@code json}), or come from a source with {@code enrich: true}. Each
 * such page is fetched once: a stored item is never new again, and two items of one round with
 * one URL share one fetch.
 *
 * <p><b>Politeness.</b> Pages are fetched through the shared fetcher, so robots.txt, the per-host
 * delay and the body limit apply. Each page is fetched as a link of its source
 * ({@link FetchRequest#origin()}): an item of a source on a public address is not fetched from a
 * loopback, link-local or private one (nor redirected there), so a hostile listing cannot make
 * kildevakt read the editor's own services; any http(s) host and port is otherwise fetched, as a
 * reader's browser would. At most {@code maxFetchesPerSource} pages are fetched per
 * source per run (default {@value #DEFAULT_MAX_FETCHES_PER_SOURCE}), in listing order (newest
 * first, on almost every listing), so that the first crawl of a long listing does not send a
 * burst of requests to one host; new items beyond the bound are stored as the listing gave them,
 * and a warning says how many.
 *
 * <p><b>What is filled.</b> Only what is missing: the publication instant from
 * {@link PageMetadata#published()}, the summary from its description (plain text, bounded like
 * feed summaries). The page's {@code rel=canonical} replaces the item's URL when it is a real
 * article address: on the same site, not the site's root or the listing page, and not shared with
 * another item of the round (sites that give every page one canonical exist). The dedupe key is
 * kept, so the item is recognised in later rounds; the canonical URL lets the store merge it with
 * the same article found through a feed.
 *
 * <p><b>Failures.</b> Enrichment never fails a round: a page that cannot be fetched or read is
 * a one-line warning and its item is kept as the listing gave it.
 */
public final class Enricher {

    /** Pages fetched per source per run when not told otherwise. */
    public static final int DEFAULT_MAX_FETCHES_PER_SOURCE = 30;

    /**
     * What enrichment did to a round's items.
     *
     * @param items    the items, in their order, with missing fields filled
     * @param warnings one line per page that could not be used, and one for items left over by the bound
     * @param fetches  pages fetched (attempted)
     */
    public record Enrichment(List<Item> items, List<String> warnings, int fetches) {
        public Enrichment {
            items = List.copyOf(items);
            warnings = List.copyOf(warnings);
        }
    }

    private final Fetch fetch;
    private final int maxFetchesPerSource;
    private final int summaryMaxChars;
    private final UrlCanonicalizer canonicalizer;
    private final Clock clock;

    /**
     * @param fetch               the shared fetcher
     * @param maxFetchesPerSource pages fetched per source per run, at least 0 (0 turns enrichment off)
     * @param summaryMaxChars     bound for summaries taken from pages
     * @param canonicalizer       cleans the pages' canonical URLs as item URLs are cleaned
     * @param clock               "today", for year-less dates on pages
     */
    public Enricher(Fetch fetch, int maxFetchesPerSource, int summaryMaxChars, UrlCanonicalizer canonicalizer, Clock clock) {
        if (maxFetchesPerSource < 0) {
            throw new IllegalArgumentException("maxFetchesPerSource must not be negative, was " + maxFetchesPerSource);
        }
        this.fetch = fetch;
        this.maxFetchesPerSource = maxFetchesPerSource;
        this.summaryMaxChars = summaryMaxChars;
        this.canonicalizer = canonicalizer;
        this.clock = clock;
    }

    /** The defaults: {@value #DEFAULT_MAX_FETCHES_PER_SOURCE} pages per source, feed-sized summaries. */
    public Enricher(Fetch fetch, Clock clock) {
        this(fetch, DEFAULT_MAX_FETCHES_PER_SOURCE, ItemNormalizer.DEFAULT_SUMMARY_MAX_CHARS, new UrlCanonicalizer(), clock);
    }

    /** Whether {@code item} of {@code source} is worth a fetch of its page, were it new. */
    public static boolean wants(SourceConfig source, Item item) {
        if (!item.urlIdentifiesItem()) {
            return false;
        }
        if (source.enrich()) {
            return true;
        }
        boolean listing = source.type() == SourceType.HTML || source.type() == SourceType.JSON;
        return listing && (item.published() == null || item.summary() == null || item.summary().isBlank());
    }

    /**
     * Enriches the new items of one source's round.
     *
     * @param isNew whether an item is not stored yet
     */
    public Enrichment enrich(SourceConfig source, List<Item> items, Predicate<Item> isNew) {
        Map<String, Optional<PageMetadata>> pages = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        int leftOver = 0;
        for (Item item : items) {
            if (!wants(source, item) || pages.containsKey(item.url()) || !isNew.test(item)) {
                continue;
            }
            if (pages.size() >= maxFetchesPerSource) {
                leftOver++;
                continue;
            }
            pages.put(item.url(), read(source, item.url(), warnings));
        }
        if (leftOver > 0) {
            warnings.add("enrich: " + leftOver + " more new item(s) not looked up (at most " + maxFetchesPerSource
                    + " pages per source per run); they keep what the listing gave");
        }
        if (pages.isEmpty()) {
            return new Enrichment(items, warnings, 0);
        }
        Map<String, Integer> canonicalCounts = new HashMap<>();
        pages.values().forEach(m -> m.flatMap(PageMetadata::canonical).ifPresent(c -> canonicalCounts.merge(c, 1, Integer::sum)));
        String listingUrl = canonicalizer.canonicalize(source.url().toString()).orElse("");
        List<Item> out = new ArrayList<>(items.size());
        for (Item item : items) {
            Optional<PageMetadata> meta = pages.getOrDefault(item.url(), Optional.empty());
            out.add(meta.map(m -> fill(item, m, listingUrl, canonicalCounts)).orElse(item));
        }
        return new Enrichment(out, warnings, pages.size());
    }

    private Optional<PageMetadata> read(SourceConfig source, String url, List<String> warnings) {
        try {
            // the source's address, not the page's, decides which networks the fetch may reach
            FetchResponse response = fetch.fetch(FetchRequest.of(URI.create(url)).withOrigin(source.url()).withAccept(AcceptHeaders.HTML));
            LocalDate today = LocalDate.now(clock.withZone(Oslo.ZONE));
            return Optional.of(PageMetadata.extract(response.body(), response.contentType(), response.finalUrl(), today));
        } catch (FetchException e) {
            warnings.add("enrich: " + OneLine.of(e.getMessage()));
        } catch (RuntimeException e) {
            // a hostile page must cost only its own item's enrichment
            warnings.add("enrich: " + url + ": " + OneLine.of(String.valueOf(e)));
        }
        return Optional.empty();
    }

    private Item fill(Item item, PageMetadata meta, String listingUrl, Map<String, Integer> canonicalCounts) {
        var published = item.published() != null ? item.published() : meta.published().map(PageDate::toInstant).orElse(null);
        String summary = item.summary();
        if ((summary == null || summary.isBlank()) && meta.description().isPresent()) {
            summary = PlainText.summary(meta.description().get(), summaryMaxChars);
        }
        String url = meta.canonical()
                .filter(c -> !c.equals(item.url()))
                .filter(c -> canonicalCounts.getOrDefault(c, 0) == 1)
                .filter(c -> !c.equals(listingUrl))
                .filter(c -> isArticleOnSameSite(c, item.url()))
                .orElse(item.url());
        return new Item(item.dedupeKey(), url, item.guid(), item.title(), summary, published, item.updated(),
                item.urlIdentifiesItem(), item.eventDate(), item.titleDerived());
    }

    /** A canonical URL on the item's site (www. or not) whose path is more than the root. */
    private static boolean isArticleOnSameSite(String canonical, String itemUrl) {
        try {
            URI c = URI.create(canonical);
            URI i = URI.create(itemUrl);
            String path = c.getRawPath() == null ? "" : c.getRawPath();
            return bareHost(c).equals(bareHost(i)) && !path.isEmpty() && !path.equals("/");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String bareHost(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }
}
