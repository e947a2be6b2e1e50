package no.kildevakt.text;

/**
 * Every error and warning kildevakt prints is one line, because cron mails and log greps
 * read lines. Messages carry text from outside (a server's status reason, a parser's complaint,
 * a feed's own words), so they are flattened here, in one way, wherever they are made.
 */
public final class OneLine {
    private static final String ELLIPSIS = "\u2026";
    /** Compiled once: messages and extracted link texts come through here by the thousand. */
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private OneLine() {}

    /** {@code text} with every run of white space (line breaks included) made one space, trimmed; "" for null. */
    public static String of(String text) {
        return text == null ? "" : WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /** As {@link #of(String)}, cut to {@code maxChars} characters and an ellipsis when longer. */
    public static String of(String text, int maxChars) {
        String line = of(text);
        return line.length() > maxChars ? line.substring(0, maxChars) + ELLIPSIS : line;
    }
}
