package no.kildevakt.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the store knows of each source: its {@link SourceState} (validators, health, backoff), read
 * by the crawl to decide what is due and by {@code sources} and the review page to show health, and
 * the fetch log, one row per round, for {@code log}. Both are written by {@link Items#recordRound}
 * in the round's own transaction, so state, log and items never disagree.
 *
 * <p>Obtained from {@link Store#sources()}; shares the store's connection and lock.
 */
public final class SourceRecords {
    private final Store store;

    SourceRecords(Store store) {
        this.store = store;
    }

    /** The state of one source; {@link SourceState#empty} when it was never crawled. */
    public SourceState state(String sourceId) throws StoreException {
        Objects.requireNonNull(sourceId, "sourceId");
        synchronized (store) {
            try (PreparedStatement select = store.connection().prepareStatement("SELECT * FROM sources WHERE id = ?")) {
                select.setString(1, sourceId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? readState(rs) : SourceState.empty(sourceId);
                }
            } catch (SQLException e) {
                throw store.failure("read the state of source " + sourceId, e);
            }
        }
    }

    /** The state of every source the store has seen, by id (in id order). */
    public Map<String, SourceState> states() throws StoreException {
        synchronized (store) {
            Map<String, SourceState> states = new LinkedHashMap<>();
            try (Statement select = store.connection().createStatement();
                    ResultSet rs = select.executeQuery("SELECT * FROM sources ORDER BY id")) {
                while (rs.next()) {
                    SourceState state = readState(rs);
                    states.put(state.sourceId(), state);
                }
                return states;
            } catch (SQLException e) {
                throw store.failure("read the sources' state", e);
            }
        }
    }

    /**
     * Takes back one failure from each of these sources and makes them due again: for a run
     * that found the network itself down, which is no fault of the sources and should not push
     * them into backoff. Unknown ids are ignored. One transaction.
     */
    public void forgiveFailures(Collection<String> sourceIds) throws StoreException {
        if (sourceIds.isEmpty()) {
            return;
        }
        store.inTransaction("forgive failures", c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE sources
                       SET consecutive_failures = max(consecutive_failures - 1, 0), next_due = NULL
                     WHERE id = ?""")) {
                for (String id : sourceIds) {
                    update.setString(1, id);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    /**
     * The fetch log, newest round first.
     *
     * @param sourceId only this source's rounds, or null for every source
     * @param limit    at most this many rows; 0 for no limit
     */
    public List<FetchLogEntry> fetchLog(String sourceId, int limit) throws StoreException {
        synchronized (store) {
            StringBuilder sql = new StringBuilder("SELECT * FROM fetch_log");
            List<Object> parameters = new ArrayList<>();
            if (sourceId != null) {
                sql.append(" WHERE source_id = ?");
                parameters.add(sourceId);
            }
            sql.append(" ORDER BY started_at DESC, id DESC");
            Store.appendLimit(sql, parameters, limit);
            try (PreparedStatement select = store.prepare(sql.toString(), parameters);
                    ResultSet rs = select.executeQuery()) {
                List<FetchLogEntry> entries = new ArrayList<>();
                while (rs.next()) {
                    String outcome = rs.getString("outcome");
                    entries.add(new FetchLogEntry(
                            rs.getLong("id"),
                            rs.getString("source_id"),
                            Store.instant(rs.getString("started_at")),
                            Store.instant(rs.getString("finished_at")),
                            outcome == null ? null : Outcome.fromCode(outcome),
                            rs.getInt("http_status"),
                            rs.getInt("new_items"),
                            rs.getInt("seen_items"),
                            rs.getLong("bytes"),
                            rs.getString("error"),
                            rs.getString("final_url")));
                }
                return entries;
            } catch (SQLException e) {
                throw store.failure("read the fetch log", e);
            }
        }
    }

    private static SourceState readState(ResultSet rs) throws SQLException {
        String outcome = rs.getString("last_outcome");
        return new SourceState(
                rs.getString("id"),
                rs.getString("etag"),
                rs.getString("last_modified"),
                Store.instant(rs.getString("last_attempt")),
                Store.instant(rs.getString("last_success")),
                outcome == null ? null : Outcome.fromCode(outcome),
                rs.getString("last_error"),
                rs.getInt("consecutive_failures"),
                rs.getInt("items_last_time"),
                rs.getInt("items_ever"),
                Store.instant(rs.getString("next_due")),
                rs.getString("moved_to"));
    }

    /** Writes a source's state; the caller holds the round's transaction. */
    static void writeState(Store store, SourceState state) throws SQLException {
        PreparedStatement upsert = store.kept("""
                INSERT INTO sources (id, etag, last_modified, last_attempt, last_success, last_outcome, last_error,
                                     consecutive_failures, items_last_time, items_ever, next_due, moved_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                    etag = excluded.etag, last_modified = excluded.last_modified,
                    last_attempt = excluded.last_attempt, last_success = excluded.last_success,
                    last_outcome = excluded.last_outcome, last_error = excluded.last_error,
                    consecutive_failures = excluded.consecutive_failures,
                    items_last_time = excluded.items_last_time, items_ever = excluded.items_ever,
                    next_due = excluded.next_due, moved_to = excluded.moved_to""");
        upsert.setString(1, state.sourceId());
        upsert.setString(2, state.etag());
        upsert.setString(3, state.lastModified());
        Store.setInstant(upsert, 4, state.lastAttempt());
        Store.setInstant(upsert, 5, state.lastSuccess());
        upsert.setString(6, state.lastOutcome() == null ? null : state.lastOutcome().code());
        upsert.setString(7, state.lastError());
        upsert.setInt(8, state.consecutiveFailures());
        upsert.setInt(9, state.itemsLastTime());
        upsert.setInt(10, state.itemsEver());
        Store.setInstant(upsert, 11, state.nextDue());
        upsert.setString(12, state.movedTo());
        upsert.executeUpdate();
    }

    /** Appends a round to the fetch log; the caller holds the round's transaction. */
    static void writeFetchLog(Store store, Round round, int newItems) throws SQLException {
        PreparedStatement insert = store.kept("""
                INSERT INTO fetch_log (source_id, started_at, finished_at, outcome, http_status, new_items,
                                       seen_items, bytes, error, final_url)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        insert.setString(1, round.sourceId());
        Store.setInstant(insert, 2, round.startedAt());
        Store.setInstant(insert, 3, round.finishedAt());
        insert.setString(4, round.outcome().code());
        insert.setInt(5, round.httpStatus());
        insert.setInt(6, newItems);
        insert.setInt(7, round.items().size());
        insert.setLong(8, round.bytes());
        insert.setString(9, round.error());
        insert.setString(10, round.finalUrl());
        insert.executeUpdate();
    }
}
