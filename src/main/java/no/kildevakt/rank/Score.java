package no.kildevakt.rank;

import java.util.List;
import java.util.Objects;

/**
 * An item's relevance score and why: the editor sees {@code matched} next to the score, so a surprising
 * rank can be traced to the term or precedent that fired; scripts read the same reasons, with their
 * weights, from {@code why}.
 *
 * @param value   0 when nothing matched; higher is more relevant
 * @param matched the terms (or topic ids with terms) that counted, most important first, in an editor's
 *                words; a learned ranking adds the nearest accepted precedent ("som «…», tatt med 12.10.2024")
 * @param why     the parts the value was made of, in the order they were added; empty for a plain topic score
 *                with nothing matched
 */
public record Score(double value, List<String> matched, List<Why> why) {
    public static final Score NONE = new Score(0, List.of());

    /**
     * One part of a score, structured for JSON output ({@code why}) and {@code learn --explain}.
     *
     * @param kind       {@code topic} (a topic that matched), {@code accepted} or {@code rejected} (a precedent:
     *                   the nearest accepted or rejected example) or {@code learned} (the bonus or penalty the
     *                   precedents gave, the weight signed)
     * @param name       the topic's id, or the precedent's title; never null
     * @param precedent  for a precedent: how it is named, e.g. "tatt med 12.10.2024"; otherwise null
     * @param similarity for a precedent: how like the item it is, 0 to 1; otherwise 0
     * @param weight     what this part added to the score (negative for a penalty); 0 for precedents, whose
     *                   effect is the {@code learned} part
     */
    public record Why(String kind, String name, String precedent, double similarity, double weight) {
        public Why {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }
    }

    public Score {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("score must be a finite number >= 0, got " + value);
        }
        matched = List.copyOf(matched);
        why = List.copyOf(why);
    }

    /** A score with no structured reasons (fakes and plain rankings). */
    public Score(double value, List<String> matched) {
        this(value, matched, List.of());
    }
}
