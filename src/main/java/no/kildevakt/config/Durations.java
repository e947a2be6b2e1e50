package no.kildevakt.config;

import java.math.BigInteger;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as editors write them in feeds.yml and on the command line: a whole number and a
 * unit, {@code 200ms}, {@code 30s}, {@code 10m}, {@code 6h}, {@code 1d}, {@code 6w} (weeks, for the
 * review page's {@code review_grace}; {@link #format} writes them as days).
 *
 * <p>Why so strict: a bare {@code 30} could mean seconds or minutes, and a value read the wrong way
 * either hammers a site or silently stops a source, so a number without a unit is refused. Units are
 * lower case because {@code M} reads as months to many people. Fractions, signs, spaces and compound
 * forms ({@code 1h30m}) are refused too; {@code 90m} says the same thing.
 */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("([0-9]+)(ms|s|m|h|d|w)");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final String HOW = "write a whole number and a unit: ms, s, m, h or d (e.g. 200ms, 30s, 6h)";

    /** The units {@link #format} tries, largest first, with their feeds.yml spelling. */
    private record Unit(String suffix, ChronoUnit unit) {}

    private static final List<Unit> UNITS = List.of(
            new Unit("d", ChronoUnit.DAYS),
            new Unit("h", ChronoUnit.HOURS),
            new Unit("m", ChronoUnit.MINUTES),
            new Unit("s", ChronoUnit.SECONDS),
            new Unit("ms", ChronoUnit.MILLIS));

    private Durations() {}

    /**
     * Parses {@code <digits><unit>} with unit {@code ms}, {@code s}, {@code m}, {@code h}, {@code d}
     * (a day is 24 hours) or {@code w} (7 days). Zero ({@code 0s}) is accepted here; callers that need a positive value check it.
     *
     * @throws IllegalArgumentException with a one-line message saying what is wrong and how to write it
     */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(whyNot(text));
        }
        try {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                case "w" -> Duration.ofDays(Math.multiplyExact(amount, 7L));
                default -> throw new AssertionError(m.group(2));
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(ConfigText.quote(text) + " is too large for a duration");
        }
    }

    /**
     * Writes a duration in the form {@link #parse} reads, in the largest unit that holds it exactly:
     * {@code 6h}, {@code 90m}, {@code 2s}, {@code 200ms}. Below a millisecond it is truncated, since
     * nothing in kildevakt is configured that finely. Negative durations get a leading {@code -} for
     * display, which {@link #parse} does not accept back.
     */
    public static String format(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            return "-" + format(duration.negated());
        }
        long millis;
        try {
            millis = duration.toMillis();
        } catch (ArithmeticException e) {
            return duration.toDays() + "d";
        }
        if (millis == 0) {
            return "0s";
        }
        for (Unit u : UNITS) {
            long unitMillis = u.unit().getDuration().toMillis();
            if (millis % unitMillis == 0) {
                return (millis / unitMillis) + u.suffix();
            }
        }
        throw new AssertionError("every whole number of milliseconds has a unit");
    }

    private static String whyNot(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return "empty duration; " + HOW;
        }
        if (t.startsWith("-")) {
            return ConfigText.quote(text) + " is negative; " + HOW;
        }
        if (DIGITS.matcher(t).matches()) {
            // the classic ambiguity: name both readings so the fix is obvious
            String n = new BigInteger(t).toString();
            return ConfigText.quote(text) + " has no unit; write e.g. " + n + "s or " + n + "m (units: ms, s, m, h, d)";
        }
        return ConfigText.quote(text) + " is not a duration; " + HOW;
    }
}
