package no.kildevakt.text;

/**
 * The ASCII character classes that the hand-written scans use in place of regular expressions, in
 * one place so that each scan means the same thing by them. {@link #isSpace} is exactly what a Java
 * pattern's {@code \s} matches without {@code UNICODE_CHARACTER_CLASS} (space, tab, line feed, vertical
 * tab, form feed, carriage return): narrower than {@link Character#isWhitespace}, wider than HTML's
 * white space by the vertical tab. Why scans at all: patterns and {@code Character}'s Unicode questions
 * ran for every link text, title and page start, and on a cold JVM they were a measurable part of a
 * crawl's and a link check's CPU (see the callers).
 */
public final class Ascii {
    private Ascii() {}

    /** Whether {@code c} is white space to a regular expression's {@code \s}. */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Whether {@code c} is an ASCII letter, {@code [A-Za-z]}. */
    public static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * Where the URI scheme {@code s} starts with ends: the index of the colon after a letter and then
     * letters, digits, {@code + . -} (RFC 3986's {@code scheme ":"}, the pattern
     * {@code [A-Za-z][A-Za-z0-9+.-]*:} at the start); -1 when {@code s} starts with none. Read up to
     * that colon and no further: it runs for every link of every feed and issue.
     */
    public static int schemeEnd(String s) {
        if (s.isEmpty() || !isLetter(s.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
                return -1;
            }
        }
        return -1;
    }
}
