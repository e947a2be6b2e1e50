package no.kildevakt.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import no.kildevakt.date.Oslo;
import no.kildevakt.rank.Score;
import no.kildevakt.store.StoredItem;

/**
 * One item in a digest, with the section it is filed under now and its score. The section is resolved
 * once, here, from the current feeds.yml (see {@link Candidates#sectionOf}), so every format and the
 * review page file an item in the same place.
 *
 * @param item    the stored item, with the editor's decision and edits
 * @param section the id of the section it belongs to
 * @param source  the name (from feeds.yml) of the source that listed it first, or its id when feeds.yml
 *                no longer has it
 * @param score   its relevance and the terms that fired
 */
public record DigestEntry(StoredItem item, String section, String source, Score score) {
    public DigestEntry {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(score, "score");
    }

    /** The terms that gave the score, most important first. */
    public List<String> matched() {
        return score.matched();
    }

    /** When the item was published, or, lacking a date, first seen: the date an editor is shown. */
    public Instant dated() {
        return item.published() != null ? item.published() : item.firstSeen();
    }

    /** The day shown for the item: its event date when it has one, else the Oslo day it is dated. */
    public LocalDate day() {
        return item.eventDate() != null ? item.eventDate() : LocalDate.ofInstant(dated(), Oslo.ZONE);
    }
}
