package no.kildevakt.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The SQLite database: items, the sources' state, and the fetch log. Opened with WAL and a
 * busy timeout; its schema is versioned and migrated forward on open. Each
 * {@link #recordRound} is one transaction, so a crash loses at most the round in flight.
 */
public final class Store implements AutoCloseable {
    public static Store open(Path file) throws StoreException {
        throw new UnsupportedOperationException("TODO");
    }

    /** The state of one source; {@link SourceState#empty} when it was never crawled. */
    public SourceState state(String sourceId) throws StoreException {
        throw new UnsupportedOperationException("TODO");
    }

    /** The state of every source the store has seen, by id. */
    public Map<String, SourceState> states() throws StoreException {
        throw new UnsupportedOperationException("TODO");
    }

    /** Writes a round atomically: items (upserted, deduplicated across sources), state, fetch log. */
    public RoundResult recordRound(Round round) throws StoreException {
        throw new UnsupportedOperationException("TODO");
    }

    /** Stored items, newest first. */
    public List<StoredItem> items(ItemQuery query) throws StoreException {
        throw new UnsupportedOperationException("TODO");
    }

    /** Undoes one counted failure of each source: used when a run finds the network down. */
    public void forgiveFailures(java.util.Collection<String> sourceIds) throws StoreException {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public void close() throws StoreException {}
}
