package no.kildevakt.date;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one date parser for everything scraped: listing pages, JSON fields, page metadata, URLs.
 *
 * <p><b>Why one parser.</b> A date written on a page ("Publisert 06.12.2024", "15. januar –
 * 3. februar 2025", "13.3.2024 | News item") has to be read the same way wherever it turns up,
 * and every new quirk fixed here is fixed for every source.
 *
 * <p><b>How.</b> A text that is exactly an ISO 8601 or RFC 1123 value is read by
 * {@link DateTimeFormatter} (a month alone, {@code 2024-12}, is its first day; a year alone is no date). Anything else is scanned for the earliest date written in one of
 * these forms ({@link DateForm}), whatever text surrounds it (labels, weekdays, separators):
 * <ul>
 *   <li>ISO dates in text: {@code 2024-12-06}, {@code 2024-12-06T10:00+01:00}, {@code 2006/09/15};</li>
 *   <li>day first, European: {@code 06.12.2024}, {@code 6.12.2024}, {@code 06-12-2024},
 *       {@code 06/12/2024}, {@code 06.12.24} (two-digit years only with dots and two-digit day and
 *       month, which versions rarely have), and ranges {@code 15.–16.01.2025};</li>
 *   <li>day and month name: {@code 17. desember 2024}, {@code 26. jul. 2021}, {@code 6 June 2023},
 *       {@code 29 APRIL 2024}, {@code 15 mars 2023}, Swedish ordinals {@code 3:e mars 2015},
 *       {@code 1:a mars}, year-less {@code 15. januar}, and ranges
 *       {@code 15.–16. januar 2025}, {@code 6-8 May 2025}, {@code 30. sep.–2. okt. 2025},
 *       {@code 30. desember 2024 – 2. januar 2025};</li>
 *   <li>month name first, English: {@code June 6, 2023}, {@code Mar 20, 2020}, {@code May 6–8, 2025},
 *       and year-less as listings write them, {@code Feb 18}, {@code februar 15} (not after a word that
 *       is also no month, {@code may 3}, {@code Jan 5}, {@code jul 3}).</li>
 * </ul>
 * Month names are Norwegian (bokmål and nynorsk), Swedish, Danish and English, long or
 * abbreviated, with or without a period, in any case ({@link MonthNames}). A time right after
 * the date ({@code 10:00}, {@code kl. 14.00}, {@code 3:30 pm}) with an optional zone
 * ({@code +0200}, {@code CEST}, {@code GMT}, {@code Europe/Oslo}) makes the date an instant.
 * As a last resort the text goes through the feed parser's RFC 822 reading ({@link FeedDates}),
 * which knows asctime and other feed orders.
 *
 * <p><b>Time zones.</b> A time without a zone is read in {@link Oslo#ZONE Europe/Oslo};
 * a bare day has no instant, and {@link PageDate#toInstant()} puts it at the start of that day
 * in Europe/Oslo.
 *
 * <p><b>Not dates.</b> Impossible days (31.02.) are rejected, and so are matches glued to other
 * digits or letters ({@code 1.2.2024.5}, {@code v2.1.2024}, {@code Aug 7, 2014Aug 7, 2014}), numbers after "version", "tlf.",
 * "kr" or a currency sign, and a date whose time or zone is malformed ({@code 1:2:3:4},
 * {@code +zz:00}).
 *
 * <p><b>Years.</b> A year-less date is put in the year that brings it nearest the reference day
 * (by default today in Europe/Oslo), so "15. januar" seen in December is next January. A
 * two-digit year is put in the century that places it within 79 years before and 20 years after
 * the reference year.
 *
 * <p>Stateless and thread-safe; never throws on any input.
 */
public final class DateText {

    /** Longer texts are read only this far: a date element is short, and the scan must stay cheap. */
    static final int MAX_SCAN_CHARS = 2_000;

    private static final String MONTH = "(?:" + MonthNames.ALTERNATION + ")(?![\\p{L}])\\.?";
    /** Between the days of a range: dashes, "til", "to" …, and "og"/"och"/"and" ("1. og 2. desember": the first day counts). */
    private static final String RANGE = "\\s*(?:[-‐‑‒–—−&]|\\b(?:til|till|to|until|bis|og|och|and)\\b)\\s*";
    /** After a day: "15.", "15th", "1er", and Swedish "15:e", "1:a". */
    private static final String ORDINAL = "(?:\\.|st|nd|rd|th|er|:e|:a)?";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern ISO = Pattern.compile(
            "(?<![\\p{L}\\d/.-])(?<y>\\d{4})(?<sep>[-/])(?<mo>0?\\d{1,2})\\k<sep>(?<d>\\d{1,2})"
            + "(?:T(?<h>\\d{1,2}):(?<mi>\\d{2})(?::(?<s>\\d{2})(?:[.,]\\d{1,9})?)?(?<z>Z|[+-]\\d{2}(?::?\\d{2})?(?![\\d:]))?)?"
            + "(?![\\p{L}\\d+-])(?![/:]\\d)");

    private static final Pattern DAY_FIRST_NUMERIC = Pattern.compile(
            "(?<![\\p{L}\\d.,/+-])(?:(?<d1>\\d{1,2})\\.?" + RANGE + ")?"
            + "(?<d>\\d{1,2})(?<sep>[./-])(?<mo>\\d{1,2})\\k<sep>(?<y>\\d{4}|\\d{2})"
            + "(?:" + RANGE + "(?<d2>\\d{1,2})\\k<sep>(?<mo2>\\d{1,2})\\k<sep>(?<y2>\\d{4}))?"
            + "(?![.,/-]?\\d)(?![\\p{L}])", FLAGS);

    private static final Pattern DAY_MONTH_NAME = Pattern.compile(
            "(?<![\\p{L}\\d.,])(?:(?<d1>\\d{1,2})" + ORDINAL + "(?:\\s*(?<m1>" + MONTH + ")(?:\\s*(?<y1>\\d{4}))?)?" + RANGE + ")?"
            + "(?<d>\\d{1,2})" + ORDINAL + "\\s*(?:of\\s+)?(?<m>" + MONTH + ")"
            + "(?:,?\\s*(?<y>\\d{4}|'\\d{2}|\\d{2}(?=\\s+\\d{1,2}:\\d{2}))(?![\\p{L}\\d]))?", FLAGS);

    private static final Pattern MONTH_NAME_FIRST = Pattern.compile(
            "(?<![\\p{L}\\d])(?<m>" + MONTH + ")\\s*(?<d>\\d{1,2})(?:st|nd|rd|th)?"
            + "(?:" + RANGE + "(?:(?<m2>" + MONTH + ")\\s*)?(?<d2>\\d{1,2})(?:st|nd|rd|th)?)?"
            + "(?:,?\\s+(?<y>\\d{4}))?(?![\\p{L}\\d]|[.,/:-]\\d)", FLAGS);
    /** A number right after a year-less month-first date: a year glued to letters ("2014Aug") or no date at all. */
    private static final Pattern NUMBER_AFTER = Pattern.compile(",?\\s*\\d{3}");

    /** Month words that are also ordinary words; without a year they need the Nordic "2." to count. */
    private static final java.util.Set<String> AMBIGUOUS_MONTH_WORDS = java.util.Set.of("may", "mar", "des", "dec", "jan", "sep", "mars");
    /** Before a bare number, "jul" is more often Christmas ("i jul 3 dager") than July. */
    private static final java.util.Set<String> AMBIGUOUS_BEFORE_A_NUMBER = java.util.Set.of("may", "mar", "des", "dec", "jan", "sep", "mars", "jul");

    /** A time of day right after a date, with an optional zone. */
    private static final Pattern TIME_AFTER = Pattern.compile(
            "(?:\\s*(?:,|\\||@|-|–|\\bat\\b|\\bum\\b|\\bà\\b)?\\s*)"
            + "(?:(?<kl>(?i:kl|klokka|klokken|klockan|kello)\\.?\\s*)(?<kh>\\d{1,2})[.:](?<kmi>\\d{2})"
            + "|(?<h>\\d{1,2}):(?<mi>\\d{2})(?::(?<s>\\d{2})(?:[.,]\\d{1,9})?)?)"
            + "(?![\\d:])(?:\\s*(?<ap>(?i:[ap])\\.?(?i:m)\\.?)(?![\\p{L}]))?"
            + "(?:\\s+(?<z>" + Zones.TOKEN + ")|(?<zz>Z)(?![\\p{L}]))?");
    /** Something after a date that tried to be a time and failed ({@code 1:2:3:4}). */
    private static final Pattern BROKEN_TIME = Pattern.compile("\\s*\\d{1,2}:\\d");
    /** Something after a time that tried to be an offset and failed ({@code +zz:00}, {@code +00:zz}). */
    private static final Pattern BROKEN_ZONE = Pattern.compile("\\s+(?:GMT|UTC)?[+-](?:[^\\d\\s]|\\d{1,2}:?[^\\d\\s])");

    private static final List<DateForm> FORMS = List.of(
            new PatternForm(ISO, true, DateText::iso),
            new PatternForm(DAY_FIRST_NUMERIC, true, DateText::dayFirstNumeric),
            new PatternForm(DAY_MONTH_NAME, false, DateText::dayMonthName),
            new PatternForm(MONTH_NAME_FIRST, false, DateText::monthNameFirst));

    private static final Pattern FOUR_DIGIT_YEAR_AND_TIME = Pattern.compile("\\d{4} \\d{1,2}:");

    /** Exact whole-text forms java.time reads itself. */
    private static final List<Function<String, PageDate>> EXACT = List.of(
            s -> {
                OffsetDateTime t = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                return PageDate.of(t.toLocalDate(), t.toInstant().truncatedTo(ChronoUnit.SECONDS));
            },
            s -> {
                LocalDateTime t = LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
                return PageDate.of(t.toLocalDate(), t.atZone(Oslo.ZONE).toInstant().truncatedTo(ChronoUnit.SECONDS));
            },
            s -> PageDate.of(LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE)),
            // a month alone ("2024-12", as in W3C-DTF) means its first day
            s -> PageDate.of(YearMonth.parse(s).atDay(1)),
            s -> {
                if (!FOUR_DIGIT_YEAR_AND_TIME.matcher(s).find()) { // the formatter reads "04" as the year 4
                    throw new DateTimeParseException("two-digit year", s, 0);
                }
                ZonedDateTime t = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
                return PageDate.of(t.toLocalDate(), t.toInstant());
            });

    private static final Pattern URL_Y_M_D = Pattern.compile("/((?:19|20)\\d{2})/(\\d{1,2})/(\\d{1,2})(?=/|$|[-_.])");
    private static final Pattern URL_ISO = Pattern.compile("(?<=[/_.=-])((?:19|20)\\d{2})-(\\d{2})-(\\d{2})(?=/|$|[-_.?#])");
    private static final Pattern URL_COMPACT = Pattern.compile("(?<=[/_-])((?:19|20)\\d{2})(\\d{2})(\\d{2})(?=/|$|[-_.])");
    private static final Pattern URL_Y_MONTH_NAME = Pattern.compile("/((?:19|20)\\d{2})/(" + MonthNames.ALTERNATION + ")(?=/|$)", FLAGS);
    private static final Pattern URL_Y_M = Pattern.compile("/((?:19|20)\\d{2})/(\\d{2})(?=/)");

    private DateText() {}

    /** {@link #parse(String, LocalDate)} around today in Europe/Oslo. */
    public static Optional<PageDate> parse(String text) {
        return parse(text, LocalDate.now(Oslo.ZONE));
    }

    /**
     * The first date written in {@code text}, or empty when it holds none this parser trusts.
     *
     * @param reference the day year-less dates and two-digit years are resolved around
     */
    public static Optional<PageDate> parse(String text, LocalDate reference) {
        if (text == null || reference == null) {
            return Optional.empty();
        }
        String s = normalise(text);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        for (Function<String, PageDate> exact : EXACT) {
            try {
                return Optional.of(exact.apply(s));
            } catch (DateTimeParseException e) {
                // not this form
            }
        }
        Optional<Found> earliest = FORMS.stream()
                .map(form -> form.first(s, reference))
                .flatMap(Optional::stream)
                .min(Comparator.comparingInt(Found::from).thenComparing(Comparator.comparingInt(Found::to).reversed()));
        if (earliest.isPresent()) {
            return withTime(earliest.get(), s);
        }
        return feedFallback(s);
    }

    /**
     * The date a URL's path carries: {@code /2024/12/06/}, {@code /2024-12-06/},
     * {@code -2024-12-18_en}, {@code /20241206/}, or a month ({@code /2024/December/},
     * {@code /2024/12/}), which gives its first day. Only years 1900–2099 count, and an
     * eight-digit number only when it is a valid date standing alone between separators.
     */
    public static Optional<LocalDate> fromUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String path = pathOf(url);
        Optional<LocalDate> day = firstDay(URL_Y_M_D, path)
                .or(() -> firstDay(URL_ISO, path))
                .or(() -> firstDay(URL_COMPACT, path));
        if (day.isPresent()) {
            return day;
        }
        Matcher named = URL_Y_MONTH_NAME.matcher(path);
        if (named.find()) {
            return MonthNames.month(named.group(2)).map(month -> LocalDate.of(Integer.parseInt(named.group(1)), month, 1));
        }
        Matcher numeric = URL_Y_M.matcher(path);
        while (numeric.find()) {
            int month = Integer.parseInt(numeric.group(2));
            if (month >= 1 && month <= 12) {
                return Optional.of(LocalDate.of(Integer.parseInt(numeric.group(1)), month, 1));
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> firstDay(Pattern pattern, String path) {
        Matcher m = pattern.matcher(path);
        while (m.find()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            } catch (DateTimeException e) {
                // an id that merely looks like a date
            }
        }
        return Optional.empty();
    }

    private static String pathOf(String url) {
        String s = url.strip();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            int slash = s.indexOf('/', scheme + 3);
            s = slash < 0 ? "/" : s.substring(slash);
        }
        int end = s.length();
        for (char c : new char[] {'?', '#'}) {
            int i = s.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return s.substring(0, end);
    }

    /** One space for any run of whitespace (including no-break spaces), bounded in length. */
    static String normalise(String text) {
        String s = text.length() > MAX_SCAN_CHARS ? text.substring(0, MAX_SCAN_CHARS) : text;
        return s.replaceAll("[\\s\\u00A0\\u2007\\u202F\\u2009\\u200B]+", " ").strip();
    }

    private static Optional<PageDate> withTime(Found found, String text) {
        LocalTime time = found.time();
        ZoneId zone = found.zone();
        if (time == null) {
            String rest = text.substring(found.to());
            Matcher t = TIME_AFTER.matcher(rest);
            if (t.lookingAt()) {
                int hour = Integer.parseInt(t.group("kl") != null ? t.group("kh") : t.group("h"));
                int minute = Integer.parseInt(t.group("kl") != null ? t.group("kmi") : t.group("mi"));
                int second = t.group("s") == null ? 0 : Integer.parseInt(t.group("s"));
                String ampm = t.group("ap");
                if (ampm != null) {
                    if (hour < 1 || hour > 12) {
                        return Optional.empty();
                    }
                    hour = hour % 12 + (Character.toLowerCase(ampm.charAt(0)) == 'p' ? 12 : 0);
                }
                try {
                    time = LocalTime.of(hour, minute, second);
                } catch (DateTimeException e) {
                    return Optional.empty();
                }
                String zoneText = t.group("z") != null ? t.group("z") : t.group("zz");
                if (zoneText != null) {
                    Zones.Reading reading = Zones.read(zoneText);
                    if (!reading.valid()) {
                        return Optional.empty();
                    }
                    zone = reading.zone().orElse(null);
                }
                if (zone == null && BROKEN_ZONE.matcher(rest.substring(t.end())).lookingAt()) {
                    return Optional.empty();
                }
            } else if (BROKEN_TIME.matcher(rest).lookingAt()) {
                return Optional.empty();
            }
        }
        if (time == null) {
            return Optional.of(new PageDate(found.start(), Optional.ofNullable(found.last()), Optional.empty()));
        }
        Instant instant = found.start().atTime(time).atZone(zone == null ? Oslo.ZONE : zone).toInstant();
        return Optional.of(new PageDate(found.start(), Optional.ofNullable(found.last()), Optional.of(instant)));
    }

    /** Feed orders the scan does not know (asctime, {@code Sun Jul 15 01:16:00 +0000 2012}); only for texts with words. */
    private static Optional<PageDate> feedFallback(String s) {
        if (s.length() > 80 || s.chars().noneMatch(Character::isLetter)) {
            return Optional.empty();
        }
        return FeedDates.parse(s).map(instant -> PageDate.of(instant.atZone(ZoneOffset.UTC).toLocalDate(), instant));
    }

    // ---- the forms' readings ----

    private static Optional<Found> iso(Matcher m, String text, LocalDate reference) {
        LocalDate day = LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("mo")), Integer.parseInt(m.group("d")));
        if (m.group("h") == null) {
            return Optional.of(Found.day(m.start(), m.end(), day, null));
        }
        int second = m.group("s") == null ? 0 : Integer.parseInt(m.group("s"));
        LocalTime time = LocalTime.of(Integer.parseInt(m.group("h")), Integer.parseInt(m.group("mi")), second);
        ZoneId zone = null;
        if (m.group("z") != null) {
            Zones.Reading reading = Zones.read(m.group("z").equals("Z") ? "UTC" : m.group("z"));
            if (!reading.valid()) {
                return Optional.empty();
            }
            zone = reading.zone().orElse(null);
        }
        // a time without a zone stays open: " CEST" or " +0200" may follow
        return Optional.of(new Found(m.start(), m.end(), day, null, time, zone));
    }

    private static Optional<Found> dayFirstNumeric(Matcher m, String text, LocalDate reference) {
        String yearText = m.group("y");
        if (yearText.length() == 2 && (!m.group("sep").equals(".") || m.group("d").length() != 2 || m.group("mo").length() != 2)) {
            return Optional.empty(); // 1.2.24 is more often a version than a date
        }
        int year = yearText.length() == 2 ? twoDigitYear(yearText, reference) : Integer.parseInt(yearText);
        LocalDate day = LocalDate.of(year, Integer.parseInt(m.group("mo")), Integer.parseInt(m.group("d")));
        LocalDate start = day;
        LocalDate last = null;
        if (m.group("d1") != null) {
            start = day.withDayOfMonth(Integer.parseInt(m.group("d1")));
            last = day;
        } else if (m.group("d2") != null) {
            last = LocalDate.of(Integer.parseInt(m.group("y2")), Integer.parseInt(m.group("mo2")), Integer.parseInt(m.group("d2")));
        }
        return range(m, start, last);
    }

    private static Optional<Found> dayMonthName(Matcher m, String text, LocalDate reference) {
        int month = MonthNames.month(m.group("m")).orElseThrow();
        int dayOfMonth = Integer.parseInt(m.group("d"));
        if (m.group("y") == null && !text.substring(m.end("d"), m.start("m")).matches(".*[.:].*")
                && AMBIGUOUS_MONTH_WORDS.contains(m.group("m").toLowerCase(java.util.Locale.ROOT))) {
            return Optional.empty(); // "section 2 may apply": no year, no "2.", and a word that is no month
        }
        if (m.group("y") == null && NUMBER_AFTER.matcher(text).region(m.end(), text.length()).lookingAt()) {
            return Optional.empty(); // "7 Aug 2014Aug …": a year glued to what follows
        }
        LocalDate day = m.group("y") == null
                ? nearestYear(month, dayOfMonth, reference)
                : LocalDate.of(year(m.group("y"), reference), month, dayOfMonth);
        if (m.group("d1") == null) {
            return Optional.of(Found.day(m.start(), m.end(), day, null));
        }
        int startMonth = m.group("m1") == null ? month : MonthNames.month(m.group("m1")).orElseThrow();
        int startYear = m.group("y1") != null ? Integer.parseInt(m.group("y1"))
                : startMonth > month ? day.getYear() - 1 : day.getYear();
        return range(m, LocalDate.of(startYear, startMonth, Integer.parseInt(m.group("d1"))), day);
    }

    private static Optional<Found> monthNameFirst(Matcher m, String text, LocalDate reference) {
        int month = MonthNames.month(m.group("m")).orElseThrow();
        int lastMonth = m.group("m2") == null ? month : MonthNames.month(m.group("m2")).orElseThrow();
        int dayOfMonth = Integer.parseInt(m.group("d"));
        if (m.group("y") == null) {
            if (NUMBER_AFTER.matcher(text).region(m.end(), text.length()).lookingAt()
                    || AMBIGUOUS_BEFORE_A_NUMBER.contains(m.group("m").toLowerCase(java.util.Locale.ROOT))) {
                return Optional.empty(); // "Aug 7, 2014Aug …" is glued; "may 3 …", "Jan 5 …" are words
            }
            // a listing without years: the year is found as for "15. januar", from the end of a range
            LocalDate last = nearestYear(lastMonth, m.group("d2") == null ? dayOfMonth : Integer.parseInt(m.group("d2")), reference);
            LocalDate start = LocalDate.of(lastMonth < month ? last.getYear() - 1 : last.getYear(), month, dayOfMonth);
            return range(m, start, m.group("d2") == null ? null : last);
        }
        int year = Integer.parseInt(m.group("y"));
        // "Dec 30 – Jan 2, 2025": the year written is the end's
        LocalDate start = LocalDate.of(lastMonth < month ? year - 1 : year, month, dayOfMonth);
        LocalDate last = m.group("d2") == null ? null : LocalDate.of(year, lastMonth, Integer.parseInt(m.group("d2")));
        return range(m, start, last);
    }

    /** A range only when it runs forwards and spans less than a year; a backwards one is no range. */
    private static Optional<Found> range(Matcher m, LocalDate start, LocalDate last) {
        if (last == null || last.equals(start)) {
            return Optional.of(Found.day(m.start(), m.end(), start, null));
        }
        if (last.isBefore(start) || last.isAfter(start.plusYears(1))) {
            return Optional.empty();
        }
        return Optional.of(Found.day(m.start(), m.end(), start, last));
    }

    private static int year(String text, LocalDate reference) {
        String digits = text.startsWith("'") ? text.substring(1) : text;
        return digits.length() == 2 ? twoDigitYear(digits, reference) : Integer.parseInt(digits);
    }

    /** The century that puts the year within 79 years before and 20 years after the reference year. */
    static int twoDigitYear(String twoDigits, LocalDate reference) {
        int yy = Integer.parseInt(twoDigits);
        int year = reference.getYear() / 100 * 100 + yy;
        if (year > reference.getYear() + 20) {
            year -= 100;
        } else if (year <= reference.getYear() - 80) {
            year += 100;
        }
        return year;
    }

    /** The day in the year (before, of, or after the reference's) that is nearest the reference. */
    static LocalDate nearestYear(int month, int dayOfMonth, LocalDate reference) {
        LocalDate best = null;
        for (int year = reference.getYear() - 1; year <= reference.getYear() + 1; year++) {
            try {
                LocalDate candidate = LocalDate.of(year, month, dayOfMonth);
                if (best == null || Math.abs(ChronoUnit.DAYS.between(reference, candidate))
                        < Math.abs(ChronoUnit.DAYS.between(reference, best))) {
                    best = candidate;
                }
            } catch (DateTimeException e) {
                // 29 February outside a leap year
            }
        }
        if (best == null) {
            throw new DateTimeException("no such day: " + dayOfMonth + "." + month + ".");
        }
        return best;
    }
}
