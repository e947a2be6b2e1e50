package no.kildevakt.item;

import java.time.Duration;
import java.time.Instant;

/**
 * Which publication dates a source can mean. Feeds give placeholders for "no date" (the epoch, year 1,
 * year 9999) and, now and then, a wrong year; taken at their word such items sort first forever, fall
 * outside every digest window, and print as {@code +10000-01-01}, which most readers of ISO dates reject.
 * A date before {@link #EARLIEST 1990} or more than {@link #AHEAD a day} after the crawl that read it is
 * therefore no date: the item is dated by when it was first seen, and the text is kept for the editor.
 * A day of slack allows for wrong time zones and items scheduled for tomorrow morning.
 */
public final class PlausibleDates {
    /** Nothing kildevakt watches was published on the web before this. */
    public static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

    /** How far ahead of the crawl a date may lie. */
    public static final Duration AHEAD = Duration.ofDays(1);

    private PlausibleDates() {}

    /** Whether {@code date}, read by a crawl at {@code now}, is a date the source can mean; false for null. */
    public static boolean plausible(Instant date, Instant now) {
        return date != null && !date.isBefore(EARLIEST) && !date.isAfter(now.plus(AHEAD));
    }
}
