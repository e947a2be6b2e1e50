package no.kildevakt.review;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kildevakt.date.Oslo;
import no.kildevakt.digest.Period;
import no.kildevakt.digest.PeriodNames;

/**
 * The period the editor picked, as typed ({@code 2025-Q1}, {@code 2025-03}, {@code 2025}, from/to
 * days, or in words as {@link PeriodNames} reads them: {@code Q4 2024}, {@code okt–des 2024}) and as the digest understands it, with the neighbouring periods of the same kind for the
 * page's ‹ and › links. Parsing and the calendar units are the digest's ({@link Period#parse},
 * {@link Period.Unit}, {@link Period#days}), so the page and {@code kildevakt digest --period} read a
 * period alike; only the {@code FROM..TO} form, which carries the form's two days in one link, is the page's.
 *
 * @param text   the period as it goes back into links and the form ({@code 2025-Q1}, or {@code 2025-01-01..2025-02-15})
 * @param period the instants covered
 */
public record PeriodChoice(String text, Period period) {
    private static final Pattern DAYS = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

    /** The current quarter in Oslo, the page's default. */
    public static PeriodChoice currentQuarter(Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(Oslo.ZONE));
        return parse(Period.Unit.QUARTER.name(today));
    }

    /**
     * The issue being written on the clock's day: the current quarter, or the previous one while the
     * current quarter is younger than {@code grace} (in the first weeks of January the editors still
     * finish the October–December issue, and an almost empty new quarter is no place to start them).
     *
     * @param grace {@code settings.review_grace}; zero means always the current quarter
     */
    public static PeriodChoice issueBeingWritten(Clock clock, Duration grace) {
        PeriodChoice current = currentQuarter(clock);
        boolean early = clock.instant().isBefore(current.period().from().plus(grace));
        return early ? current.previous() : current;
    }

    /**
     * A period as typed: a quarter, month or year, or {@code FROM..TO} days.
     *
     * @throws IllegalArgumentException saying which forms are understood
     */
    public static PeriodChoice parse(String text) {
        // "Q4 2024", "okt–des 2024": read as the machine spelling it names, which goes back into links
        String t = PeriodNames.canonical(text).orElse(text.strip());
        Matcher days = DAYS.matcher(t);
        if (days.matches()) {
            return between(days.group(1), days.group(2));
        }
        Period p = Period.parse(t);
        // written back in one spelling: 2025q1 goes back into links as 2025-Q1
        return new PeriodChoice(Period.Unit.of(t).orElseThrow().name(p.firstDay()), p);
    }

    /** From and to days, both included. @throws IllegalArgumentException when either is not a date or to is before from */
    public static PeriodChoice between(String from, String to) {
        Period p = Period.days(from, to);
        return new PeriodChoice(p.firstDay() + ".." + p.lastDay(), p);
    }

    /** The period of the same kind just before: the previous quarter, month, year, or as many days. */
    public PeriodChoice previous() {
        return step(-1);
    }

    /** The period of the same kind just after. */
    public PeriodChoice next() {
        return step(1);
    }

    private PeriodChoice step(int direction) {
        LocalDate first = period.firstDay();
        Optional<Period.Unit> unit = Period.Unit.of(text);
        if (unit.isPresent()) {
            return parse(unit.get().name(unit.get().plus(first, direction)));
        }
        long length = ChronoUnit.DAYS.between(first, period.lastDay()) + 1;
        LocalDate from = first.plusDays(length * direction);
        return between(from.toString(), from.plusDays(length - 1).toString());
    }

    /** The days covered, in Norwegian ({@code 1. januar–31. mars 2025}). */
    public String range() {
        return period.label();
    }

    /** A name fit for a downloaded file: {@code 2025-q1}. */
    public String slug() {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
