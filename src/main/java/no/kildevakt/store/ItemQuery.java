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
 * @param issue      read the items as one issue sees them ("2024-Q4"): status, note, section and place
 *                   are those the editors gave for that issue (an item not decided for it is new there,
 *                   whatever other issues did with it). Null reads each item's latest decision in any issue
 */
public record ItemQuery(String source, Instant since, Instant until, int limit, ReviewStatus status, LocalDate eventsFrom,
        String issue) {
    public ItemQuery(String source, Instant since, Instant until, int limit, ReviewStatus status, LocalDate eventsFrom) {
        this(source, since, until, limit, status, eventsFrom, null);
    }

    public ItemQuery(String source, Instant since, Instant until, int limit) {
        this(source, since, until, limit, null, null, null);
    }

    public static ItemQuery all() {
        return new ItemQuery(null, null, null, 0);
    }

    public ItemQuery withStatus(ReviewStatus s) {
        return new ItemQuery(source, since, until, limit, s, eventsFrom, issue);
    }

    public ItemQuery withEventsFrom(LocalDate day) {
        return new ItemQuery(source, since, until, limit, status, day, issue);
    }

    /** The same query, read as issue {@code period} sees the items. */
    public ItemQuery forIssue(String period) {
        return new ItemQuery(source, since, until, limit, status, eventsFrom, period);
    }
}
