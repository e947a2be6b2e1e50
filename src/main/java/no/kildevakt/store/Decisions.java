package no.kildevakt.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The editors' review decisions: accept, reject or reset an item, with an optional note, and the
 * title and summary they want in the draft. The latest decision lives on the item (so listings stay
 * one query); every decision is also appended to a history with its time, so "who changed their mind
 * when" can be answered later and nothing an editor did is silently overwritten.
 *
 * <p>Obtained from {@link Store#decisions()}; shares the store's connection and lock.
 */
public final class Decisions {
    /** Longest note or edited text kept: enough for a paragraph, not for a pasted report. */
    public static final int MAX_TEXT = 4000;

    private final Store store;

    Decisions(Store store) {
        this.store = store;
    }

    /** One entry of an item's decision history. */
    public record Entry(long itemId, ReviewStatus decision, String note, Instant decidedAt) {}

    /**
     * Records a decision given as a word, as the review API receives it.
     *
     * @param decision a {@link ReviewStatus#code() status word}, in any case and with spaces around
     * @throws IllegalArgumentException when the decision is not accepted, rejected or new, or the note is too long
     * @see #decide(long, ReviewStatus, String, Instant)
     */
    public StoredItem decide(long itemId, String decision, String note, Instant at) throws StoreException {
        return decide(itemId, decision, note, at, null);
    }

    /**
     * As {@link #decide(long, String, String, Instant)}, for the issue {@code period} names (null: the quarter
     * of the item's date).
     */
    public StoredItem decide(long itemId, String decision, String note, Instant at, String period) throws StoreException {
        Objects.requireNonNull(at, "at");
        ReviewStatus status = ReviewStatus.find(decision == null ? "" : decision.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new IllegalArgumentException(
                        "decision must be accepted, rejected or new, got \"" + decision + "\""));
        return decide(itemId, status, note, at, period);
    }

    /**
     * Records a decision on an item.
     *
     * @param note the editor's note; null keeps the current note, empty clears it
     * @return the item as it is now
     * @throws IllegalArgumentException when the note is too long
     * @throws StoreException           when there is no such item or the database fails
     */
    public StoredItem decide(long itemId, ReviewStatus status, String note, Instant at) throws StoreException {
        return decide(itemId, status, note, at, null);
    }

    /**
     * Records a decision taken for an issue: the decision, note and time are that issue's (another
     * issue's draft is not changed by it), the item's latest decision in any issue is updated (what
     * {@code items} lists and the ranking learns from), and the decision is appended to the history.
     *
     * @param period the issue's period (2024-Q4, 2024-12 …); null for the quarter of the item's date in
     *               Oslo, the issue a script's decision most likely means
     */
    public StoredItem decide(long itemId, ReviewStatus status, String note, Instant at, String period) throws StoreException {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        checkLength("note", note);
        synchronized (store) {
            String issue = store.inTransaction("record a decision on item " + itemId, c -> {
                try (PreparedStatement update = c.prepareStatement("""
                        UPDATE items SET status = ?, note = CASE WHEN ? THEN nullif(?, '') ELSE note END, decided_at = ?
                         WHERE id = ?""")) {
                    update.setString(1, status.code());
                    update.setBoolean(2, note != null);
                    Store.setText(update, 3, note == null ? null : note.strip());
                    Store.setInstant(update, 4, at);
                    update.setLong(5, itemId);
                    if (update.executeUpdate() == 0) {
                        throw new StoreException.MissingRow("no item with id " + itemId);
                    }
                }
                String named = period == null || period.isBlank() ? issueOfItem(c, itemId) : period.strip();
                try (PreparedStatement upsert = c.prepareStatement("""
                        INSERT INTO issue_items (period, item_id, status, note, decided_at) VALUES (?, ?, ?, nullif(?, ''), ?)
                        ON CONFLICT (period, item_id) DO UPDATE
                           SET status = excluded.status, decided_at = excluded.decided_at,
                               note = CASE WHEN ? THEN excluded.note ELSE note END""")) {
                    upsert.setString(1, named);
                    upsert.setLong(2, itemId);
                    upsert.setString(3, status.code());
                    Store.setText(upsert, 4, note == null ? null : note.strip());
                    Store.setInstant(upsert, 5, at);
                    upsert.setBoolean(6, note != null);
                    upsert.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO decisions (item_id, decision, note, decided_at, period) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setLong(1, itemId);
                    insert.setString(2, status.code());
                    Store.setText(insert, 3, note == null || note.isBlank() ? null : note.strip());
                    Store.setInstant(insert, 4, at);
                    insert.setString(5, named);
                    insert.executeUpdate();
                }
                return named;
            });
            return store.items().get(itemId, issue).orElseThrow(() -> new StoreException.NotFound("no item with id " + itemId));
        }
    }

    /** The issue a decision on the item belongs to when none is named: the quarter of its date in Oslo. */
    private static String issueOfItem(java.sql.Connection c, long itemId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + Schema.ISSUE_OF_ITEM + " FROM items i WHERE i.id = ?")) {
            select.setLong(1, itemId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException.MissingRow("no item with id " + itemId);
                }
                return rs.getString(1);
            }
        }
    }

    /**
     * Sets the title and summary the draft uses for an item instead of the source's.
     *
     * @param title   the editor's title; null keeps the current edit, blank removes it
     * @param summary the editor's summary; null keeps the current edit, blank removes it
     */
    public StoredItem edit(long itemId, String title, String summary) throws StoreException {
        return edit(itemId, title, summary, null);
    }

    /**
     * Sets the title and summary one issue's draft uses for an item: another issue that cites the same
     * item keeps its own text.
     *
     * @param period the issue, or null for every issue without an edit of its own (the item's own edit)
     */
    public StoredItem edit(long itemId, String title, String summary, String period) throws StoreException {
        checkLength("title", title);
        checkLength("summary", summary);
        if (period != null && !period.isBlank()) {
            return editForIssue(itemId, title, summary, period.strip());
        }
        synchronized (store) {
            store.inTransaction("edit item " + itemId, c -> {
                try (PreparedStatement update = c.prepareStatement("""
                        UPDATE items
                           SET edited_title   = CASE WHEN ? THEN nullif(?, '') ELSE edited_title END,
                               edited_summary = CASE WHEN ? THEN nullif(?, '') ELSE edited_summary END
                         WHERE id = ?""")) {
                    update.setBoolean(1, title != null);
                    update.setString(2, title == null ? null : title.strip());
                    update.setBoolean(3, summary != null);
                    update.setString(4, summary == null ? null : summary.strip());
                    update.setLong(5, itemId);
                    if (update.executeUpdate() == 0) {
                        throw new StoreException.MissingRow("no item with id " + itemId);
                    }
                }
                return null;
            });
            return store.items().get(itemId).orElseThrow(() -> new StoreException.NotFound("no item with id " + itemId));
        }
    }

    private StoredItem editForIssue(long itemId, String title, String summary, String period) throws StoreException {
        synchronized (store) {
            store.inTransaction("edit item " + itemId + " for issue " + period, c -> {
                try (PreparedStatement upsert = c.prepareStatement("""
                        INSERT INTO issue_items (period, item_id, edited_title, edited_summary) VALUES (?, ?, nullif(?, ''), nullif(?, ''))
                        ON CONFLICT (period, item_id) DO UPDATE
                           SET edited_title   = CASE WHEN ? THEN excluded.edited_title ELSE edited_title END,
                               edited_summary = CASE WHEN ? THEN excluded.edited_summary ELSE edited_summary END""")) {
                    upsert.setString(1, period);
                    upsert.setLong(2, itemId);
                    Store.setText(upsert, 3, title == null ? null : title.strip());
                    Store.setText(upsert, 4, summary == null ? null : summary.strip());
                    upsert.setBoolean(5, title != null);
                    upsert.setBoolean(6, summary != null);
                    upsert.executeUpdate();
                } catch (SQLException e) {
                    throw Store.unlessNoItem(e, itemId);
                }
                return null;
            });
            return store.items().get(itemId, period).orElseThrow(() -> new StoreException.NotFound("no item with id " + itemId));
        }
    }

    /** Every decision taken on an item, oldest first. */
    public List<Entry> history(long itemId) throws StoreException {
        synchronized (store) {
            try (PreparedStatement select = store.connection().prepareStatement(
                    "SELECT decision, note, decided_at FROM decisions WHERE item_id = ? ORDER BY decided_at, id")) {
                select.setLong(1, itemId);
                try (ResultSet rs = select.executeQuery()) {
                    List<Entry> entries = new ArrayList<>();
                    while (rs.next()) {
                        entries.add(new Entry(itemId, ReviewStatus.ofCode(rs.getString(1)), rs.getString(2), Store.instant(rs.getString(3))));
                    }
                    return entries;
                }
            } catch (SQLException e) {
                throw store.failure("read the decisions on item " + itemId, e);
            }
        }
    }

    /**
     * An item's latest decision when it is an accept or a reject, with the item's text as its source
     * published it: what the ranking learns from.
     *
     * @param period the issue the decision was taken for, or null
     */
    public record Latest(long itemId, ReviewStatus decision, Instant decidedAt, String period, String title,
            String summary, String source, String section, String url) {}

    /**
     * Each item's latest decision, for items whose latest decision is an accept or a reject (a decision
     * taken back with {@code new} stops counting), in the order they were taken. Whichever issue a
     * decision was taken for, the latest one counts.
     */
    public List<Latest> latest() throws StoreException {
        synchronized (store) {
            try (PreparedStatement select = store.connection().prepareStatement("""
                    SELECT d.item_id, d.decision, d.decided_at, d.period, i.title, i.summary, i.first_source, i.section, i.url
                      FROM decisions d JOIN items i ON i.id = d.item_id
                     WHERE d.id = (SELECT max(id) FROM decisions l WHERE l.item_id = d.item_id)
                       AND d.decision IN ('accepted', 'rejected')
                     ORDER BY d.id""");
                    ResultSet rs = select.executeQuery()) {
                List<Latest> latest = new ArrayList<>();
                while (rs.next()) {
                    latest.add(new Latest(rs.getLong(1), ReviewStatus.ofCode(rs.getString(2)), Store.instant(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
                return latest;
            } catch (SQLException e) {
                throw store.failure("read the latest decisions", e);
            }
        }
    }

    /**
     * A number that changes whenever a decision is recorded or an issue's entries change, so a ranking
     * built from the evidence can tell cheaply that it must be rebuilt.
     */
    public String evidenceVersion() throws StoreException {
        synchronized (store) {
            try (PreparedStatement select = store.connection().prepareStatement("""
                    SELECT (SELECT coalesce(max(id), 0) FROM decisions) || '/'
                        || (SELECT count(*) FROM issue_entries) || '/'
                        || (SELECT coalesce(max(updated_at), '') FROM issues) || '/'
                        || (SELECT count(*) FROM issues)""");
                    ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            } catch (SQLException e) {
                throw store.failure("read the decisions' version", e);
            }
        }
    }

    private static void checkLength(String what, String text) {
        if (text != null && text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_TEXT + " characters");
        }
    }

}
