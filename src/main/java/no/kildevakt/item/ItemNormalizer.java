package no.kildevakt.item;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the {@link Entry entries} a reader found into {@link Item}s: canonical URLs, plain text,
 * dedupe keys. Every source type's reader ends here, so items are made in one way.
 *
 * <p><b>Fields.</b> {@code title} is the plain text of the entry title; when that is blank,
 * the first words of the summary; when that is blank too, the URL (such a title is marked
 * {@link Item#titleDerived derived}, so that the store never lets it replace a real one). {@code summary} is plain
 * text bounded to {@code summaryMaxChars} (default {@value #DEFAULT_SUMMARY_MAX_CHARS}).
 * {@code url} is the canonical link ({@link UrlCanonicalizer}, resolved against the feed link
 * if relative); when the entry has no usable link but its guid is an http(s) URL, the
 * canonical guid; otherwise the feed's own link (the item's key is then title-based, so
 * it never merges with other items on that URL), except when the entry gave a link that was
 * refused ({@code javascript:}, {@code data:}, {@code vbscript:}, unparsable): then none
 * ({@link #NO_URL}), shown without a link; entries with no URL even then are dropped. {@code guid} is the trimmed guid or null. Instants are
 * passed through unchanged (they are UTC by nature), and so is an entry's event date; whether a date is one the source can mean
 * ({@link PlausibleDates}) depends on when it is read, so the store judges it by the crawl's clock. Entries with neither a usable URL nor a
 * non-blank title are dropped: an editor can do nothing with them.
 *
 * <p><b>Dedupe key.</b> The store treats two sightings with the same key as one item, so the
 * key must be the same in every run and, where possible, in every source:
 * <ol>
 *   <li>guid that is an http(s) URL: {@code url:<canonical guid>} — a permalink, so the same
 *       article listed by two feeds merges, tracking parameters or not. When several entries
 *       of one feed share such a guid (it is evidently no permalink), each gets
 *       {@code url:<canonical guid>#title:<normalised title>};</li>
 *   <li>other guid: {@code guid:<host>:<guid>}, host being the item URL's host or, lacking
 *       one, the feed link's host (empty when neither exists). Opaque guids such as
 *       {@code 12345} are only unique per publisher, hence the host. Not even that: two category
 *       feeds of one site may both number from 1, so the store keeps such keys per source (another
 *       source's guid {@code 1} is never the same item, while the same article still merges by its
 *       URL);</li>
 *   <li>no guid, but a URL: {@code url:<canonical url>#title:<normalised title>}, always. Feeds
 *       without guids may give one link to many items (Stortinget's hearings feed links every
 *       item to the hearings page), and whether a link is shared can change from one run to the
 *       next; a key that depended on that would change with it, and the item would be stored
 *       twice;</li>
 *   <li>neither guid nor URL (title only): {@code title:<feed host>:<normalised title>}.</li>
 * </ol>
 * The normalised title is the plain-text title in lower case ({@link Locale#ROOT}). An entry
 * {@link Entry#keyedByLink keyed by its link} (a listing's, which has no guid) is keyed as if its
 * link were its guid, so the same article listed by a feed and a page is stored once.
 *
 * <p><b>URL identity.</b> Keys are not the only way the store recognises an item: a sighting
 * with another key but the same URL is the same item (another source, another guid scheme,
 * an edited title) — but only when the URL identifies the item ({@link Item#urlIdentifiesItem}).
 * It does not when several entries of the feed share it, when it is the feed's own link, or
 * when it is the feed's link standing in for an entry that has none.
 *
 * <p><b>Within one feed</b> an entry whose key was already produced is dropped; the first
 * occurrence (in document order) wins.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ItemNormalizer {

    /** Summary bound used by the no-argument constructor. */
    public static final int DEFAULT_SUMMARY_MAX_CHARS = 600;

    /** Starts the key of an item known by an opaque (non-URL) guid, which only its own source's guids match. */
    public static final String GUID_KEY_PREFIX = "guid:";

    /**
     * The URL of an item whose link was refused ({@code javascript:}, {@code data:}, unparsable): none.
     * Empty rather than null because the store keeps a URL for every item; {@link
     * no.kildevakt.digest.WebLinks#safe} makes no link of it.
     */
    public static final String NO_URL = "";

    /** Joins the title to a {@code url:} key. */
    static final String TITLE_MARK = "#title:";

    /** How much of the summary stands in for a missing title. */
    static final int TITLE_FROM_SUMMARY_MAX_CHARS = 100;

    private final UrlCanonicalizer canonicalizer;
    private final int summaryMaxChars;

    /** Default canonicalizer, summaries bounded to {@value #DEFAULT_SUMMARY_MAX_CHARS} characters. */
    public ItemNormalizer() {
        this(new UrlCanonicalizer(), DEFAULT_SUMMARY_MAX_CHARS);
    }

    /** Default canonicalizer, summaries bounded to {@code summaryMaxChars} characters. */
    public ItemNormalizer(int summaryMaxChars) {
        this(new UrlCanonicalizer(), summaryMaxChars);
    }

    /**
     * @param canonicalizer   makes the canonical URLs
     * @param summaryMaxChars bound for summaries, at least 1
     * @throws IllegalArgumentException when {@code summaryMaxChars} is less than 1
     */
    public ItemNormalizer(UrlCanonicalizer canonicalizer, int summaryMaxChars) {
        if (canonicalizer == null) {
            throw new IllegalArgumentException("canonicalizer is null");
        }
        if (summaryMaxChars < 1) {
            throw new IllegalArgumentException("summaryMaxChars must be at least 1, was " + summaryMaxChars);
        }
        this.canonicalizer = canonicalizer;
        this.summaryMaxChars = summaryMaxChars;
    }

    /** Normalises every usable entry; entries with neither link nor title are dropped. */
    public List<Item> normalize(Entries feed) {
        URI feedBase = parseBase(feed.link());
        String feedUrl = feed.link() == null ? null : canonicalizer.canonicalize(feed.link()).orElse(null);
        String feedHost = hostOf(feedUrl);

        List<Draft> drafts = new ArrayList<>();
        for (Entry entry : feed.entries()) {
            draft(entry, feedBase, feedHost).ifPresent(drafts::add);
        }

        Map<String, Integer> urlCounts = new HashMap<>();
        Map<String, Integer> keyCounts = new HashMap<>();
        for (Draft draft : drafts) {
            if (draft.url() != null) {
                urlCounts.merge(draft.url(), 1, Integer::sum);
            }
            keyCounts.merge(draft.key(), 1, Integer::sum);
        }

        Set<String> seen = new LinkedHashSet<>();
        List<Item> items = new ArrayList<>();
        for (Draft draft : drafts) {
            boolean sharedUrl = draft.url() != null && (urlCounts.get(draft.url()) > 1 || draft.url().equals(feedUrl));
            String key = draft.key();
            if (draft.guidIsUrl() && keyCounts.get(key) > 1) {
                key = key + TITLE_MARK + normalisedTitle(draft.title());
            }
            // An entry without a link of its own points at the feed's home page rather than
            // nowhere: the editor can still find it there. Nothing is matched on that URL. One whose
            // link was refused (javascript:, data: ...) keeps none: the home page would pass for its
            // own link, and hide that the feed gave a link nobody should follow.
            String url = draft.url() != null ? draft.url() : draft.refusedLink() ? NO_URL : feedUrl;
            boolean urlIdentifies = draft.url() != null && !sharedUrl;
            if (url != null && seen.add(key)) {
                items.add(new Item(key, url, draft.guid(), draft.title(), draft.summary(),
                        draft.entry().published(), draft.entry().updated(), urlIdentifies, draft.entry().eventDate(),
                        draft.titleDerived()));
            }
        }
        return List.copyOf(items);
    }

    /** An entry on its way to becoming an item, before shared URLs are known. */
    private record Draft(Entry entry, String url, String guid, String title, boolean titleDerived, String summary,
                         String key, boolean guidIsUrl, boolean refusedLink) {
    }

    private Optional<Draft> draft(Entry entry, URI feedBase, String feedHost) {
        String link = entry.link() == null ? null : canonicalizer.canonicalize(entry.link(), feedBase).orElse(null);
        String ownGuid = stripped(entry.guid());
        // a listing's entry has no guid, but its link is its identity: keyed as a permalink guid would be
        String guid = ownGuid == null && entry.keyedByLink() ? stripped(entry.link()) : ownGuid;
        String guidUrl = guid != null && isHttpUrl(guid) ? canonicalizer.canonicalize(guid).orElse(null) : null;
        String url = link != null ? link : guidUrl;

        String ownTitle = PlainText.of(entry.title());
        if (url == null && ownTitle.isEmpty()) {
            return Optional.empty();
        }
        String title = ownTitle;
        if (title.isEmpty()) {
            title = PlainText.summary(entry.summary(), TITLE_FROM_SUMMARY_MAX_CHARS);
        }
        if (title.isEmpty()) {
            title = url;
        }
        boolean titleDerived = ownTitle.isEmpty();
        String summary = PlainText.summary(entry.summary(), summaryMaxChars);

        String key;
        if (guidUrl != null) {
            key = "url:" + guidUrl;
        } else if (guid != null) {
            String host = url != null ? hostOf(url) : feedHost;
            key = GUID_KEY_PREFIX + (host == null ? "" : host) + ":" + guid;
        } else if (url != null) {
            key = "url:" + url + TITLE_MARK + normalisedTitle(title);
        } else {
            key = "title:" + (feedHost == null ? "" : feedHost) + ":" + normalisedTitle(title);
        }
        boolean refused = link == null && stripped(entry.link()) != null;
        return Optional.of(new Draft(entry, url, ownGuid, title, titleDerived, summary, key, guidUrl != null, refused));
    }

    private static String stripped(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean isHttpUrl(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    static String normalisedTitle(String title) {
        return PlainText.clean(title).toLowerCase(Locale.ROOT);
    }

    private URI parseBase(String link) {
        if (link == null) {
            return null;
        }
        // the canonical form always parses; a raw link with spaces or braces might not
        return canonicalizer.canonicalize(link).map(URI::create).orElse(null);
    }

    /** Host of a canonical URL; via the raw authority because {@link URI#getHost()} rejects {@code a_b.example}. */
    static String hostOf(String canonicalUrl) {
        if (canonicalUrl == null) {
            return null;
        }
        try {
            String authority = URI.create(canonicalUrl).getRawAuthority();
            if (authority == null) {
                return null;
            }
            int at = authority.lastIndexOf('@');
            String hostAndPort = authority.substring(at + 1);
            if (hostAndPort.startsWith("[")) {
                int close = hostAndPort.indexOf(']');
                return close < 0 ? hostAndPort : hostAndPort.substring(0, close + 1);
            }
            int colon = hostAndPort.indexOf(':');
            return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
