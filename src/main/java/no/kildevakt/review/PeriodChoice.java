package no.kildevakt.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kildevakt.date.Oslo;
import no.kildevakt.digest.Period;

/**
 * The period the editor picked, as typed ({@code 2025-Q1}, {@code 2025-03}, {@code 2025}, or from/to
 * days) and as the digest understands it, with the neighbouring periods of the same kind for the
 * page's ‹ and › links. Parsing is the digest's ({@link Period#parse}, {@link Period#days}), so the
 * page and {@code kildevakt digest --period} read a period alike.
 *
 * @param text   the period as it goes back into links and the form ({@code 2025-Q1}, or {@code 2025-01-01..2025-02-15})
 * @param period the instants covered
 */
public record PeriodChoice(String text, Period period) {
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern DAYS = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

    /** The current quarter in Oslo, the page's default. */
    public static PeriodChoice currentQuarter(Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(Oslo.ZONE));
        return quarter(today);
    }

    private static PeriodChoice quarter(LocalDate day) {
        return parse(day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1));
    }

    /**
     * A period as typed: a quarter, month or year, or {@code FROM..TO} days.
     *
     * @throws IllegalArgumentException saying which forms are understood
     */
    public static PeriodChoice parse(String text) {
        String t = text.strip();
        Matcher days = DAYS.matcher(t);
        if (days.matches()) {
            return between(days.group(1), days.group(2));
        }
        Matcher q = QUARTER.matcher(t);
        if (q.matches()) {
            t = q.group(1) + "-Q" + q.group(2);
        }
        return new PeriodChoice(t, Period.parse(t));
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
        if (QUARTER.matcher(text).matches()) {
            return quarter(first.plusMonths(3L * direction));
        }
        if (MONTH.matcher(text).matches()) {
            return parse(YearMonth.from(first).plusMonths(direction).toString());
        }
        if (YEAR.matcher(text).matches()) {
            return parse(Integer.toString(first.getYear() + direction));
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
