package no.kildevakt.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.kildevakt.item.Item;
import no.kildevakt.item.PlausibleDates;

/**
 * The stored items and the rounds that bring them: a crawl records each source's round here (items,
 * that source's state and its fetch-log row, in one transaction), and the digest, the review page
 * and {@code items} read the items back. Kept apart from the {@link Store} itself so the file that
 * opens and migrates the database is not also the file that knows how items are merged.
 *
 * <p>Obtained from {@link Store#items()}; shares the store's connection and lock.
 */
public final class Items {
    /** Joins the source to an opaque guid's key (see {@link #storedKey}); schema step 5 writes the same. */
    static final String SOURCE_MARK = "#source:";

    /** Separates source ids in the aggregated {@code sources} column; cannot occur in an id. */
    private static final String UNIT_SEPARATOR = "\u001f";

    /**
     * An item's columns; what the editors decided comes from the slots: the item's latest decision in any
     * issue ({@link #ITEM_COLUMNS}) or one issue's ({@link #ISSUE_COLUMNS}).
     */
    private static final String COLUMNS = """
            i.id, i.dedupe_key, i.url, i.guid, i.title, i.summary, i.published, i.updated, i.event_date,
            i.section, i.first_source, i.first_seen, i.last_seen, %s AS status, %s AS note,
            %s AS edited_title, %s AS edited_summary, %s AS decided_at, i.published_raw,
            %s AS placed_section, %s AS position,
            (SELECT group_concat(x.period, char(31) ORDER BY x.period) FROM issue_items x
              WHERE x.item_id = i.id AND x.status = 'accepted'%s) AS accepted_in,
            (SELECT group_concat(s.source_id, char(31) ORDER BY s.first_seen, s.rowid)
               FROM item_sources s WHERE s.item_id = i.id) AS sources""";

    private static final String ITEM_COLUMNS = COLUMNS.formatted(
            "i.status", "i.note", "i.edited_title", "i.edited_summary", "i.decided_at", "NULL", "NULL", "");

    /**
     * The columns as one issue sees the item: its decision, note, section and place for that issue (new
     * when it has none there), from {@code issue_items ii} joined on the issue's period, the first parameter;
     * an edit made before issues had their own ({@code items.edited_*}) still shows where the issue has none.
     */
    private static final String ISSUE_COLUMNS = COLUMNS.formatted(
            "coalesce(ii.status, 'new')", "ii.note", "coalesce(ii.edited_title, i.edited_title)",
            "coalesce(ii.edited_summary, i.edited_summary)", "ii.decided_at", "ii.section", "ii.position",
            " AND x.period <> ii_period.p");

    private static final String ISSUE_FROM = " " + """
             FROM items i CROSS JOIN (SELECT ? AS p) ii_period
             LEFT JOIN issue_items ii ON ii.item_id = i.id AND ii.period = ii_period.p""";

    private final Store store;

    Items(Store store) {
        this.store = store;
    }

    /**
     * Stored items, newest first by publication instant (or, lacking one, by when first seen);
     * ties broken by the newer row first.
     */
    public List<StoredItem> list(ItemQuery query) throws StoreException {
        List<StoredItem> items = new ArrayList<>();
        forEach(query, items::add);
        return items;
    }

    /** Takes stored items one at a time; may fail with its own checked exception (a full disk, a closed pipe). */
    @FunctionalInterface
    public interface Visitor<E extends Exception> {
        void visit(StoredItem item) throws E;
    }

