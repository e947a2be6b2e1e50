package no.kildevakt.item;

import java.time.Instant;

/**
 * A normalised item, ready to store: plain-text title and summary, canonical URL, a
 * dedupe key that is stable across runs and sources, and UTC instants.
 *
 * @param dedupeKey what makes two sightings the same item (see {@link ItemNormalizer})
 * @param url       canonical URL (tracking parameters removed)
 * @param guid      the feed's guid/id, or null
 * @param title     plain text, never blank
 * @param summary   plain text, bounded; empty when the feed gave none
 * @param published publication instant, or null when the source gave none
 * @param updated   update instant, or null
 * @param urlIdentifiesItem whether {@code url} identifies this item, so that a sighting of the
 *                  same URL under another key (another source, another guid scheme, an edited
 *                  title) is the same item. False when the feed gives one URL to several items,
 *                  or when the URL is only the feed's home page standing in for a missing link
 *                  (see {@link ItemNormalizer})
 */
public record Item(String dedupeKey, String url, String guid, String title, String summary, Instant published, Instant updated,
        boolean urlIdentifiesItem) {

    /** An item whose URL identifies it: the usual case. */
    public Item(String dedupeKey, String url, String guid, String title, String summary, Instant published, Instant updated) {
        this(dedupeKey, url, guid, title, summary, published, updated, true);
    }
}
