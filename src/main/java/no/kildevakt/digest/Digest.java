package no.kildevakt.digest;

import java.util.List;
import java.util.Objects;

/**
 * The candidates of a period as an editor reads them: grouped by the newsletter's sections in its
 * order, best first within each. One value serves every format (md, html, json, mail), the draft and
 * the review page, so they cannot disagree about what is in it or in which order.
 *
 * @param period   the period covered
 * @param sections non-empty sections only, in the newsletter's order, unknown sections last
 */
public record Digest(Period period, List<DigestSection> sections) {
    public Digest {
        Objects.requireNonNull(period, "period");
        sections = List.copyOf(sections);
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
