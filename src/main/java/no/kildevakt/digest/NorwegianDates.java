package no.kildevakt.digest;

import java.time.Instant;
import java.time.LocalDate;
import no.kildevakt.date.Oslo;

/**
 * Dates as the newsletter writes them ({@code 6. desember 2024}, {@code 1.–31. mars 2025}). The month
 * names are spelt out here rather than taken from the JDK's locale data, whose Norwegian forms and
 * locale ids ({@code no}, {@code nb}) vary between JDKs and would change a mail's subject with the JVM.
 */
public final class NorwegianDates {
    private static final String[] MONTHS = {"januar", "februar", "mars", "april", "mai", "juni", "juli",
            "august", "september", "oktober", "november", "desember"};

    private NorwegianDates() {}

    /** {@code 6. desember 2024}. */
    public static String day(LocalDate date) {
        return date.getDayOfMonth() + ". " + month(date) + " " + date.getYear();
    }

    /** The Oslo day of an instant as {@link #day(LocalDate)}, or "" for null. */
    public static String day(Instant instant) {
        return instant == null ? "" : day(LocalDate.ofInstant(instant, Oslo.ZONE));
    }

    /**
     * A span of days with as little repetition as reads naturally: {@code 1.–31. mars 2025},
     * {@code 1. januar–31. mars 2025}, {@code 15. desember 2024–14. januar 2025}, or one day.
     */
    public static String range(LocalDate first, LocalDate last) {
        if (first.equals(last)) {
            return day(first);
        }
        if (first.getYear() != last.getYear()) {
            return day(first) + "–" + day(last);
        }
        if (first.getMonth() != last.getMonth()) {
            return first.getDayOfMonth() + ". " + month(first) + "–" + day(last);
        }
        return first.getDayOfMonth() + ".–" + day(last);
    }

    /** The month's name alone ({@code oktober}): "Kripos publiserte i oktober …". */
    public static String monthName(LocalDate date) {
        return month(date);
    }

    /**
     * A period as the newsletter's title block names it: {@code oktober–desember 2024} for months within a
     * year, {@code desember 2024–februar 2025} across years, {@code oktober 2024} for one month; a period
     * that does not run from a month's first to a month's last day is given as days ({@link #range}).
     */
    public static String months(LocalDate first, LocalDate last) {
        boolean wholeMonths = first.getDayOfMonth() == 1 && last.equals(last.withDayOfMonth(last.lengthOfMonth()));
        if (!wholeMonths) {
            return range(first, last);
        }
        if (first.getYear() != last.getYear()) {
            return month(first) + " " + first.getYear() + "–" + month(last) + " " + last.getYear();
        }
        if (first.getMonth() == last.getMonth()) {
            return month(first) + " " + first.getYear();
        }
        return month(first) + "–" + month(last) + " " + last.getYear();
    }

    private static String month(LocalDate date) {
        return MONTHS[date.getMonthValue() - 1];
    }
}