    /**
     * The items of {@link #list}, in its order, handed over one at a time as the database cursor reads
     * them: a listing of 150,000 items is written or filtered without ever holding them all.
     *
     * @throws E when the visitor fails; the cursor is closed and the store stays usable
     */
    public <E extends Exception> void forEach(ItemQuery query, Visitor<E> visitor) throws StoreException, E {
        synchronized (store) {
            List<Object> parameters = new ArrayList<>();
            StringBuilder sql = new StringBuilder("SELECT ");
            if (query.issue() != null) {
                sql.append(ISSUE_COLUMNS).append(ISSUE_FROM).append(" WHERE 1 = 1");
                parameters.add(query.issue());
            } else {
                sql.append(ITEM_COLUMNS).append(" FROM items i WHERE 1 = 1");
            }
            if (query.source() != null) {
                sql.append(" AND EXISTS (SELECT 1 FROM item_sources s WHERE s.item_id = i.id AND s.source_id = ?)");
                parameters.add(query.source());
            }
            if (query.status() != null) {
                sql.append(query.issue() != null ? " AND coalesce(ii.status, 'new') = ?" : " AND i.status = ?");
                parameters.add(query.status().code());
            }
            sql.append(" AND ((1 = 1");
            if (query.since() != null) {
                sql.append(" AND coalesce(i.published, i.first_seen) >= ?");
                parameters.add(Store.text(query.since()));
            }
            if (query.until() != null) {
                sql.append(" AND coalesce(i.published, i.first_seen) < ?");
                parameters.add(Store.text(query.until()));
            }
            sql.append(")");
            if (query.eventsFrom() != null) {
                sql.append(" OR i.event_date >= ?");
                parameters.add(query.eventsFrom().toString());
            }
            sql.append(")");
            sql.append(" ORDER BY coalesce(i.published, i.first_seen) DESC, i.id DESC");
            Store.appendLimit(sql, parameters, query.limit());
            try (PreparedStatement select = store.prepare(sql.toString(), parameters);
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    visitor.visit(readItem(rs));
                }
            } catch (SQLException e) {
                throw store.failure("read items", e);
            }
        }
    }

    /** One stored item by its row id, with its latest decision in any issue, or empty when there is none. */
    public Optional<StoredItem> get(long id) throws StoreException {
        return get(id, null);
    }

    /**
     * One stored item by its row id as issue {@code issue} sees it (its decision, section and place there),
     * or as {@link #get(long)} when {@code issue} is null; empty when there is no such item.
     */
    public Optional<StoredItem> get(long id, String issue) throws StoreException {
        synchronized (store) {
            String sql = issue == null ? "SELECT " + ITEM_COLUMNS + " FROM items i WHERE i.id = ?"
                    : "SELECT " + ISSUE_COLUMNS + ISSUE_FROM + " WHERE i.id = ?";
            try (PreparedStatement select = store.connection().prepareStatement(sql)) {
                if (issue == null) {
                    select.setLong(1, id);
                } else {
                    select.setString(1, issue);
                    select.setLong(2, id);
                }
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(readItem(rs)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw store.failure("read item " + id, e);
            }
        }
    }

    private static StoredItem readItem(ResultSet rs) throws SQLException {
        String sources = rs.getString("sources");
        String eventDate = rs.getString("event_date");
        return new StoredItem(
                rs.getLong("id"),
                rs.getString("dedupe_key"),
                rs.getString("first_source"),
                split(sources),
                rs.getString("section"),
                rs.getString("title"),
                rs.getString("url"),
                rs.getString("guid"),
                rs.getString("summary"),
                Store.instant(rs.getString("published")),
                Store.instant(rs.getString("updated")),
                eventDate == null ? null : LocalDate.parse(eventDate),
                Store.instant(rs.getString("first_seen")),
                Store.instant(rs.getString("last_seen")),
                ReviewStatus.ofCode(rs.getString("status")),
                rs.getString("note"),
                rs.getString("edited_title"),
                rs.getString("edited_summary"),
                Store.instant(rs.getString("decided_at")),
                rs.getString("published_raw"),
                rs.getString("placed_section"),
                rs.getObject("position") == null ? null : Integer.valueOf(rs.getInt("position")),
                split(rs.getString("accepted_in")));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(UNIT_SEPARATOR));
    }

    /**
     * Writes a round atomically: items (upserted, deduplicated across sources), state, fetch log.
     * An item is the same as a stored one when its {@link #storedKey key} matches, or else when its
     * canonical URL does. A known item belongs to its first source: it keeps that source, key and
     * section, and only that source's listings change its title, summary and dates; another source
     * that lists it is remembered in {@code item_sources} ("also reported by") and only fills what is
     * still empty. Empty values never replace stored ones, nor does a {@link Item#titleDerived made-up
     * title} replace a real one (a real title, from any source, replaces a made-up one). A date no
     * source can mean ({@link PlausibleDates}, judged against the round's clock) is stored as none, its
     * text kept in {@code published_raw}. On any error nothing of the round is kept.
     *
     * @return how many items were new, and how many already known ones were seen again
     */
    public RoundResult recordRound(Round round) throws StoreException {
        return recordRounds(List.of(round)).get(0);
    }

    /**
     * Writes several rounds in one transaction, each as {@link #recordRound} would, in the order given
     * (a later round sees what an earlier one stored). Why: a commit writes every page it changed to
     * the write-ahead log, and a source's new items change pages all over the items' indexes, so a
     * transaction per source wrote most of those pages again for the next source; a first crawl of 500
     * feeds made 60,000 writes. Either every round is kept or none is.
     *
     * @return what each round did, in the order of {@code rounds}
     */
    public List<RoundResult> recordRounds(List<Round> rounds) throws StoreException {
        rounds.forEach(Items::check);
        String what = rounds.size() == 1 ? "record the round of source " + rounds.get(0).sourceId()
                : "record the rounds of " + rounds.size() + " sources, from " + rounds.get(0).sourceId();
        return store.inTransaction(what, c -> {
            List<RoundResult> results = new ArrayList<>(rounds.size());
            for (Round round : rounds) {
                results.add(write(round));
            }
            return results;
        });
    }

    private static void check(Round round) {
        Objects.requireNonNull(round.sourceId(), "round.sourceId");
        Objects.requireNonNull(round.startedAt(), "round.startedAt");
        Objects.requireNonNull(round.outcome(), "round.outcome");
        Objects.requireNonNull(round.newState(), "round.newState");
        if (!round.sourceId().equals(round.newState().sourceId())) {
            throw new IllegalArgumentException("round of source " + round.sourceId()
                    + " carries the state of source " + round.newState().sourceId());
        }
    }

    private RoundResult write(Round round) throws SQLException {
        RoundResult result = writeItems(store, round);
        SourceRecords.writeState(store, round.newState());
        SourceRecords.writeFetchLog(store, round, result.newItems());
        return result;
    }

    /**
     * The key an item is stored and found under. An opaque guid is only unique within the source that
     * gives it (two feeds of one site may both number from 1), so its key is kept per source; every
     * other key (a permalink, a URL and title) means the same item whichever source lists it.
     */
    static String storedKey(String sourceId, Item item) {
        return item.keyedByOpaqueGuid() ? item.dedupeKey() + SOURCE_MARK + sourceId : item.dedupeKey();
    }

    private static RoundResult writeItems(Store store, Round round) throws SQLException {
        Instant seenAt = round.finishedAt() != null ? round.finishedAt() : round.startedAt();
        String seen = Store.text(seenAt);
        Set<Long> inserted = new HashSet<>();
        Set<Long> refreshed = new HashSet<>();
        // by key, else (coalesce stops at its first value) by a URL that identifies its item: one
        // statement, not two, for each new item
        PreparedStatement known = store.kept("""
                SELECT coalesce((SELECT id FROM items WHERE dedupe_key = ?),
                                (SELECT id FROM items WHERE url = ? AND url_identity = 1 ORDER BY id LIMIT 1))""");
        PreparedStatement current = store.kept("""
                SELECT first_source, title, title_derived, summary, published, published_raw, updated, guid, event_date
                  FROM items WHERE id = ?""");
        PreparedStatement insert = store.kept("""
                INSERT INTO items (dedupe_key, url, guid, title, summary, published, updated, section,
                                   first_source, first_seen, last_seen, url_identity, event_date,
                                   title_derived, published_raw)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING id""");
        PreparedStatement update = store.kept("""
                UPDATE items
                   SET title = ?, title_derived = ?, summary = ?, published = ?, published_raw = ?,
                       updated = ?, guid = ?, event_date = ?, last_seen = ?,
                       url_identity = min(url_identity, ?)
                 WHERE id = ?""");
        PreparedStatement link = store.kept("""
                INSERT INTO item_sources (item_id, source_id, first_seen, last_seen) VALUES (?, ?, ?, ?)
                ON CONFLICT (item_id, source_id) DO UPDATE SET last_seen = excluded.last_seen""");
        for (Item item : round.items()) {
            String key = storedKey(round.sourceId(), item);
            // the same page under another key: another source, another guid scheme
            Long id = knownId(known, key, item.urlIdentifiesItem() ? item.url() : null);
            Fields sighted = Fields.of(item, seenAt);
            if (id == null) {
                insert.setString(1, key);
                insert.setString(2, item.url());
                insert.setString(3, item.guid());
                insert.setString(4, item.title());
                insert.setString(5, item.summary());
                Store.setInstant(insert, 6, sighted.published());
                Store.setInstant(insert, 7, sighted.updated());
                insert.setString(8, round.section());
                insert.setString(9, round.sourceId());
                insert.setString(10, seen);
                insert.setString(11, seen);
                insert.setInt(12, item.urlIdentifiesItem() ? 1 : 0);
                insert.setString(13, item.eventDate() == null ? null : item.eventDate().toString());
                insert.setInt(14, item.titleDerived() ? 1 : 0);
                insert.setString(15, sighted.publishedRaw());
                // RETURNING, not getGeneratedKeys: the driver prepares and runs "SELECT last_insert_rowid()"
                // for each generated key it is asked for, 2% of a first crawl's CPU
                try (ResultSet keys = insert.executeQuery()) {
                    if (!keys.next()) {
                        throw new SQLException("no row id for the new item " + item.url());
                    }
                    id = keys.getLong(1);
                }
                inserted.add(id);
            } else {
                current.setLong(1, id);
                Fields merged;
                try (ResultSet rs = current.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("item " + id + " vanished within the round");
                    }
                    boolean owner = round.sourceId().equals(rs.getString("first_source"));
                    merged = Fields.read(rs).merge(sighted, owner);
                }
                update.setString(1, merged.title());
                update.setInt(2, merged.titleDerived() ? 1 : 0);
                update.setString(3, merged.summary());
                Store.setInstant(update, 4, merged.published());
                update.setString(5, merged.publishedRaw());
                Store.setInstant(update, 6, merged.updated());
                update.setString(7, merged.guid());
                update.setString(8, merged.eventDate());
                update.setString(9, seen);
                // once a URL is seen shared, it never again identifies the item
                update.setInt(10, item.urlIdentifiesItem() ? 1 : 0);
                update.setLong(11, id);
                update.executeUpdate();
                if (!inserted.contains(id)) {
                    refreshed.add(id);
                }
            }
            link.setLong(1, id);
            link.setString(2, round.sourceId());
            link.setString(3, seen);
            link.setString(4, seen);
            link.executeUpdate();
        }
        return new RoundResult(inserted.size(), refreshed.size());
    }

    /**
     * The fields of an item that its sightings may change, as stored or as one source lists them now.
     *
     * @param publishedRaw the date given when it was none a source can mean (then {@code published} is null)
     * @param eventDate    ISO day, as stored
     */
    private record Fields(String title, boolean titleDerived, String summary, Instant published, String publishedRaw,
            Instant updated, String guid, String eventDate) {

        /** A source's listing of the item, its dates judged against the crawl's clock. */
        static Fields of(Item item, Instant now) {
            Instant published = PlausibleDates.plausible(item.published(), now) ? item.published() : null;
            String raw = item.published() != null && published == null ? item.published().toString() : null;
            Instant updated = PlausibleDates.plausible(item.updated(), now) ? item.updated() : null;
            return new Fields(item.title(), item.titleDerived(), item.summary(), published, raw, updated, item.guid(),
                    item.eventDate() == null ? null : item.eventDate().toString());
        }

        static Fields read(ResultSet rs) throws SQLException {
            return new Fields(rs.getString("title"), rs.getInt("title_derived") != 0, rs.getString("summary"),
                    Store.instant(rs.getString("published")), rs.getString("published_raw"), Store.instant(rs.getString("updated")),
                    rs.getString("guid"), rs.getString("event_date"));
        }

        /**
         * These stored fields after {@code seen}: the first source ({@code owner}) may change what it gave,
         * another source only fills what is empty; nothing empty or made up replaces a real value.
         */
        Fields merge(Fields seen, boolean owner) {
            String t = title;
            boolean derived = titleDerived;
            if (!isBlank(seen.title)) {
                boolean takeIt = isBlank(title)
                        || (!seen.titleDerived && (owner || titleDerived))
                        || (seen.titleDerived && titleDerived && owner);
                if (takeIt) {
                    t = seen.title;
                    derived = seen.titleDerived;
                }
            }
            String s = !isBlank(seen.summary) && (owner || isBlank(summary)) ? seen.summary : summary;
            Instant p = published;
            String raw = publishedRaw;
            if (seen.published != null && (owner || published == null)) {
                p = seen.published;
                raw = null;
            } else if (seen.publishedRaw != null && published == null && (owner || raw == null)) {
                raw = seen.publishedRaw;
            }
            Instant u = seen.updated != null && (owner || updated == null) ? seen.updated : updated;
            // another source's guid means nothing in the first source's feed
            String g = guid == null && owner ? seen.guid : guid;
            String e = seen.eventDate != null && (owner || eventDate == null) ? seen.eventDate : eventDate;
            return new Fields(t, derived, s, p, raw, u, g, e);
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }
    }

    private static Long knownId(PreparedStatement known, String key, String identifyingUrl) throws SQLException {
        known.setString(1, key);
        known.setString(2, identifyingUrl);
        try (ResultSet rs = known.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            long id = rs.getLong(1);
            return rs.wasNull() ? null : id;
        }
    }
}
