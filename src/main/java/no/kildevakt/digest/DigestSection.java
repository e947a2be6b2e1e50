package no.kildevakt.digest;

import java.util.List;
import java.util.Objects;

/**
 * One section of a digest, in the newsletter's order, with its entries best first.
 *
 * @param id      the section id from feeds.yml, or the stored id of a section feeds.yml no longer has
 * @param title   the heading (the id itself for a section feeds.yml no longer has)
 * @param events  whether it lists coming events (entries then show the event date)
 * @param known   false for a section that is not (any more) in feeds.yml; such sections come last
 * @param entries never empty in a built digest
 */
public record DigestSection(String id, String title, boolean events, boolean known, List<DigestEntry> entries) {
    public DigestSection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        entries = List.copyOf(entries);
    }
}
