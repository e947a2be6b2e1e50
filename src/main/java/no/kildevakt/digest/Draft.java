package no.kildevakt.digest;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import no.kildevakt.store.ItemQuery;
import no.kildevakt.store.ReviewStatus;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoreException;
import no.kildevakt.store.StoredItem;

/**
 * The next issue of the newsletter in its own structure: the items the editors accepted for the period,
 * or, while none are accepted, the candidates above the threshold, so a draft is useful before the
 * review as well as after it. Entries use the editors' title and summary where they edited them.
 *
 * @param items    the chosen items, arranged as a digest (sections in the newsletter's order; empty
 *                 sections are left out, so the draft pastes without headings to delete), except that
 *                 coming events are in date order, soonest first
 * @param accepted true when {@code items} are the accepted items, false when they are candidates
 */
public record Draft(Digest items, boolean accepted) {
    /** Accepted items are drafted whatever their score: the editor's decision outranks the ranking. */
    static final Selection ACCEPTED = new Selection(true, Set.of(ReviewStatus.ACCEPTED));

    public Draft {
        Objects.requireNonNull(items, "items");
    }

    public Period period() {
        return items.period();
    }

    /** Chooses the draft's items for {@code period} from the store. */
    public static Draft of(Candidates candidates, Store store, Period period) throws StoreException {
        List<StoredItem> stored = store.items().list(new ItemQuery(null, period.earliestDated(), period.to(), 0, null, period.firstDay()));
        return of(candidates, period, stored);
    }

    /** Chooses the draft's items among {@code stored} (the items the store holds for the period). */
    public static Draft of(Candidates candidates, Period period, List<StoredItem> stored) {
        Digest accepted = candidates.arrange(period, stored, ACCEPTED);
        if (!accepted.isEmpty()) {
            return new Draft(chronologicalEvents(accepted), true);
        }
        return new Draft(chronologicalEvents(candidates.arrange(period, stored, Selection.DEFAULT)), false);
    }

    /** Coming events are listed as a calendar in the newsletter: soonest first (then best, as in the digest). */
    private static Digest chronologicalEvents(Digest digest) {
        List<DigestSection> sections = digest.sections().stream()
                .map(s -> !s.events() ? s : new DigestSection(s.id(), s.title(), s.events(), s.known(),
                        s.entries().stream().sorted(Comparator.comparing(DigestEntry::day)).toList()))
                .toList();
        return new Digest(digest.period(), sections);
    }
}
