package no.kildevakt.item;

import java.time.Instant;
import java.time.LocalDate;

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
 * @param eventDate the day an announced event starts (conferences, courses, hearings' deadlines), or
 *                  null; a date, not an instant, because listings give days, not times
 * @param titleDerived whether {@code title} was made up because the entry had none (the first words of
 *                  the summary, or the URL): the store never lets such a title replace a real one
 */
public record Item(String dedupeKey, String url, String guid, String title, String summary, Instant published, Instant updated,
        boolean urlIdentifiesItem, LocalDate eventDate, boolean titleDerived) {

    /** An item with a title of its own. */
    public Item(String dedupeKey, String url, String guid, String title, String summary, Instant published, Instant updated,
            boolean urlIdentifiesItem, LocalDate eventDate) {
        this(dedupeKey, url, guid, title, summary, published, updated, urlIdentifiesItem, eventDate, false);
    }

    /** An item without an event date. */
    public Item(String dedupeKey, String url, String guid, String title, String summary, Instant published, Instant updated,
            boolean urlIdentifiesItem) {
        this(dedupeKey, url, guid, title, summary, published, updated, urlIdentifiesItem, null);
    }

    /** The same item with the start day of the event it announces. */
    public Item withEventDate(LocalDate day) {
        return new Item(dedupeKey, url, guid, title, summary, published, updated, urlIdentifiesItem, day, titleDerived);
    }

    /**
     * Whether the key is an opaque guid's ({@code guid:<host>:<guid>}), which is only unique within the
     * source that gave it; see {@link ItemNormalizer}.
     */
    public boolean keyedByOpaqueGuid() {
        return dedupeKey != null && dedupeKey.startsWith(ItemNormalizer.GUID_KEY_PREFIX);
    }

    /** An item whose URL identifies it: the usual case. */
    public Item(String dedupeKey, String url, String guid, String title, String summary, Instant published, Instant updated) {
        this(dedupeKey, url, guid, title, summary, published, updated, true);
    }
}
