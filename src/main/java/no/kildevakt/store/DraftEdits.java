package no.kildevakt.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the editors arrange in one issue's draft beyond accepting items: which section an item goes
 * under (any section, "Verdt å merke seg" included, which no source feeds), the order of the entries
 * within a section, entries no source delivered (a KOM activity, a ruling read from a PDF), and their
 * own names for the groups within a section ("Rapporter fra politiet"; two groups given one name are
 * merged). All of it belongs to the issue, named by its period, so arranging one issue never changes
 * another.
 *
 * <p>Obtained from {@link Store#draftEdits()}; shares the store's connection and lock.
 */
public final class DraftEdits {
    /** Longest title or text of a hand-written entry: a newsletter paragraph, not a pasted report. */
    public static final int MAX_TEXT = Decisions.MAX_TEXT;

    private final Store store;

    DraftEdits(Store store) {
        this.store = store;
    }

    /**
     * An entry an editor wrote into an issue.
     *
     * @param group    the group within the section it is filed under, empty for none
     * @param url      its link, or null
     * @param day      the date it is about (the event's day in an events section), or null
     * @param position its place in its section as ordered (1 first), or null (after the ordered ones)
     */
    public record Handwritten(long id, String period, String section, String group, String title, String text, String url,
            LocalDate day, Integer position, Instant createdAt) {}

    /** What an editor writes for a hand-written entry; null fields are left as they are on an update. */
    public record EntryText(String section, String group, String title, String text, String url, LocalDate day) {}

    /**
     * Files an item under {@code section} in issue {@code period} (null: back under its source's section).
     * Its decision there is kept; an item not decided there stays undecided.
     */
    public void move(String period, long itemId, String section) throws StoreException {
        requirePeriod(period);
        synchronized (store) {
            store.inTransaction("move item " + itemId, c -> {
                try (PreparedStatement upsert = c.prepareStatement("""
                        INSERT INTO issue_items (period, item_id, section) VALUES (?, ?, ?)
                        ON CONFLICT (period, item_id) DO UPDATE SET section = excluded.section, position = NULL""")) {
                    upsert.setString(1, period);
                    upsert.setLong(2, itemId);
                    Store.setText(upsert, 3, section == null || section.isBlank() ? null : section.strip());
                    upsert.executeUpdate();
                } catch (SQLException e) {
                    throw Store.unlessNoItem(e, itemId);
                }
                return null;
            });
        }
    }

    /**
     * Orders a section's entries in issue {@code period}: {@code keys} names them first to last, as
     * {@code item:ID} or {@code entry:ID} (hand-written). Entries not named keep no place and follow.
     *
     * @throws IllegalArgumentException when a key is not of either form
     */
    public void order(String period, List<String> keys) throws StoreException {
        requirePeriod(period);
        List<long[]> parsed = new ArrayList<>();
        for (String key : keys) {
            parsed.add(parseKey(key));
        }
        synchronized (store) {
            store.inTransaction("order the entries of issue " + period, c -> {
                try (PreparedStatement item = c.prepareStatement("""
                        INSERT INTO issue_items (period, item_id, position) VALUES (?, ?, ?)
                        ON CONFLICT (period, item_id) DO UPDATE SET position = excluded.position""");
                        PreparedStatement entry = c.prepareStatement(
                                "UPDATE handwritten_entries SET position = ? WHERE id = ? AND period = ?")) {
                    int position = 1;
                    for (long[] key : parsed) {
                        if (key[0] == 0) {
                            item.setString(1, period);
                            item.setLong(2, key[1]);
                            item.setInt(3, position++);
                            try {
                                item.executeUpdate();
                            } catch (SQLException e) {
                                throw Store.unlessNoItem(e, key[1]);
                            }
                        } else {
                            entry.setInt(1, position++);
                            entry.setLong(2, key[1]);
                            entry.setString(3, period);
                            entry.executeUpdate();
                        }
                    }
                }
                return null;
            });
        }
    }

    /** {@code item:12} → {0, 12}; {@code entry:3} → {1, 3}. */
    private static long[] parseKey(String key) {
        String k = key == null ? "" : key.strip();
        if (k.matches("item:\\d{1,18}")) {
            return new long[] {0, Long.parseLong(k.substring(5))};
        }
        if (k.matches("entry:\\d{1,18}")) {
            return new long[] {1, Long.parseLong(k.substring(6))};
        }
        throw new IllegalArgumentException("an entry is named item:ID or entry:ID, got \"" + key + "\"");
    }

    /**
     * Adds a hand-written entry to issue {@code period}.
     *
     * @throws IllegalArgumentException when the section or title is missing or a text is too long
     */
    public Handwritten add(String period, EntryText text, Instant at) throws StoreException {
        requirePeriod(period);
        Objects.requireNonNull(text, "text");
        if (text.section() == null || text.section().isBlank()) {
            throw new IllegalArgumentException("an entry needs a section");
        }
        if (text.title() == null || text.title().isBlank()) {
            throw new IllegalArgumentException("an entry needs a title");
        }
        check(text);
        synchronized (store) {
            long id = store.inTransaction("add an entry to issue " + period, c -> {
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO handwritten_entries (period, section, grp, title, text, url, day, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        RETURNING id""")) {
                    insert.setString(1, period);
                    insert.setString(2, text.section().strip());
                    insert.setString(3, text.group() == null ? "" : text.group().strip());
                    insert.setString(4, text.title().strip());
                    Store.setText(insert, 5, blankToNull(text.text()));
                    Store.setText(insert, 6, blankToNull(text.url()));
                    Store.setText(insert, 7, text.day() == null ? null : text.day().toString());
                    Store.setInstant(insert, 8, at);
                    Store.setInstant(insert, 9, at);
                    try (ResultSet keys = insert.executeQuery()) {
                        keys.next();
                        return keys.getLong(1);
                    }
                }
            });
            return entry(period, id);
        }
    }

    /**
     * Changes a hand-written entry; null fields stay as they are, blank text, link or group remove them.
     *
     * @throws IllegalArgumentException when the title would be blank or a text is too long
     */
    public Handwritten update(String period, long id, EntryText text, Instant at) throws StoreException {
        requirePeriod(period);
        check(text);
        if (text.title() != null && text.title().isBlank()) {
            throw new IllegalArgumentException("an entry needs a title");
        }
        synchronized (store) {
            store.inTransaction("change entry " + id, c -> {
                try (PreparedStatement update = c.prepareStatement("""
                        UPDATE handwritten_entries
                           SET section = coalesce(?, section), grp = coalesce(?, grp), title = coalesce(?, title),
                               text = CASE WHEN ? THEN nullif(?, '') ELSE text END,
                               url = CASE WHEN ? THEN nullif(?, '') ELSE url END,
                               day = CASE WHEN ? THEN ? ELSE day END,
                               position = CASE WHEN ? IS NOT NULL AND ? <> section THEN NULL ELSE position END,
                               updated_at = ?
                         WHERE id = ? AND period = ?""")) {
                    String section = blankToNull(text.section());
                    Store.setText(update, 1, section);
                    Store.setText(update, 2, text.group() == null ? null : text.group().strip());
                    Store.setText(update, 3, text.title() == null ? null : text.title().strip());
                    update.setBoolean(4, text.text() != null);
                    Store.setText(update, 5, text.text() == null ? null : text.text().strip());
                    update.setBoolean(6, text.url() != null);
                    Store.setText(update, 7, text.url() == null ? null : text.url().strip());
                    update.setBoolean(8, text.day() != null);
                    Store.setText(update, 9, text.day() == null ? null : text.day().toString());
                    Store.setText(update, 10, section);
                    Store.setText(update, 11, section);
                    Store.setInstant(update, 12, at);
                    update.setLong(13, id);
                    update.setString(14, period);
                    if (update.executeUpdate() == 0) {
                        throw new StoreException.MissingRow("issue " + period + " has no entry " + id);
                    }
                }
                return null;
            });
            return entry(period, id);
        }
    }

    /** Removes a hand-written entry; false when the issue has no such entry. */
    public boolean remove(String period, long id) throws StoreException {
        requirePeriod(period);
        synchronized (store) {
            return store.inTransaction("remove entry " + id, c -> {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM handwritten_entries WHERE id = ? AND period = ?")) {
                    delete.setLong(1, id);
                    delete.setString(2, period);
                    return delete.executeUpdate() > 0;
                }
            });
        }
    }

    /** The hand-written entries, in the order they were written. */
    public List<Handwritten> entries(String period) throws StoreException {
        synchronized (store) {
            try (PreparedStatement select = store.connection().prepareStatement(
                    "SELECT " + ENTRY_COLUMNS + " FROM handwritten_entries WHERE period = ? ORDER BY id")) {
                select.setString(1, period);
                try (ResultSet rs = select.executeQuery()) {
                    List<Handwritten> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(readEntry(rs));
                    }
                    return out;
                }
            } catch (SQLException e) {
                throw store.failure("read the entries of issue " + period, e);
            }
        }
    }

    /**
     * Names a group of a section for issue {@code period}: {@code title} is shown instead of {@code name};
     * groups given the same title are merged into one. A blank title undoes the renaming.
     */
    public void nameGroup(String period, String section, String name, String title) throws StoreException {
        requirePeriod(period);
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(name, "name");
        if (title != null && title.length() > 200) {
            throw new IllegalArgumentException("a group's name is at most 200 characters");
        }
        synchronized (store) {
            store.inTransaction("name a group of issue " + period, c -> {
                if (title == null || title.isBlank()) {
                    try (PreparedStatement delete = c.prepareStatement(
                            "DELETE FROM issue_groups WHERE period = ? AND section = ? AND name = ?")) {
                        delete.setString(1, period);
                        delete.setString(2, section);
                        delete.setString(3, name);
                        delete.executeUpdate();
                    }
                } else {
                    try (PreparedStatement upsert = c.prepareStatement("""
                            INSERT INTO issue_groups (period, section, name, title) VALUES (?, ?, ?, ?)
                            ON CONFLICT (period, section, name) DO UPDATE SET title = excluded.title""")) {
                        upsert.setString(1, period);
                        upsert.setString(2, section);
                        upsert.setString(3, name);
                        upsert.setString(4, title.strip());
                        upsert.executeUpdate();
                    }
                }
                return null;
            });
        }
    }

    /** The group names: section → (group as configured → the editors' name). */
    public Map<String, Map<String, String>> groupNames(String period) throws StoreException {
        synchronized (store) {
            try (PreparedStatement select = store.connection().prepareStatement(
                    "SELECT section, name, title FROM issue_groups WHERE period = ? ORDER BY section, name")) {
                select.setString(1, period);
                try (ResultSet rs = select.executeQuery()) {
                    Map<String, Map<String, String>> out = new LinkedHashMap<>();
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
                    }
                    return out;
                }
            } catch (SQLException e) {
                throw store.failure("read the group names of issue " + period, e);
            }
        }
    }

    private static final String ENTRY_COLUMNS = "id, period, section, grp, title, text, url, day, position, created_at";

    private Handwritten entry(String period, long id) throws StoreException {
        try (PreparedStatement select = store.connection().prepareStatement(
                "SELECT " + ENTRY_COLUMNS + " FROM handwritten_entries WHERE id = ? AND period = ?")) {
            select.setLong(1, id);
            select.setString(2, period);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException.NotFound("issue " + period + " has no entry " + id);
                }
                return readEntry(rs);
            }
        } catch (SQLException e) {
            throw store.failure("read entry " + id, e);
        }
    }

    private static Handwritten readEntry(ResultSet rs) throws SQLException {
        String day = rs.getString("day");
        return new Handwritten(rs.getLong("id"), rs.getString("period"), rs.getString("section"), rs.getString("grp"),
                rs.getString("title"), rs.getString("text"), rs.getString("url"), day == null ? null : LocalDate.parse(day),
                rs.getObject("position") == null ? null : Integer.valueOf(rs.getInt("position")), Store.instant(rs.getString("created_at")));
    }

    private static void check(EntryText text) {
        for (String s : new String[] {text.section(), text.group(), text.title(), text.text(), text.url()}) {
            if (s != null && s.length() > MAX_TEXT) {
                throw new IllegalArgumentException("an entry's text is at most " + MAX_TEXT + " characters");
            }
        }
    }

    private static void requirePeriod(String period) {
        if (period == null || period.isBlank()) {
            throw new IllegalArgumentException("name the issue (its period)");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }


}
