package no.kildevakt.rank;

import java.util.List;

/**
 * An item's relevance score and why: the editor sees {@code matched} next to the score, so a surprising
 * rank can be traced to the term that fired.
 *
 * @param value   0 when nothing matched; higher is more relevant
 * @param matched the terms (or topic ids with terms) that counted, most important first
 */
public record Score(double value, List<String> matched) {
    public static final Score NONE = new Score(0, List.of());

    public Score {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("score must be a finite number >= 0, got " + value);
        }
        matched = List.copyOf(matched);
    }
}
