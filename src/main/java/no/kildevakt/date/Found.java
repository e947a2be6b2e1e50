package no.kildevakt.date;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A date one {@link DateForm} found in a text, before any time after it is read.
 *
 * @param from  where the match starts in the text (the earliest match wins)
 * @param to    where it ends (a time may follow from here)
 * @param start the day, or the first day of a range
 * @param last  the last day of a range, or null
 * @param time  the time of day when the form itself carried one (ISO {@code T10:00}), else null
 * @param zone  the zone the form itself carried, else null
 */
record Found(int from, int to, LocalDate start, LocalDate last, LocalTime time, ZoneId zone) {
    static Found day(int from, int to, LocalDate start, LocalDate last) {
        return new Found(from, to, start, last, null, null);
    }
}
