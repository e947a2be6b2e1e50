package no.kildevakt.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kildevakt.date.Oslo;

/**
 * The stretch of time a digest or draft covers: from (inclusive) to (exclusive), as instants, because
 * the store keeps instants and because {@code --since-last} must continue exactly where the previous
 * digest ended, to the second, so that nothing is mailed twice and nothing falls between two mails.
 * Calendar periods ({@code --period 2025-Q1}, {@code --from/--to}) begin and end at midnight in
 * Europe/Oslo, so a quarter is the quarter the editors see on their calendar, DST or not.
 *
 * @param from         first instant covered
 * @param to           first instant no longer covered
 * @param lateArrivals zero for calendar periods, which list what is dated in them. Non-zero for a running
 *                     window ({@code --since-last}), which lists what was <em>first seen</em> in it: also
 *                     items dated up to this long before it (a feed often lists an item days after the
 *                     date it carries, and a cron mail sent in between must not lose it), and coming
 *                     events only when announced in it (not the same conference in every mail)
 */
public record Period(Instant from, Instant to, Duration lateArrivals) {
    /** What {@code --since-last} covers when no digest was ever delivered. */
    public static final Duration FIRST_SINCE_LAST = Duration.ofDays(7);

    /** How late an item may be listed and still reach the next {@code --since-last} digest. */
    public static final Duration LATE_ARRIVALS = Duration.ofDays(14);

    /**
     * The calendar units a period can be named by: {@code --period}, and the review page, which steps
     * from a period to the one before or after it of the same unit.
     */
    public enum Unit {
        /** {@code 2025-Q1}, also {@code 2025Q1} and {@code 2025-q1}. */
        QUARTER("(\\d{4})-?[Qq]([1-4])"),
        /** {@code 2025-03}. */
        MONTH("(\\d{4})-(\\d{2})"),
        /** {@code 2025}. */
        YEAR("(\\d{4})");

        private final Pattern form;

        Unit(String form) {
            this.form = Pattern.compile(form);
        }

        /** The unit {@code text} has the form of (a month 13 still has a month's form; {@link Period#parse} refuses it). */
        public static Optional<Unit> of(String text) {
            String value = text == null ? "" : text.strip();
            for (Unit unit : values()) {
                if (unit.form.matcher(value).matches()) {
                    return Optional.of(unit);
                }
            }
            return Optional.empty();
        }

        /** The name {@link Period#parse} reads back as the unit {@code day} lies in: {@code 2025-Q1}, {@code 2025-03}, {@code 2025}. */
        public String name(LocalDate day) {
            return switch (this) {
                case QUARTER -> day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
                case MONTH -> YearMonth.from(day).toString();
                case YEAR -> Integer.toString(day.getYear());
            };
        }

        /** The day {@code steps} units after {@code day} (before it when negative). */
        public LocalDate plus(LocalDate day, int steps) {
            return switch (this) {
                case QUARTER -> day.plusMonths(3L * steps);
                case MONTH -> day.plusMonths(steps);
                case YEAR -> day.plusYears(steps);
            };
        }

        private Period period(Matcher m, String value) {
            return switch (this) {
                case QUARTER -> {
                    LocalDate first = LocalDate.of(year(m.group(1), value), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
                    yield days(first, first.plusMonths(3).minusDays(1));
                }
                case MONTH -> {
                    int month = Integer.parseInt(m.group(2));
                    if (month < 1 || month > 12) {
                        throw new IllegalArgumentException("\"" + value + "\": there is no month " + m.group(2));
                    }
                    YearMonth ym = YearMonth.of(year(m.group(1), value), month);
                    yield days(ym.atDay(1), ym.atEndOfMonth());
                }
                case YEAR -> {
                    int year = year(m.group(1), value);
                    yield days(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
                }
            };
        }
    }

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(lateArrivals, "lateArrivals");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period must end after it starts (" + from + " .. " + to + ")");
        }
        if (lateArrivals.isNegative()) {
            throw new IllegalArgumentException("lateArrivals must not be negative");
        }
    }

