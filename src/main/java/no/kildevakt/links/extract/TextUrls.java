package no.kildevakt.links.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds URLs written out in running text (plain text, PDF page text, Word paragraphs, bare URLs in
 * Markdown), where nothing marks where a URL ends. Prose puts punctuation right after a URL
 * ("se https://lovdata.no/lov/2005-05-20-28.") and wraps URLs in brackets, so the match is trimmed the
 * way readers read it: trailing {@code . , ; : ! ? ' "} and ellipses are dropped, and a closing bracket
 * only stays when the URL opened one ({@code https://no.wikipedia.org/wiki/Palermo_(by)}). {@code www.}
 * without a scheme becomes {@code https://www.}. Stateless; shared.
 */
final class TextUrls {
    /**
     * A scheme URL, or {@code www.} not glued to a word, e-mail address or longer URL; runs to the first
     * white space or character that never appears raw in a written URL (quotes, angle brackets, guillemets).
     */
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?i)(?:\\b(?:https?|ftp)://|(?<![\\w@./:-])www\\.)[^\\s<>\"'`\u201C\u201D\u2018\u2019\u00AB\u00BB{}|\\\\^]+");
    private static final String TRAILING = ".,;:!?'\"*\u2026\u2013\u2014";
    private static final Pattern HOST_CHARACTER = Pattern.compile("[\\p{L}\\p{N}]");

    /** A URL found in a line of text: {@code url} normalised as described, {@code raw} as it stood. */
    record Found(String url, String raw, int start, int end) {}

    private TextUrls() {}

    /** The URLs in {@code text}, in order. */
    static List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        if (!mayHoldUrl(text)) {
            return found;
        }
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            String raw = trimTrailing(m.group());
            String url = normalise(raw);
            if (url != null) {
                found.add(new Found(url, raw, m.start(), m.start() + raw.length()));
            }
        }
        return found;
    }

    /**
     * Whether {@link #CANDIDATE} could match at all: it needs a {@code ://} or a {@code www.} (in any
     * case). Most entry texts hold neither, and the pattern tries every position of them.
     */
    static boolean mayHoldUrl(String text) {
        if (text.contains("://")) {
            return true;
        }
        for (int dot = text.indexOf('.', 3); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            if (isW(text.charAt(dot - 1)) && isW(text.charAt(dot - 2)) && isW(text.charAt(dot - 3))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isW(char c) {
        return c == 'w' || c == 'W';
    }

    /** {@code raw} with {@code www.} given a scheme, or null when it is not a usable URL (no host). */
    static String normalise(String raw) {
        String url = raw.regionMatches(true, 0, "www.", 0, 4) ? "https://" + raw : raw;
        String authority = url.substring(url.indexOf("://") + 3).split("[/?#]", 2)[0];
        String host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":\\d*$", "");
        if (!HOST_CHARACTER.matcher(host).find()) {
            return null;
        }
        if (raw.regionMatches(true, 0, "www.", 0, 4) && host.indexOf('.', 4) < 0) {
            return null; // "www.", "www.foo" in prose
        }
        return url;
    }

    /** Drops prose punctuation from the end of a match, keeping closing brackets the URL itself opened. */
    static String trimTrailing(String s) {
        int end = s.length();
        while (end > 0) {
            char c = s.charAt(end - 1);
            if (TRAILING.indexOf(c) >= 0) {
                end--;
            } else if (c == ')' || c == ']') {
                char open = c == ')' ? '(' : '[';
                String body = s.substring(0, end);
                if (count(body, c) > count(body, open)) {
                    end--;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return s.substring(0, end);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
