package no.kildevakt.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.kildevakt.item.Item;

/**
 * Answers "is this item already stored?" before a round is recorded, by the same rule
 * {@link Items#recordRound} matches by: the dedupe key (an opaque guid's only within its own
 * source), or else the URL when the URL identifies the item. The crawler asks so that work meant for new items only (fetching an article page to
 * enrich it) is done once per item, not once per crawl.
 *
 * <p>Obtained from {@link Store#knownItems()}; shares the store's connection and lock.
 */
public final class KnownItems {
    /** Values per {@code IN (...)} query; well under SQLite's limit on bound parameters. */
    static final int CHUNK = 400;

    private final Store store;

    KnownItems(Store store) {
        this.store = store;
    }

    /**
     * The dedupe keys of those {@code items}, listed by source {@code sourceId}, that the store already holds.
     *
     * @throws StoreException when the database fails
     */
    public Set<String> knownKeys(String sourceId, Collection<Item> items) throws StoreException {
        if (items.isEmpty()) {
            return Set.of();
        }
        synchronized (store) {
            return store.inTransaction("look up " + items.size() + " items", c -> {
                Set<String> keys = new HashSet<>();
                items.forEach(i -> keys.add(Items.storedKey(sourceId, i)));
                Set<String> storedKeys = present(c, "SELECT dedupe_key FROM items WHERE dedupe_key IN ", List.copyOf(keys));
                List<String> urls = new ArrayList<>();
                Set<String> known = new HashSet<>();
                for (Item item : items) {
                    if (storedKeys.contains(Items.storedKey(sourceId, item))) {
                        known.add(item.dedupeKey());
                    } else if (item.urlIdentifiesItem() && item.url() != null) {
                        urls.add(item.url());
                    }
                }
                Set<String> storedUrls = present(c, "SELECT url FROM items WHERE url_identity = 1 AND url IN ", urls);
                for (Item item : items) {
                    if (item.urlIdentifiesItem() && storedUrls.contains(item.url())) {
                        known.add(item.dedupeKey());
                    }
                }
                return Set.copyOf(known);
            });
        }
    }

    private static Set<String> present(java.sql.Connection c, String sqlPrefix, List<String> values) throws SQLException {
        Set<String> found = new HashSet<>();
        for (int from = 0; from < values.size(); from += CHUNK) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + CHUNK));
            String sql = sqlPrefix + "(" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        }
        return found;
    }
}
