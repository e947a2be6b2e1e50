package no.kildevakt.rank.learn;

import java.util.Objects;
import no.kildevakt.rank.Relevance;
import no.kildevakt.rank.Score;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoreException;
import no.kildevakt.store.StoredItem;

/**
 * The ranking every command and the review page use: the topics plus a {@link LearnedRelevance} of the
 * store's evidence, rebuilt when that evidence changes (a decision recorded, an issue added or removed),
 * so a decision made on the review page counts on the next page load with nothing for the editor to do.
 * Whether the evidence changed is one small query, asked once per {@link #snapshot()} (a digest, a page
 * load) or per single {@link #score}; the index is built at most once per change.
 */
public final class LearningFromStore implements Relevance {
    private final Relevance topics;
    private final Store store;
    private String version;
    private LearnedRelevance learned;

    public LearningFromStore(Relevance topics, Store store) {
        this.topics = Objects.requireNonNull(topics, "topics");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** One item's score: looks at the evidence first, so a pass over many items should score a {@link #snapshot()}. */
    @Override
    public Score score(StoredItem item) {
        return current().score(item);
    }

    /** The learned ranking of the evidence as it is now; a decision made after this does not change it. */
    @Override
    public Relevance snapshot() {
        return current();
    }

    @Override
    public double threshold() {
        return topics.threshold();
    }

    /** The learned ranking for the evidence as it is now. */
    public synchronized LearnedRelevance current() {
        try {
            String now = store.decisions().evidenceVersion();
            if (learned == null || !now.equals(version)) {
                learned = new LearnedRelevance(topics, StoredEvidence.examples(store));
                version = now;
            }
            return learned;
        } catch (StoreException e) {
            // the evidence cannot be read: rank by the topics alone rather than fail a digest
            if (learned == null) {
                learned = new LearnedRelevance(topics, java.util.List.of());
            }
            return learned;
        }
    }
}
