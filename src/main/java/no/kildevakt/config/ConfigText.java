package no.kildevakt.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Small text helpers for config messages. They exist so that every message stays on one line
 * whatever an editor typed (values are quoted with control characters escaped and long values cut),
 * and so that a typo is answered with the word that was probably meant.
 */
final class ConfigText {
    private static final int MAX_QUOTED = 80;

    private ConfigText() {}

    /** The value in double quotes, control characters escaped, cut to a readable length. */
    static String quote(String value) {
        StringBuilder b = new StringBuilder(Math.min(value.length(), MAX_QUOTED) + 8).append('"');
        int shown = 0;
        for (int i = 0; i < value.length(); i++) {
            if (shown == MAX_QUOTED) {
                b.append('…');
                break;
            }
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
            shown++;
        }
        return b.append('"').toString();
    }

    /**
     * The candidate closest to a misspelt word, if it is close enough to be a likely typo:
     * case is ignored, and at most one edit for short words (up to 4 letters), two for longer ones.
     * Ties go to the earlier candidate, so the order of the allowed list decides.
     */
    static Optional<String> closest(String typed, List<String> candidates) {
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int allowed = candidate.length() <= 4 ? 1 : 2;
            if (Math.abs(t.length() - candidate.length()) > allowed) {
                continue; // too far apart anyway; also keeps a pasted megabyte key from costing a huge table
            }
            int d = editDistance(t, candidate.toLowerCase(Locale.ROOT));
            if (d <= allowed && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbouring
     * letters as one edit each (optimal string alignment). Swaps count once because {@code sectoin}
     * is one slip of the fingers, not two.
     */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
