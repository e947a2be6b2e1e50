package no.kildevakt.date;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A date as a web page states it: the day (or the first day of a range), the last day of a
 * range, and the exact instant when the text gave a time.
 *
 * <p>Pages mostly give days, not instants, so the day is the primary value and the instant
 * is optional. The crawler stores UTC instants; {@link #toInstant()} turns a bare day into the
 * start of that day in {@link Oslo#ZONE Europe/Oslo}, the newsletter's time zone, so that an item
 * dated "6. desember" on a Norwegian page is shown on the 6th, not at 23:00 on the 5th.
 *
 * @param start   the day stated, or the first day of a range ({@code 15.–16. januar} → the 15th)
 * @param end     the last day of a range, when the text gave one; never before {@code start}
 * @param instant the exact moment, when the text had a time (with its zone, or read in
 *                Europe/Oslo when it had none); empty for a bare day
 */
public record PageDate(LocalDate start, Optional<LocalDate> end, Optional<Instant> instant) {

    public PageDate {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(instant, "instant");
        if (end.isPresent() && end.get().isBefore(start)) {
            throw new IllegalArgumentException("range ends (" + end.get() + ") before it starts (" + start + ")");
        }
    }

    /** A single day with no time. */
    public static PageDate of(LocalDate day) {
        return new PageDate(day, Optional.empty(), Optional.empty());
    }

    /** An exact moment, stated on the page as {@code day} (the day in the zone the page used). */
    public static PageDate of(LocalDate day, Instant instant) {
        return new PageDate(day, Optional.empty(), Optional.of(instant));
    }

    /** A range of days. */
    public static PageDate range(LocalDate start, LocalDate end) {
        return new PageDate(start, end.equals(start) ? Optional.empty() : Optional.of(end), Optional.empty());
    }

    /** The instant to store: the stated moment, else the start of {@link #start} in Europe/Oslo. */
    public Instant toInstant() {
        return instant.orElseGet(() -> start.atStartOfDay(Oslo.ZONE).toInstant());
    }
}
