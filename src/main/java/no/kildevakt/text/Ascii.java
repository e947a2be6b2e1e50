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
}
