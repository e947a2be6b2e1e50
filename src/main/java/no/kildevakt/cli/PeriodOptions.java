package no.kildevakt.cli;

import no.kildevakt.digest.Period;
import picocli.CommandLine.Option;

/**
 * {@code --from/--to/--period}: the calendar period of {@code digest} and {@code draft}, declared once
 * so that both commands offer, check and read a period alike. {@code digest} has a further way,
 * {@code --since-last}, which it passes to {@link #requireOne}.
 */
final class PeriodOptions {
    @Option(names = "--from", paramLabel = "D", description = "first day of the period (2025-03-01, Europe/Oslo)")
    String from;

    @Option(names = "--to", paramLabel = "D", description = "last day of the period, included (2025-03-31)")
    String to;

    @Option(names = "--period", paramLabel = "P", description = "a quarter (2025-Q1, \"Q1 2025\"), month (2025-03, \"mars 2025\"), months of a year (\"jan–feb 2025\") or year (2025)")
    String period;

    /**
     * Exactly one of the ways to give a period, and --from with --to.
     *
     * @param sinceLast whether {@code --since-last} was given (always false for {@code draft})
     * @throws IllegalArgumentException saying what is missing or given twice
     */
    void requireOne(boolean sinceLast) {
        int ways = (from != null || to != null ? 1 : 0) + (period != null ? 1 : 0) + (sinceLast ? 1 : 0);
        if (ways == 0) {
            throw new IllegalArgumentException("which period? give --from D --to D, --period P (2025-Q1) or --since-last");
        }
        if (ways > 1) {
            throw new IllegalArgumentException("give only one of --from/--to, --period and --since-last");
        }
        if (from != null && to == null || from == null && to != null) {
            throw new IllegalArgumentException(from == null ? "--to needs --from" : "--from needs --to (the last day, included)");
        }
    }

    /** The period of {@code --from/--to} or {@code --period}. @throws IllegalArgumentException when it is not one */
    Period calendarPeriod() {
        return period != null ? Period.parse(period) : Period.days(from, to);
    }
}
