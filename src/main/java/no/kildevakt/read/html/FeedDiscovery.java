package no.kildevakt.read.html;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.kildevakt.fetch.AcceptHeaders;
import no.kildevakt.fetch.Fetch;
import no.kildevakt.fetch.FetchException;
import no.kildevakt.fetch.FetchRequest;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.read.feed.FeedParseException;
import no.kildevakt.read.feed.FeedParser;
import no.kildevakt.read.feed.ParsedFeed;
import no.kildevakt.text.OneLine;
import org.jsoup.nodes.Element;

/**
 * Finds the feeds a site offers, for {@code kildevakt discover}: those a page advertises with
 * {@code <link rel="alternate" type="application/rss+xml|atom+xml|feed+json">}, and, only when
 * it advertises none that works, the paths feeds usually live at ({@code /feed/} and
 * {@code /feed} of WordPress, {@code /rss}, {@code /rss.xml}, {@code /atom.xml},
 * {@code /feed.xml}, {@code /index.xml}), probed one at a time until one answers with a feed.
 * Every candidate is fetched and parsed with {@link FeedParser} before it is offered, so a
 * snippet never names a feed that does not parse. All requests go through the polite fetcher;
 * a page that advertises many feeds costs at most {@link #MAX_ADVERTISED} of them.
 */
public final class FeedDiscovery {
    /** Advertised feeds verified at most; big portals advertise dozens of near-identical ones. */
    static final int MAX_ADVERTISED = 8;
    /** Where feeds usually live, relative to the site root; tried in this order. */
    static final List<String> COMMON_PATHS = List.of("/feed/", "/feed", "/rss", "/rss.xml", "/atom.xml", "/feed.xml", "/index.xml");

    private static final List<String> FEED_TYPES = List.of("application/rss+xml", "application/atom+xml", "application/feed+json",
            "application/rdf+xml", "application/xml", "text/xml");

    private final Fetch fetch;
    private final FeedParser parser;

    public FeedDiscovery(Fetch fetch, FeedParser parser) {
        this.fetch = fetch;
        this.parser = parser;
    }

    /**
     * A verified feed.
     *
     * @param url        the URL to put in feeds.yml (where the feed answered, after redirects)
     * @param title      the feed's own title, or the advertising link's title, or empty
     * @param format     e.g. {@code rss_2.0}, {@code atom_1.0}
     * @param entries    how many entries it holds now
     * @param advertised whether the page advertised it (else it was found at a common path)
     */
    public record FoundFeed(URI url, String title, String format, int entries, boolean advertised) {}

    /**
     * What discovery found.
     *
     * @param feeds the verified feeds, advertised ones first
     * @param notes one line per candidate that was tried and failed, or could not be verified
     */
    public record Discovery(List<FoundFeed> feeds, List<String> notes) {
        public Discovery {
            feeds = List.copyOf(feeds);
            notes = List.copyOf(notes);
        }
    }

    /** A feed link a page advertises. */
    public record Advertised(String url, String type, String title) {}

    /**
     * Discovers the feeds of the page at {@code url}.
     *
     * @throws FetchException when the page itself cannot be fetched
     */
    public Discovery discover(URI url) throws FetchException {
        FetchResponse page = fetch.fetch(FetchRequest.of(url).withAccept(AcceptHeaders.HTML));
        List<String> notes = new ArrayList<>();
        Optional<ParsedFeed> itself = parse(page);
        if (itself.isPresent()) {
            return new Discovery(List.of(found(page, itself.get(), "", true)), notes);
        }
        HtmlPage html = HtmlPage.parse(page.body(), page.contentType(), page.finalUrl());
        Map<String, FoundFeed> feeds = new LinkedHashMap<>();
        List<Advertised> advertised = advertised(html);
        for (Advertised a : advertised.subList(0, Math.min(MAX_ADVERTISED, advertised.size()))) {
            if (a.type().equals("application/feed+json")) {
                notes.add(a.url() + ": a JSON Feed; not verified (kildevakt reads RSS and Atom feeds, JSON through type json)");
                continue;
            }
            verify(URI.create(a.url()), url, a.title(), true, notes).ifPresent(f -> feeds.putIfAbsent(f.url().toString(), f));
        }
        if (advertised.size() > MAX_ADVERTISED) {
            notes.add((advertised.size() - MAX_ADVERTISED) + " more advertised feeds not checked");
        }
        if (feeds.isEmpty()) {
            for (String path : COMMON_PATHS) {
                URI candidate = page.finalUrl().resolve(path);
                Optional<FoundFeed> f = verify(candidate, url, "", false, notes);
                if (f.isPresent()) {
                    feeds.put(f.get().url().toString(), f.get());
                    break; // one is enough: the others are nearly always the same feed under another name
                }
            }
        }
        return new Discovery(new ArrayList<>(feeds.values()), notes);
    }

    /** The feed links {@code page} advertises, resolved, in page order, without duplicates. */
    public static List<Advertised> advertised(HtmlPage page) {
        Map<String, Advertised> found = new LinkedHashMap<>();
        for (Element link : page.document().select("link[rel][href], a[rel][href][type]")) {
            boolean alternate = List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("alternate");
            String type = link.attr("type").toLowerCase(Locale.ROOT).strip();
            int semicolon = type.indexOf(';');
            if (semicolon >= 0) {
                type = type.substring(0, semicolon).strip();
            }
            if (alternate && FEED_TYPES.contains(type)) {
                String t = type;
                page.resolve(link.attr("href")).ifPresent(u -> found.putIfAbsent(u, new Advertised(u, t, link.attr("title").strip())));
            }
        }
        return new ArrayList<>(found.values());
    }

    /** Fetches a candidate as a link of the page that named it, so a public page cannot point discovery at a private address. */
    private Optional<FoundFeed> verify(URI url, URI page, String title, boolean advertised, List<String> notes) {
        try {
            FetchResponse r = fetch.fetch(FetchRequest.of(url).withOrigin(page).withAccept(AcceptHeaders.FEED));
            Optional<ParsedFeed> feed = parse(r);
            if (feed.isEmpty()) {
                if (advertised) {
                    notes.add(url + ": advertised, but not a feed kildevakt can read");
                }
                return Optional.empty();
            }
            return Optional.of(found(r, feed.get(), title, advertised));
        } catch (FetchException e) {
            if (advertised) {
                notes.add(url + ": " + OneLine.of(e.getMessage()));
            }
            return Optional.empty();
        }
    }

    private Optional<ParsedFeed> parse(FetchResponse r) {
        try {
            return Optional.of(parser.parse(r.body(), r.contentType(), r.finalUrl()));
        } catch (FeedParseException e) {
            return Optional.empty();
        }
    }

    private static FoundFeed found(FetchResponse r, ParsedFeed feed, String linkTitle, boolean advertised) {
        String title = feed.title() != null && !feed.title().isBlank() ? OneLine.of(feed.title()) : linkTitle;
        return new FoundFeed(r.finalUrl(), title, feed.format(), feed.entries().size(), advertised);
    }
}