    /** The days {@code first} to {@code last}, both included, midnight to midnight in Oslo. */
    public static Period days(LocalDate first, LocalDate last) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("--from " + first + " is after --to " + last);
        }
        return new Period(startOf(first), startOf(last.plusDays(1)), Duration.ZERO);
    }

    /** Parses the two command-line dates ({@code 2025-03-01}); the second day is included. */
    public static Period days(String first, String last) {
        return days(date("--from", first), date("--to", last));
    }

    /**
     * A calendar period: a quarter ({@code 2025-Q1}, also {@code 2025Q1}, {@code 2025-q1}), a month
     * ({@code 2025-03}) or a year ({@code 2025}), or any of these as an editor writes them in Norwegian
     * ({@code Q1 2025}, {@code 1. kvartal 2025}, {@code jan–mar 2025}, {@code mars 2025}; see {@link PeriodNames}),
     * which also names months of one year that make no quarter ({@code jan–feb 2025}).
     *
     * @throws IllegalArgumentException with a message saying which forms are understood
     */
    public static Period parse(String text) {
        String value = text == null ? "" : text.strip();
        for (Unit unit : Unit.values()) {
            Matcher m = unit.form.matcher(value);
            if (m.matches()) {
                return unit.period(m, value);
            }
        }
        Optional<String> named = PeriodNames.canonical(value);
        if (named.isPresent()) {
            String[] range = named.get().split("\\.\\.");
            return range.length == 2 ? days(range[0], range[1]) : parse(named.get());
        }
        throw new IllegalArgumentException("\"" + value + "\" is not a period; use a quarter (2025-Q1, Q1 2025), a month (2025-03,"
                + " mars 2025), months of one year (jan–feb 2025) or a year (2025)");
    }

    /**
     * From the end of the last delivered digest to {@code now}; when none was delivered, the last
     * {@link #FIRST_SINCE_LAST 7 days}. Items listed late (dated up to {@link #LATE_ARRIVALS} before
     * the start, but first seen after it) count, since the previous digest could not have had them.
     *
     * @throws IllegalArgumentException when the last digest ends after {@code now} (a clock set back)
     */
    public static Period sinceLast(Optional<Instant> lastEnd, Instant now) {
        Instant from = lastEnd.orElse(now.minus(FIRST_SINCE_LAST));
        if (!from.isBefore(now)) {
            throw new IllegalArgumentException("the last delivered digest ends at " + from + ", which is not before now (" + now
                    + "); is the clock right?");
        }
        return new Period(from, now, LATE_ARRIVALS);
    }

    /** The Oslo day the period starts on; events from this day on are coming events. */
    public LocalDate firstDay() {
        return LocalDate.ofInstant(from, Oslo.ZONE);
    }

    /** The last Oslo day the period covers (the day of the last instant before {@code to}). */
    public LocalDate lastDay() {
        return LocalDate.ofInstant(to.minusNanos(1), Oslo.ZONE);
    }

    /** Whether this is a running window ({@code --since-last}) rather than a calendar period; see {@code lateArrivals}. */
    public boolean running() {
        return !lateArrivals.isZero();
    }

    /** Whether {@code instant} lies in the period. */
    public boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(from) && instant.isBefore(to);
    }

    /** The earliest instant an item may be dated and still belong here (see {@code lateArrivals}). */
    public Instant earliestDated() {
        return from.minus(lateArrivals);
    }

    /** The period in Norwegian, e.g. {@code 1.–31. mars 2025}. */
    public String label() {
        return NorwegianDates.range(firstDay(), lastDay());
    }

    /**
     * The issue this period names, as decisions, arrangements and hand-written entries are kept under it:
     * {@code 2024-Q4} for a whole quarter (however it was typed: {@code --from 2024-10-01 --to 2024-12-31}
     * is the same issue), {@code 2024-10} for a month, {@code 2024} for a year, else {@code FROM..TO} days.
     * A running window ({@code --since-last}) is no issue: null.
     */
    public String issue() {
        if (running()) {
            return null;
        }
        LocalDate first = firstDay();
        LocalDate last = lastDay();
        for (Unit unit : Unit.values()) {
            String name = unit.name(first);
            Period whole = Period.parse(name);
            if (whole.firstDay().equals(first) && whole.lastDay().equals(last)) {
                return name;
            }
        }
        return first + ".." + last;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(Oslo.ZONE).toInstant();
    }

    private static LocalDate date(String option, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(option + " needs a date (2025-03-01)");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": \"" + text.strip() + "\" is not a date (expected 2025-03-01)");
        }
    }

    private static int year(String digits, String value) {
        int year = Integer.parseInt(digits);
        if (year < 1970 || year > 2999) {
            throw new IllegalArgumentException("\"" + value + "\": year " + year + " is out of range (1970-2999)");
        }
        return year;
    }
}
