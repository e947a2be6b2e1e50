package no.kildevakt.store;

import java.time.Instant;
import java.util.List;

/**
 * An item as kept in the store.
 *
 * @param id        stable row id (used by the review API)
 * @param source    the source that saw it first
 * @param sources   every source that has listed it, first one first
 * @param section   the section of the source that saw it first, as stored
 * @param published publication instant, or null
 * @param eventDate the date of the event for events sections, or null
 * @param firstSeen when kildevakt first stored it
 * @param status    new, accepted or rejected
 */
public record StoredItem(
        long id,
        String dedupeKey,
        String source,
        List<String> sources,
        String section,
        String title,
        String url,
        String guid,
        String summary,
        Instant published,
        Instant updated,
        java.time.LocalDate eventDate,
        Instant firstSeen,
        Instant lastSeen,
        String status) {

    public StoredItem {
        sources = List.copyOf(sources);
    }
}
