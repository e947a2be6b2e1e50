package no.kildevakt.read.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kildevakt.date.DateText;
import no.kildevakt.date.Oslo;
import no.kildevakt.date.PageDate;

/**
 * Dates as JSON APIs give them: numbers of seconds or milliseconds since the epoch (told apart
 * by magnitude), the same as digit strings, .NET's {@code /Date(1787223052180+0200)/}, and any
 * text {@link DateText} reads (ISO 8601, {@code 2024-12-06 10:00:00}, "6 June 2023", ...).
 *
 * <p>Magnitude: below {@value #SECONDS_BELOW} a number is seconds (that many seconds is the
 * year 5138; that many milliseconds is March 1973, before any item we watch), else milliseconds.
 * Values before 1990 or more than a century ahead are no publication dates and are refused.
 * A bare number's day is its day in Europe/Oslo; a .NET date's day is the day in the offset it states.
 */
final class JsonDates {
    static final long SECONDS_BELOW = 100_000_000_000L;
    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    private static final Pattern DOTNET = Pattern.compile("\\\\?/?Date\\((-?\\d{1,15})([+-]\\d{4})?\\)\\\\?/?");
    private static final Pattern EPOCH_DIGITS = Pattern.compile("\\d{9,13}(?:\\.\\d+)?");

    private JsonDates() {}

    /** The date {@code value} holds; empty when it holds none. {@code today} resolves year-less text. */
    static Optional<PageDate> read(JsonNode value, LocalDate today) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return epoch(value.asDouble(), today);
        }
        if (!value.isTextual()) {
            return Optional.empty();
        }
        String text = value.asText().strip();
        Matcher dotnet = DOTNET.matcher(text);
        if (dotnet.matches()) {
            ZoneOffset offset = dotnet.group(2) == null ? ZoneOffset.UTC : offset(dotnet.group(2));
            if (offset == null) {
                return Optional.empty();
            }
            return instant(Long.parseLong(dotnet.group(1)), offset, today);
        }
        if (EPOCH_DIGITS.matcher(text).matches()) {
            return epoch(Double.parseDouble(text), today);
        }
        return DateText.parse(text, today);
    }

    /** A bare epoch number: its day is the day in Europe/Oslo, where the items are read. */
    private static Optional<PageDate> epoch(double number, LocalDate today) {
        if (!Double.isFinite(number) || number <= 0) {
            return Optional.empty();
        }
        long millis = number < SECONDS_BELOW ? Math.round(number * 1000) : Math.round(number);
        return instant(millis, Oslo.ZONE, today);
    }

    /** The instant, and as its day the date in the zone the source stated (UTC for a .NET date without offset). */
    private static Optional<PageDate> instant(long millis, ZoneId zone, LocalDate today) {
        try {
            Instant instant = Instant.ofEpochMilli(millis);
            if (instant.isBefore(EARLIEST) || instant.isAfter(today.plusYears(100).atStartOfDay(ZoneOffset.UTC).toInstant())) {
                return Optional.empty();
            }
            return Optional.of(PageDate.of(instant.atZone(zone).toLocalDate(), instant));
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static ZoneOffset offset(String text) {
        try {
            int hours = Integer.parseInt(text.substring(1, 3));
            int minutes = Integer.parseInt(text.substring(3, 5));
            int sign = text.charAt(0) == '-' ? -1 : 1;
            return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
