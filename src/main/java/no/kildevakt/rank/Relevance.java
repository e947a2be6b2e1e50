package no.kildevakt.rank;

import no.kildevakt.store.StoredItem;

/**
 * How likely the newsletter is to cite an item, with the reason. The digest, the draft and the review
 * page depend on this interface rather than on the topic matcher, so each can be tested with a plain
 * fake and the matcher can change without touching them.
 */
public interface Relevance {
    /** The item's score and the terms that produced it; never null. */
    Score score(StoredItem item);

    /**
     * This ranking as it stands now, for scoring many items in one pass (a digest, a page of the
     * review, {@code items --json}). A ranking that learns from the store looks at its evidence here,
     * once, rather than once per item; a fixed ranking is its own snapshot.
     */
    default Relevance snapshot() {
        return this;
    }

    /** Items scoring below this are not candidates unless the editor asks for all ({@code digest --all}). */
    double threshold();
}
