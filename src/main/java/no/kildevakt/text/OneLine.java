package no.kildevakt.text;

import java.util.List;

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
        if (text == null) {
            return "";
        }
        return (hasWhiteSpaceToCollapse(text) ? WHITESPACE.matcher(text).replaceAll(" ") : text).strip();
    }

    /**
     * Whether {@code text} holds white space the pattern would change: a tab, line break, vertical tab
     * or form feed, or two spaces in a row. Most texts hold only single spaces, and the matcher cost as
     * much for them as for the rest (a link's text goes through here, and an issue has thousands).
     */
    static boolean hasWhiteSpaceToCollapse(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Ascii.isSpace(c) && (c != ' ' || (i + 1 < n && text.charAt(i + 1) == ' '))) {
                return true;
            }
        }
        return false;
    }

    /** As {@link #of(String)}, cut to {@code maxChars} characters and an ellipsis when longer. */
    public static String of(String text, int maxChars) {
        String line = of(text);
        return line.length() > maxChars ? line.substring(0, maxChars) + ELLIPSIS : line;
    }

    /**
     * The message of {@code e} and of each of its causes, outermost first, joined by ": " in one line:
     * "Couldn't connect to host: Connection refused", "problem accessing trust store: foo not found".
     * The outer message alone often names only the step that failed. A cause without a message shows
     * its class's simple name; one whose message is already in the line (a wrapper that repeats its
     * cause) adds nothing.
     */
    public static String ofCauses(Throwable e) {
        List<Throwable> chain = Causes.of(e);
        StringBuilder line = new StringBuilder(messageOf(chain.get(0)));
        for (Throwable inner : chain.subList(1, chain.size())) {
            String message = messageOf(inner);
            if (line.indexOf(message) < 0) {
                line.append(": ").append(message);
            }
        }
        return line.toString();
    }

    private static String messageOf(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : of(t.getMessage());
    }
}
