package no.kildevakt.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Which stored items to list. Null fields do not filter.
 *
 * @param source     only items listed by this source
 * @param since      only items published (or, lacking a date, first seen) at or after this instant
 * @param until      only items published (or first seen) before this instant
 * @param limit      at most this many, newest first; 0 for no limit
 * @param status     only items with this review status
 * @param eventsFrom also items, whenever published, whose event starts on or after this day: an
 *                   announcement from last quarter of a conference next quarter belongs in the next issue
 */
public record ItemQuery(String source, Instant since, Instant until, int limit, ReviewStatus status, LocalDate eventsFrom) {
    public ItemQuery(String source, Instant since, Instant until, int limit) {
        this(source, since, until, limit, null, null);
    }

    public static ItemQuery all() {
        return new ItemQuery(null, null, null, 0);
    }

    public ItemQuery withStatus(ReviewStatus s) {
        return new ItemQuery(source, since, until, limit, s, eventsFrom);
    }

    public ItemQuery withEventsFrom(LocalDate day) {
        return new ItemQuery(source, since, until, limit, status, day);
    }
}
