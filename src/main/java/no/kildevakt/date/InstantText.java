package no.kildevakt.date;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An instant as ISO-8601 UTC text, the fields written straight into place, and the store's form read
 * back the same way. Why: the JDK's formatters resolve fields through a general machine, and a date or
 * four is written for every item stored and every link reported: {@code DateTimeFormatter.format} was 1.5–2% of a crawl's and of a link check's
 * CPU, {@link Instant#toString} a third of writing a 5,000-link JSON report. Years outside 0000–9999
 * go to the JDK, which gives them their signs and widths.
 */
public final class InstantText {
    private static final DateTimeFormatter FIXED_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private InstantText() {
    }

    /**
     * Exactly three fraction digits ({@code 2024-12-06T10:15:30.000Z}): fixed width, so text order is
     * time order, which the store's date filters rely on. Precision is therefore milliseconds.
     */
    public static String fixedMillis(Instant instant) {
        char[] text = fields(instant, 24);
        if (text == null) {
            return FIXED_MILLIS.format(instant);
        }
        text[19] = '.';
        digits(text, 20, 3, instant.getNano() / 1_000_000);
        text[23] = 'Z';
        return new String(text);
    }

    /**
     * What {@link #fixedMillis} writes, read back field by field; null for anything else (another width, a
     * leap second, a day the month lacks), which the caller leaves to {@link Instant#parse} to read or refuse.
     */
    public static Instant readFixedMillis(String text) {
        if (text.length() != 24 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(23) != 'Z') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        int millis = number(text, 20, 3);
        if ((year | month | day | hour | minute | second | millis) < 0 || month < 1 || month > 12 || day < 1
                || day > YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
    }

    /**
     * What {@link Instant#toString} gives: no fraction when it is zero, else as many groups of three
     * digits as it needs.
     */
    public static String iso(Instant instant) {
        int nano = instant.getNano();
        int fraction = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
        int length = 20 + (fraction == 0 ? 0 : fraction + 1);
        char[] text = fields(instant, length);
        if (text == null) {
            return instant.toString();
        }
        if (fraction > 0) {
            text[19] = '.';
            digits(text, 20, fraction, nano / (fraction == 3 ? 1_000_000 : fraction == 6 ? 1_000 : 1));
        }
        text[length - 1] = 'Z';
        return new String(text);
    }

    /** {@code length} characters, the first 19 the date and time to the second; null outside years 0000–9999. */
    private static char[] fields(Instant instant, int length) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 0 || year > 9999) {
            return null;
        }
        char[] text = new char[length];
        digits(text, 0, 4, year);
        text[4] = '-';
        digits(text, 5, 2, utc.getMonthValue());
        text[7] = '-';
        digits(text, 8, 2, utc.getDayOfMonth());
        text[10] = 'T';
        digits(text, 11, 2, utc.getHour());
        text[13] = ':';
        digits(text, 14, 2, utc.getMinute());
        text[16] = ':';
        digits(text, 17, 2, utc.getSecond());
        return text;
    }

    /** The decimal number of {@code width} ASCII digits at {@code at}, or -1 if one is not a digit. */
    private static int number(String text, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Writes {@code value} as {@code width} decimal digits ending before {@code at + width}. */
    private static void digits(char[] text, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
