package no.kildevakt.item;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry as a reader found it, before normalisation: what every reader (feed, HTML listing,
 * JSON) hands to {@link ItemNormalizer}, so that items are made in one way whatever the source
 * type. Strings may hold HTML and entities; {@code link} is already resolved against whatever
 * base the document gives (xml:base, the channel link, {@code <base href>}, the document URL).
 * Every field is null when the source leaves it out.
 *
 * @param guid      the entry's own identifier (RSS guid / Atom id), or null; a listing has none
 * @param title     the title as written (may contain markup)
 * @param link      absolute URL of the entry's page
 * @param summary   description / summary / content, as HTML or text
 * @param published publication instant (pubDate, dc:date, published, issued; a listing's shown date)
 * @param updated   last update instant (atom:updated, dc:modified)
 * @param eventDate the day the event the entry announces starts, in an {@code events: true} section; null otherwise
 * @param keyedByLink whether the link is the entry's identity although it has no guid of its own (a listing's
 *                  items): the item is then keyed {@code url:<canonical link>} as a permalink guid would be,
 *                  so the same article listed by a feed and a page is stored once
 */
public record Entry(String guid, String title, String link, String summary, Instant published, Instant updated,
        LocalDate eventDate, boolean keyedByLink) {

    /** An entry of a feed: its guid is its identity, and it announces no event. */
    public Entry(String guid, String title, String link, String summary, Instant published, Instant updated) {
        this(guid, title, link, summary, published, updated, null, false);
    }
}
