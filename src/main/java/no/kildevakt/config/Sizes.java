package no.kildevakt.config;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as editors write them: plain bytes ({@code 1048576}) or a whole number with a unit,
 * {@code 500KB}, {@code 10MB}, {@code 1GB}.
 *
 * <p>The units are 1024-based: {@code 1KB} is 1024 bytes and {@code 1MB} is 1,048,576 bytes, because
 * the limits they set (the largest response body read) are about memory, where binary units are the
 * norm. {@code KiB}, {@code MiB} and {@code GiB} are accepted as the same thing, and units are not case
 * sensitive. Fractions, signs and spaces are refused, as in {@link Durations}.
 */
public final class Sizes {
    private static final Pattern SIZE = Pattern.compile("([0-9]+)(b|kb|kib|mb|mib|gb|gib)?");
    private static final long KB = 1024;
    private static final long MB = 1024 * KB;
    private static final long GB = 1024 * MB;
    private static final String HOW = "write bytes or a whole number with a unit: B, KB, MB or GB (1024-based), e.g. 500KB, 10MB";

    private Sizes() {}

    /**
     * Parses a size into bytes. Zero is accepted here; callers that need a positive value check it.
     *
     * @throws IllegalArgumentException with a one-line message saying what is wrong and how to write it
     */
    public static long parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = SIZE.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            String t = text.strip();
            if (t.isEmpty()) {
                throw new IllegalArgumentException("empty size; " + HOW);
            }
            if (t.startsWith("-")) {
                throw new IllegalArgumentException(ConfigText.quote(text) + " is negative; " + HOW);
            }
            throw new IllegalArgumentException(ConfigText.quote(text) + " is not a size; " + HOW);
        }
        String unit = m.group(2) == null ? "b" : m.group(2);
        long multiplier = switch (unit) {
            case "b" -> 1;
            case "kb", "kib" -> KB;
            case "mb", "mib" -> MB;
            case "gb", "gib" -> GB;
            default -> throw new AssertionError(unit);
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), multiplier);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(ConfigText.quote(text) + " is too large for a size");
        }
    }

    /** Writes a size in the largest unit that holds it exactly: {@code 10MB}, {@code 500KB}, {@code 1000B}. */
    public static String format(long bytes) {
        if (bytes != 0) {
            if (bytes % GB == 0) {
                return bytes / GB + "GB";
            }
            if (bytes % MB == 0) {
                return bytes / MB + "MB";
            }
            if (bytes % KB == 0) {
                return bytes / KB + "KB";
            }
        }
        return bytes + "B";
    }
}
