package no.kildevakt.digest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Periods as the editors name them in Norwegian ("Q4 2024", "4. kvartal 2024", "okt–des 2024",
 * "januar 2025"), turned into the spelling {@link Period#parse} reads ({@code 2024-Q4}, {@code 2025-01})
 * or, for a month range that is no quarter, {@code FROM..TO} days. Kept apart from {@link Period} so the
 * strict machine forms stay the one spelling written back into links and file names, while both the
 * review page and {@code --period} accept what an editor types.
 */
public final class PeriodNames {
    private static final String[] MONTHS = {"januar", "februar", "mars", "april", "mai", "juni", "juli",
            "august", "september", "oktober", "november", "desember"};
    private static final String MONTH = "(\\p{L}{3,})\\.?";
    private static final String DASH = "\\s*[-–—]\\s*";
    private static final Pattern QUARTER_FIRST = Pattern.compile("q([1-4])\\s+(\\d{4})");
    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})\\s+q([1-4])");
    private static final Pattern KVARTAL = Pattern.compile("([1-4])\\.?\\s*kvartal\\s+(\\d{4})");
    private static final Pattern ONE_MONTH = Pattern.compile(MONTH + "\\s+(\\d{4})");
    private static final Pattern MONTHS_RANGE = Pattern.compile(MONTH + DASH + MONTH + "\\s+(\\d{4})");

    private PeriodNames() {}

    /**
     * The machine spelling of a period typed in words, or empty when {@code text} is none of the forms
     * (including a range that runs backwards or a month name that is not one).
     */
    public static Optional<String> canonical(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m;
        if ((m = QUARTER_FIRST.matcher(t)).matches()) {
            return Optional.of(m.group(2) + "-Q" + m.group(1));
        }
        if ((m = YEAR_FIRST.matcher(t)).matches() || (m = KVARTAL.matcher(t)).matches()) {
            boolean yearFirst = m.pattern() == YEAR_FIRST;
            return Optional.of(m.group(yearFirst ? 1 : 2) + "-Q" + m.group(yearFirst ? 2 : 1));
        }
        if ((m = ONE_MONTH.matcher(t)).matches()) {
            int year = Integer.parseInt(m.group(2));
            return month(m.group(1)).map(month -> YearMonth.of(year, month).toString());
        }
        if ((m = MONTHS_RANGE.matcher(t)).matches()) {
            Optional<Integer> first = month(m.group(1));
            Optional<Integer> last = month(m.group(2));
            if (first.isEmpty() || last.isEmpty() || last.get() < first.get()) {
                return Optional.empty();
            }
            return Optional.of(months(Integer.parseInt(m.group(3)), first.get(), last.get()));
        }
        return Optional.empty();
    }

    /** The shortest machine name of whole months {@code first} to {@code last} of one year. */
    private static String months(int year, int first, int last) {
        if (first == last) {
            return YearMonth.of(year, first).toString();
        }
        if (first == 1 && last == 12) {
            return Integer.toString(year);
        }
        if (first % 3 == 1 && last == first + 2) {
            return year + "-Q" + (first / 3 + 1);
        }
        Period.parse(Integer.toString(year)); // the year's bounds, as for every other form
        LocalDate from = LocalDate.of(year, first, 1);
        return from + ".." + YearMonth.of(year, last).atEndOfMonth();
    }

    /** A month by its name or the start of it, at least three letters and naming one month only ("mar", "mai", "sept"). */
    private static Optional<Integer> month(String word) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].startsWith(word)) {
                found.add(i + 1);
            }
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
