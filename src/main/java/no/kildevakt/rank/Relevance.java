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

    /** Items scoring below this are not candidates unless the editor asks for all ({@code digest --all}). */
    double threshold();
}
