package no.kildevakt.store;

import java.time.Instant;

/**
 * Which stored items to list. Null fields do not filter.
 *
 * @param source only items listed by this source
 * @param since  only items published (or, lacking a date, first seen) at or after this instant
 * @param until  only items published (or first seen) before this instant
 * @param limit  at most this many, newest first; 0 for no limit
 */
public record ItemQuery(String source, Instant since, Instant until, int limit) {
    public static ItemQuery all() {
        return new ItemQuery(null, null, null, 0);
    }
}
