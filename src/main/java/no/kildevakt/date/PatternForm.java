package no.kildevakt.date;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link DateForm} that is a regular expression plus a reading of its groups. Matches whose
 * reading fails (an impossible day, a month 13, a version number) are skipped and the search
 * goes on from the next character, so "v2.1.2024 … 06.12.2024" still finds the real date.
 */
final class PatternForm implements DateForm {

    /** Turns one match into a date, or empty when the match is no date after all. */
    @FunctionalInterface
    interface Reading {
        Optional<Found> read(Matcher match, String text, LocalDate reference);
    }

    /** Words that make the number after them something other than a date. */
    private static final Pattern NOT_A_DATE_BEFORE = Pattern.compile(
            "(?iu)(?:\\b(?:v|ver|version|versjon|tlf|tel|phone|telefon|mobil|kr|nok|sek|dkk|eur|usd)|[$€£])\\.?:?\\s*$");

    private final Pattern pattern;
    private final Reading reading;
    private final boolean numeric;

    /**
     * @param numeric whether the form is all digits, so that a preceding "version", "tlf." or
     *                currency makes a match no date
     */
    PatternForm(Pattern pattern, boolean numeric, Reading reading) {
        this.pattern = pattern;
        this.numeric = numeric;
        this.reading = reading;
    }

    @Override
    public Optional<Found> first(String text, LocalDate reference) {
        Matcher m = pattern.matcher(text);
        int from = 0;
        while (from <= text.length() && m.find(from)) {
            if (!numeric || !NOT_A_DATE_BEFORE.matcher(text.substring(Math.max(0, m.start() - 16), m.start())).find()) {
                try {
                    Optional<Found> found = reading.read(m, text, reference);
                    if (found.isPresent()) {
                        return found;
                    }
                } catch (DateTimeException | NumberFormatException e) {
                    // an impossible date: not this match, maybe a later one
                }
            }
            from = m.start() + 1;
        }
        return Optional.empty();
    }
}
