package no.kildevakt.date;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time zones as pages and feeds write them after a time: numeric offsets ({@code +0200},
 * {@code -01:01}, {@code GMT+1}), the abbreviations RFC 822 and real feeds use ({@code GMT},
 * {@code CEST}, {@code MET}, {@code EST}, {@code PT}), and region ids ({@code Europe/Oslo}).
 * An abbreviation not listed here is not a zone: a word after a time on a page is more often
 * text than an exotic zone, and the time is then read in Europe/Oslo.
 */
final class Zones {
    /** A zone token, as a regex fragment (case-sensitive: zone abbreviations are upper case). */
    static final String TOKEN = "(?:GMT|UTC|UT)?[+-]\\d{1,2}(?::?\\d{2})?(?![\\d:])"
            + "|Etc/(?:GMT|UTC)|[A-Z][a-z]+/[A-Z][A-Za-z_]+|[A-Z]{1,5}(?![\\p{L}])";

    private static final Pattern NUMERIC = Pattern.compile("(?:GMT|UTC|UT)?([+-])(\\d{1,2})(?::?(\\d{2}))?");

    /**
     * Fixed offsets in hours (a named zone in a date means the offset it names, summer or not): the
     * feed parser's abbreviations ({@link FeedDates#zoneHours}) plus the German ones pages also write.
     */
    private static final Map<String, Integer> GERMAN_HOURS = Map.of("MEZ", 1, "MESZ", 2);

    private Zones() {}

    /**
     * The zone {@code token} names. Empty when it is not a zone at all;
     * {@link Reading#INVALID} when it looks like an offset but is out of range ({@code +25:00}).
     */
    static Reading read(String token) {
        Matcher m = NUMERIC.matcher(token);
        if (m.matches()) {
            int hours = Integer.parseInt(m.group(2));
            String minutesText = m.group(3);
            int minutes = minutesText == null ? 0 : Integer.parseInt(minutesText);
            if (hours > 18 || minutes > 59) {
                return Reading.INVALID;
            }
            int sign = m.group(1).equals("-") ? -1 : 1;
            return new Reading(Optional.of(ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60))), true);
        }
        Integer hours = FeedDates.zoneHours(token)
                .orElse(GERMAN_HOURS.get(token.toUpperCase(Locale.ROOT)));
        if (hours != null) {
            return new Reading(Optional.of(ZoneOffset.ofHours(hours)), true);
        }
        if (token.startsWith("Etc/")) {
            return new Reading(Optional.of(ZoneOffset.UTC), true);
        }
        if (token.contains("/")) {
            try {
                return new Reading(Optional.of(ZoneId.of(token)), true);
            } catch (DateTimeException e) {
                return Reading.NONE;
            }
        }
        return Reading.NONE;
    }

    /**
     * @param zone  the zone, when the token was one
     * @param valid false when the token was a malformed offset, which spoils the whole date
     */
    record Reading(Optional<ZoneId> zone, boolean valid) {
        static final Reading NONE = new Reading(Optional.empty(), true);
        static final Reading INVALID = new Reading(Optional.empty(), false);
    }
}
