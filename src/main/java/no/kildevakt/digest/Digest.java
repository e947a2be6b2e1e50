package no.kildevakt.digest;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The candidates of a period as an editor reads them: grouped by the newsletter's sections in its
 * order, best first within each. One value serves every format (md, html, json, mail), the draft and
 * the review page, so they cannot disagree about what is in it or in which order.
 *
 * @param period   the period covered
 * @param sections  non-empty sections only, in the newsletter's order, unknown sections last
 * @param threshold the relevance threshold when the digest lists items below it too ({@code --all}), so
 *                  that each format can show where it lies ("under terskelen"); empty otherwise
 */
public record Digest(Period period, List<DigestSection> sections, OptionalDouble threshold) {
    public Digest {
        Objects.requireNonNull(period, "period");
        sections = List.copyOf(sections);
        Objects.requireNonNull(threshold, "threshold");
    }

    /** A digest of candidates only: nothing in it lies below the threshold. */
    public Digest(Period period, List<DigestSection> sections) {
        this(period, sections, OptionalDouble.empty());
    }

    /** Whether the entry scores below the threshold shown: the formats put a divider before the first such entry. */
    public boolean belowThreshold(DigestEntry entry) {
        return threshold.isPresent() && entry.score().value() < threshold.getAsDouble();
    }

    /** Every entry, section by section, in order. */
    public List<DigestEntry> entries() {
        return sections.stream().flatMap(s -> s.entries().stream()).toList();
    }

    /** How many items it lists. */
    public int size() {
        return sections.stream().mapToInt(s -> s.entries().size()).sum();
    }

    public boolean isEmpty() {
        return size() == 0;
    }
}
