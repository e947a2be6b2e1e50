package no.kildevakt.date;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date forms feeds actually carry, for the values Rome's own date parser gives up on.
 *
 * <p>Two families are understood:
 * <ul>
 *   <li>W3C-DTF / ISO 8601 ({@code dc:date}, Atom): {@code 2026-08-20T10:00:00+02:00}, with or without
 *       seconds, fraction, zone ({@code Z}, {@code +02:00}, {@code +0200}, {@code +02}), a space instead
 *       of {@code T}, reduced precision ({@code 2026-08}, {@code 2026}), the compact {@code 20260820T1000Z}
 *       and two-digit-year {@code 26-08-20};</li>
 *   <li>RFC 822 and its real-world relatives (RSS {@code pubDate}): optional weekday, one- or two-digit
 *       day, short or long English month name, two- or four-digit year ({@code 00-49} → 20xx, {@code 50-99}
 *       → 19xx), missing seconds or time, numeric zones with or without colon and {@code GMT} prefix,
 *       named zones ({@code GMT}, {@code EST}, {@code CEST}, {@code MET}, {@code PT}, {@code Etc/GMT},
 *       {@code Europe/Oslo} …), commas without spaces, month before day, and asctime order. Norwegian,
 *       Danish and Swedish month names ({@code mai}, {@code okt}, {@code desember}; the table of
 *       {@link MonthNames}, which page dates use too) are accepted, and a
 *       leading weekday in any language is skipped ({@code mer, 16 nov 2022}).</li>
 * </ul>
 * A fraction of a second ({@code .001Z}, {@code .80Z}, also after an RFC 822 time) is kept to the
 * millisecond, the precision the store keeps, so entries a feed stamps within one second stay in order.
 * A value without a zone is taken as UTC (feeds give no better hint); an unknown alphabetic zone name is
 * also taken as UTC, because a date a few hours off is more useful to an editor than none. Anything
 * malformed or out of range (day 99, hour 25, zone {@code +zz:00}) gives empty — never an exception.
 */
public final class FeedDates {
    private static final Pattern W3C = Pattern.compile(
            "(\\d{4})(?:-(\\d{2,3})(?:-(\\d{2}))?)?"
            + "(?:[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT)?)?");
    private static final Pattern COMPACT = Pattern.compile(
            "(\\d{4})(\\d{2})(\\d{2})(?:[Tt](\\d{2}):?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?)?");
    private static final Pattern TWO_DIGIT_YEAR = Pattern.compile("(\\d{2})-?(\\d{2})-?(\\d{2})|-(\\d{2})-?(\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?");
    private static final Pattern NUMERIC_ZONE =
            Pattern.compile("(?i)(?:GMT|UTC|UT)?([+-])(\\d{1,2})(?::?(\\d{2}))?");

    private static final String[] WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday"};

    /** Zone abbreviations seen in feeds, as fixed offsets in hours (a named zone means what it says). */
    private static final Map<String, Integer> ZONE_HOURS = Map.ofEntries(
            Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0),
            Map.entry("WET", 0), Map.entry("WEST", 1), Map.entry("BST", 1),
            Map.entry("CET", 1), Map.entry("MET", 1), Map.entry("CEST", 2), Map.entry("MEST", 2),
            Map.entry("EET", 2), Map.entry("EEST", 3),
            Map.entry("AST", -4), Map.entry("ADT", -3), Map.entry("AT", -4),
            Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("ET", -5),
            Map.entry("CST", -6), Map.entry("CDT", -5), Map.entry("CT", -6),
            Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("MT", -7),
            Map.entry("PST", -8), Map.entry("PDT", -7), Map.entry("PT", -8));

    private FeedDates() {}

    /**
     * The fixed offset, in hours, of a zone abbreviation feeds use ({@code GMT}, {@code CEST}, {@code EST}
     * ...; any case), or empty when it is none. Shared with the page-date parser, so the two agree.
     */
    public static Optional<Integer> zoneHours(String abbreviation) {
        return Optional.ofNullable(ZONE_HOURS.get(abbreviation.toUpperCase(Locale.ROOT)));
    }

    /** The instant {@code text} denotes, or empty when it is not a date this class understands. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > 100) {
            return Optional.empty();
        }
        try {
            Matcher m = W3C.matcher(s);
            if (m.matches()) {
                return w3c(m);
            }
            m = COMPACT.matcher(s);
            if (m.matches()) {
                return w3c(m);
            }
            m = TWO_DIGIT_YEAR.matcher(s);
            if (m.matches()) {
                return m.group(1) != null
                        ? at(LocalDate.of(century(m.group(1)), num(m.group(2)), num(m.group(3))))
                        : at(LocalDate.of(century(m.group(4)), num(m.group(5)), 1));
            }
            return rfc822(s);
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> at(LocalDate date) {
        return Optional.of(date.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static Optional<Instant> w3c(Matcher m) {
        int year = num(m.group(1));
        int month = m.group(2) == null ? 1 : num(m.group(2));
        int day = m.group(3) == null ? 1 : num(m.group(3));
        LocalDate date = LocalDate.of(year, month, day);
        if (m.group(4) == null) {
            return at(date);
        }
        int second = m.group(6) == null ? 0 : num(m.group(6));
        LocalDateTime local = date.atTime(num(m.group(4)), num(m.group(5)), second, millisAsNanos(m.group(7)));
        String zone = m.group(8);
        ZoneOffset offset = ZoneOffset.UTC;
        if (zone != null && (zone.startsWith("+") || zone.startsWith("-"))) {
            Optional<ZoneOffset> parsed = numericZone(zone);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            offset = parsed.get();
        }
        return Optional.of(local.toInstant(offset));
    }

    /** A token-by-token reading, so that order variations (month first, asctime) need no extra patterns. */
    private static Optional<Instant> rfc822(String s) {
        String[] tokens = tokens(s);
        Integer day = null;
        Integer month = null;
        Integer year = null;
        LocalTime time = null;
        ZoneId zone = null;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.isEmpty()) {
                continue;
            }
            String word = token.endsWith(".") ? token.substring(0, token.length() - 1) : token;
            if (time == null && day == null && month == null && isName(word, WEEKDAYS)) {
                continue;
            }
            if (i == 0 && tokens.length > 1 && word.length() <= 9 && allLetters(word)
                    && monthNumber(word) == null) {
                continue; // a weekday in another language ("mer, 16 nov 2022", "tir, 17 sep 2026")
            }
            Integer monthNumber = monthNumber(word);
            if (monthNumber != null && month == null && time == null) {
                month = monthNumber;
                continue;
            }
            if (allDigits(word)) {
                int value = Integer.parseInt(word.length() > 6 ? "999999" : word);
                if (word.length() <= 2 && day == null && (month != null || i + 1 < tokens.length)) {
                    day = value;
                } else if (year == null && (word.length() == 4 || word.length() == 2 || word.length() == 3)) {
                    year = word.length() == 2 ? century(word) : word.length() == 3 ? 1900 + value : value;
                } else {
                    return Optional.empty();
                }
                continue;
            }
            Matcher t = TIME.matcher(word);
            if (time == null && t.matches()) {
                int second = t.group(3) == null ? 0 : num(t.group(3));
                time = LocalTime.of(num(t.group(1)), num(t.group(2)), second, millisAsNanos(t.group(4)));
                continue;
            }
            if (time != null && zone == null) {
                Optional<ZoneId> z = zone(word);
                if (z.isEmpty()) {
                    return Optional.empty();
                }
                zone = z.get();
                continue;
            }
            return Optional.empty();
        }
        if (day == null || month == null || year == null) {
            return Optional.empty();
        }
        LocalDateTime local = LocalDate.of(year, month, day).atTime(time == null ? LocalTime.MIDNIGHT : time);
        return Optional.of(local.atZone(zone == null ? ZoneOffset.UTC : zone).toInstant());
    }

    private static Optional<ZoneId> zone(String token) {
        if (token.startsWith("+") || token.startsWith("-") || NUMERIC_ZONE.matcher(token).matches()) {
            return numericZone(token).map(z -> z);
        }
        String upper = token.toUpperCase(Locale.ROOT);
        Integer hours = ZONE_HOURS.get(upper);
        if (hours != null) {
            return Optional.of(ZoneOffset.ofHours(hours));
        }
        if (upper.equals("ETC/GMT") || upper.equals("ETC/UTC")) {
            return Optional.of(ZoneOffset.UTC);
        }
        if (token.contains("/")) {
            try {
                return Optional.of(ZoneId.of(token));
            } catch (DateTimeException e) {
                return Optional.of(ZoneOffset.UTC);
            }
        }
        if (allLetters(token) && token.length() <= 5) {
            return Optional.of(ZoneOffset.UTC); // unknown abbreviation: better a little off than no date
        }
        return Optional.empty();
    }

    private static Optional<ZoneOffset> numericZone(String token) {
        Matcher m = NUMERIC_ZONE.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        String hoursText = m.group(2);
        String minutesText = m.group(3);
        if (minutesText == null && hoursText.length() == 2 && token.length() > 3 && token.matches(".*[+-]\\d{4}")) {
            minutesText = token.substring(token.length() - 2);
        }
        int hours = num(hoursText);
        int minutes = minutesText == null ? 0 : num(minutesText);
        if (hours > 18 || minutes > 59) {
            return Optional.empty();
        }
        int sign = m.group(1).equals("-") ? -1 : 1;
        return Optional.of(ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60)));
    }

    /** The month a word names or begins (three letters at least: "sep", "sept", "septemb"), or null. */
    private static Integer monthNumber(String word) {
        if (word.length() < 3 || !allLetters(word)) {
            return null;
        }
        return MonthNames.startedBy(word).orElse(null);
    }

    private static boolean isName(String word, String[] names) {
        if (word.length() < 2 || !allLetters(word)) {
            return false;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        for (String name : names) {
            if (name.startsWith(lower) && lower.length() >= 3) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code s} cut at runs of white space and commas, as {@code Pattern.compile("[\\s,]+").split(s)} cuts it
     * (an empty first token when {@code s} starts with one, no empty ones at the end). A loop, not the pattern: every
     * entry of every feed has a date or two, and the pattern's split was a fifth of reading them (a first
     * crawl's CPU profile).
     */
    static String[] tokens(String s) {
        List<String> tokens = new ArrayList<>(6);
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            if (isSeparator(s.charAt(i))) {
                int end = i;
                while (i < s.length() && isSeparator(s.charAt(i))) {
                    i++;
                }
                tokens.add(s.substring(start, end));
                start = i;
            } else {
                i++;
            }
        }
        if (tokens.isEmpty()) {
            return new String[] {s}; // no separator at all
        }
        tokens.add(s.substring(start));
        int size = tokens.size();
        while (size > 0 && tokens.get(size - 1).isEmpty()) {
            size--; // as split drops trailing empty strings: " " has no token at all
        }
        return tokens.subList(0, size).toArray(String[]::new);
    }

    /** What {@code [\\s,]} matches: ASCII white space (as {@code \\s} without UNICODE_CHARACTER_CLASS) and commas. */
    private static boolean isSeparator(char c) {
        return c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Whether every char of {@code word} is a letter (true for ""), as {@code chars().allMatch(Character::isLetter)}. */
    private static boolean allLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether every char of {@code word} is a digit (true for ""), as {@code chars().allMatch(Character::isDigit)}. */
    private static boolean allDigits(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int century(String twoDigits) {
        int y = Integer.parseInt(twoDigits);
        return y < 50 ? 2000 + y : 1900 + y;
    }

    /**
     * A fraction of a second ({@code 001}, {@code 80}, {@code 123456789}) as nanoseconds, kept to the
     * millisecond: the store keeps instants to the millisecond, and an instant read again from a feed
     * must equal the one stored.
     */
    private static int millisAsNanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String millis = (fraction + "00").substring(0, 3);
        return num(millis) * 1_000_000;
    }

    private static int num(String digits) {
        return Integer.parseInt(digits);
    }
}
