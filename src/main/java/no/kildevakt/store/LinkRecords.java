package no.kildevakt.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Past issues and the health of the links they cite. Two jobs: {@code issues add} keeps each
 * published issue with its links so {@code check-links --issues} can re-check them all later; and
 * every check's result is kept per URL with a short history — first seen broken, last ok, failures
 * in a row, failures ever — so a report can say "dead since 2025-03-02" and tell a link that died
 * from one that fails now and then. The latest ok result also serves as a cache
 * ({@code --max-age}).
 *
 * <p>The store knows nothing of how links are checked: it keeps the {@link LinkStatus} the checker
 * gave (stored as its code, the word of {@code check-links --format json}), and the caller says which
 * URL a citation is checked as.
 * Obtained from {@link Store#links()}; shares the store's connection and lock.
 */
public final class LinkRecords {
    private final Store store;

    LinkRecords(Store store) {
        this.store = store;
    }

    /**
     * A stored issue.
     *
     * @param source the file path or URL it was added from (one issue per source)
     * @param type   the document type (pdf, html, markdown, docx, text)
     * @param links  how many link occurrences it cites
     * @param broken how many of them were broken when last checked
     */
    public record Issue(long id, String source, String title, String period, String type,
            Instant addedAt, Instant updatedAt, int links, int broken) {}

    /**
     * One citation in an issue.
     *
     * @param url      the link as written in the issue (fragment kept)
     * @param checkUrl the URL it is checked and recorded as (see {@link LinkCheck#url()})
     * @param location where in the issue: "page 3", "line 12"
     * @param text     the anchor text, may be empty
     */
    public record IssueLink(String url, String checkUrl, String location, String text) {
        public IssueLink {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(checkUrl, "checkUrl");
            Objects.requireNonNull(location, "location");
        }
    }

    /** A stored issue's citation, with which issue it is in. */
    public record CitedLink(long issueId, String source, IssueLink link) {}

    /** The result of checking one URL now, to be recorded. */
    public record CheckOutcome(String url, LinkStatus status, int httpStatus, String finalUrl, String error, Instant checkedAt) {
        public CheckOutcome {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(checkedAt, "checkedAt");
        }
    }

    /**
     * A URL's latest check and its history.
     *
     * @param firstSeenBroken     when the current run of failures first found it broken; null when it works
     * @param lastOk              the last time it worked; null when it never did
     * @param consecutiveFailures broken or error results in a row, up to the latest
     * @param checks              checks ever recorded
     * @param failures            broken or error results ever
     */
    public record LinkCheck(String url, LinkStatus status, int httpStatus, String finalUrl, String error, Instant checkedAt,
            Instant firstChecked, Instant firstSeenBroken, Instant lastOk, int consecutiveFailures, int checks, int failures) {

        /**
         * Fails now and then rather than died: it has failed before and worked again since, i.e. it
         * has more failures than the current run of them.
         */
        public boolean flaky() {
            return failures > consecutiveFailures;
        }
    }

    // ---------------------------------------------------------------- issues

    /**
     * Stores an issue with its links; adding the same source again replaces its title, period and
     * links (keeping its id and when it was first added), so re-running {@code issues add} is harmless.
     *
     * @return the issue's id
     */
    public long saveIssue(String source, String title, String period, String type, List<IssueLink> links, Instant at)
            throws StoreException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        synchronized (store) {
            return store.inTransaction("store issue " + source, c -> {
                long id;
                try (PreparedStatement upsert = c.prepareStatement("""
                        INSERT INTO issues (source, title, period, type, added_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (source) DO UPDATE SET title = excluded.title, period = excluded.period,
                                                           type = excluded.type, updated_at = excluded.updated_at""")) {
                    upsert.setString(1, source);
                    Store.setText(upsert, 2, title);
                    Store.setText(upsert, 3, period);
                    upsert.setString(4, type);
                    Store.setInstant(upsert, 5, at);
                    Store.setInstant(upsert, 6, at);
                    upsert.executeUpdate();
                }
                try (PreparedStatement select = c.prepareStatement("SELECT id FROM issues WHERE source = ?")) {
                    select.setString(1, source);
                    try (ResultSet rs = select.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM issue_links WHERE issue_id = ?")) {
                    delete.setLong(1, id);
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO issue_links (issue_id, position, url, check_url, location, text) VALUES (?, ?, ?, ?, ?, ?)""")) {
                    int position = 0;
                    for (IssueLink link : links) {
                        insert.setLong(1, id);
                        insert.setInt(2, position++);
                        insert.setString(3, link.url());
                        insert.setString(4, link.checkUrl());
                        insert.setString(5, link.location());
                        Store.setText(insert, 6, link.text());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return id;
            });
        }
    }

    /** One entry of a past issue: its heading and the paragraph after it (what the newsletter wrote). */
    public record IssueEntry(String heading, String text) {
        public IssueEntry {
            heading = heading == null ? "" : heading.strip();
            text = text == null ? "" : text.strip();
        }
    }

    /** An entry as stored, with the issue it is from. */
    public record StoredEntry(long issueId, String issueTitle, String period, Instant addedAt, IssueEntry entry) {}

    /** Replaces the entries of an issue (adding an issue again replaces them, like its links). */
    public void saveEntries(long issueId, List<IssueEntry> entries) throws StoreException {
        synchronized (store) {
            store.inTransaction("store the entries of issue " + issueId, c -> {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM issue_entries WHERE issue_id = ?")) {
                    delete.setLong(1, issueId);
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO issue_entries (issue_id, position, heading, text) VALUES (?, ?, ?, ?)")) {
                    int position = 0;
                    for (IssueEntry e : entries) {
                        insert.setLong(1, issueId);
                        insert.setInt(2, position++);
                        insert.setString(3, e.heading());
                        insert.setString(4, e.text());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
        }
    }

    /** Every entry of every stored issue, issue by issue in the order of {@link #issues()}. */
    public List<StoredEntry> entries() throws StoreException {
        synchronized (store) {
            try (PreparedStatement select = store.connection().prepareStatement("""
                    SELECT i.id, i.title, i.period, i.added_at, e.heading, e.text
                      FROM issue_entries e JOIN issues i ON i.id = e.issue_id
                     ORDER BY i.period, i.added_at, i.id, e.position""");
                    ResultSet rs = select.executeQuery()) {
                List<StoredEntry> entries = new ArrayList<>();
                while (rs.next()) {
                    entries.add(new StoredEntry(rs.getLong(1), rs.getString(2), rs.getString(3), Store.instant(rs.getString(4)),
                            new IssueEntry(rs.getString(5), rs.getString(6))));
                }
                return entries;
            } catch (SQLException e) {
                throw store.failure("read the entries of the stored issues", e);
            }
        }
    }

    /** The stored items whose URL an issue links to (as written or as checked), by id. */
    public List<Long> itemsCitedBy(long issueId) throws StoreException {
        synchronized (store) {
            try (PreparedStatement select = store.connection().prepareStatement("""
                    SELECT DISTINCT it.id FROM issue_links l JOIN items it ON it.url IN (l.url, l.check_url)
                     WHERE l.issue_id = ? ORDER BY it.id""")) {
                select.setLong(1, issueId);
                try (ResultSet rs = select.executeQuery()) {
                    List<Long> ids = new ArrayList<>();
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                    return ids;
                }
            } catch (SQLException e) {
                throw store.failure("match the links of issue " + issueId + " to stored items", e);
            }
        }
    }

    /**
     * Removes a stored issue with its links and entries (the ranking stops learning from them); decisions it
     * recorded stay, as every decision does, and are taken back with {@code decide ID new}.
     *
     * @return whether there was such an issue
     */
    public boolean removeIssue(long issueId) throws StoreException {
        synchronized (store) {
            return store.inTransaction("remove issue " + issueId, c -> {
                for (String table : List.of("issue_entries", "issue_links")) {
                    try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE issue_id = ?")) {
                        delete.setLong(1, issueId);
                        delete.executeUpdate();
                    }
                }
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM issues WHERE id = ?")) {
                    delete.setLong(1, issueId);
                    return delete.executeUpdate() > 0;
                }
            });
        }
    }

    /** Every stored issue, oldest first, with its link counts. */
    public List<Issue> issues() throws StoreException {
        synchronized (store) {
            try (PreparedStatement select = store.prepare("""
                    SELECT i.id, i.source, i.title, i.period, i.type, i.added_at, i.updated_at,
                           (SELECT count(*) FROM issue_links l WHERE l.issue_id = i.id),
                           (SELECT count(*) FROM issue_links l JOIN link_checks k ON k.url = l.check_url
                             WHERE l.issue_id = i.id AND k.status = ?)
                      FROM issues i ORDER BY i.period, i.added_at, i.id""", List.of(LinkStatus.BROKEN.code()));
                    ResultSet rs = select.executeQuery()) {
                List<Issue> issues = new ArrayList<>();
                while (rs.next()) {
                    issues.add(new Issue(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            Store.instant(rs.getString(6)), Store.instant(rs.getString(7)), rs.getInt(8), rs.getInt(9)));
                }
                return issues;
            } catch (SQLException e) {
                throw store.failure("read the stored issues", e);
            }
        }
    }

    /** Every citation in every stored issue, issue by issue in the order of {@link #issues()}, each in document order. */
    public List<CitedLink> citedLinks() throws StoreException {
        synchronized (store) {
            try (PreparedStatement select = store.connection().prepareStatement("""
                    SELECT i.id, i.source, l.url, l.check_url, l.location, l.text
                      FROM issue_links l JOIN issues i ON i.id = l.issue_id
                     ORDER BY i.period, i.added_at, i.id, l.position""");
                    ResultSet rs = select.executeQuery()) {
                List<CitedLink> links = new ArrayList<>();
                while (rs.next()) {
                    links.add(new CitedLink(rs.getLong(1), rs.getString(2),
                            new IssueLink(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))));
                }
                return links;
            } catch (SQLException e) {
                throw store.failure("read the links of the stored issues", e);
            }
        }
    }

    // ---------------------------------------------------------------- checks and history

    /** The latest check of each of {@code urls} that was ever checked. */
    public Map<String, LinkCheck> checks(Collection<String> urls) throws StoreException {
        synchronized (store) {
            try {
                Map<String, LinkCheck> stored = stored(store.connection(), urls);
                Map<String, LinkCheck> found = new LinkedHashMap<>();
                for (String url : urls) {
                    LinkCheck check = stored.get(url);
                    if (check != null) {
                        found.put(url, check);
                    }
                }
                return found;
            } catch (SQLException e) {
                throw store.failure("read link checks", e);
            }
        }
    }

    /**
     * Records fresh results and moves each URL's history on: a working result (ok, redirect) sets
     * "last ok" and ends a run of failures; broken and error extend it (broken also marks when it was
     * first seen broken, unless already marked); blocked and skipped leave the history as it is,
     * since they say nothing about the link itself.
     *
     * @return each URL's record as it is now
     */
    public Map<String, LinkCheck> record(Collection<CheckOutcome> outcomes) throws StoreException {
        synchronized (store) {
            return store.inTransaction("record link checks", c -> {
                Map<String, LinkCheck> now = new LinkedHashMap<>();
                Map<String, LinkCheck> stored = stored(c, outcomes.stream().map(CheckOutcome::url).toList());
                try (PreparedStatement upsert = c.prepareStatement("""
                                INSERT OR REPLACE INTO link_checks (url, status, http_status, final_url, error, checked_at,
                                    first_checked, first_seen_broken, last_ok, consecutive_failures, checks, failures)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    for (CheckOutcome outcome : outcomes) {
                        // a URL twice in one batch moves on from what its first outcome made of it
                        LinkCheck before = now.containsKey(outcome.url()) ? now.get(outcome.url()) : stored.get(outcome.url());
                        LinkCheck after = next(before, outcome);
                        write(upsert, after);
                        now.put(after.url(), after);
                    }
                }
                return now;
            });
        }
    }

    /** How many URLs one look-up asks for: far below SQLite's limit on a statement's parameters. */
    private static final int LOOKUP_CHUNK = 500;

    /**
     * The stored checks of {@code urls}, by URL, asked for a chunk of URLs at a time. Why: a link check
     * records some five thousand results, and a query per URL (binding, stepping and closing it through
     * the driver) was a third of the recording thread's CPU.
     */
    private static Map<String, LinkCheck> stored(Connection c, Collection<String> urls) throws SQLException {
        List<String> distinct = urls.stream().distinct().toList();
        Map<String, LinkCheck> found = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + LOOKUP_CHUNK));
            String sql = "SELECT * FROM link_checks WHERE url IN (" + "?,".repeat(chunk.size() - 1) + "?)";
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        LinkCheck check = check(rs);
                        found.put(check.url(), check);
                    }
                }
            }
        }
        return found;
    }

    private static LinkCheck next(LinkCheck before, CheckOutcome o) {
        Instant firstChecked = before == null ? o.checkedAt() : before.firstChecked();
        Instant firstSeenBroken = before == null ? null : before.firstSeenBroken();
        Instant lastOk = before == null ? null : before.lastOk();
        int consecutive = before == null ? 0 : before.consecutiveFailures();
        int checks = (before == null ? 0 : before.checks()) + 1;
        int failures = before == null ? 0 : before.failures();
        if (o.status().works()) {
            lastOk = o.checkedAt();
            consecutive = 0;
            firstSeenBroken = null;
        } else if (o.status().fails()) {
            consecutive++;
            failures++;
            if (o.status() == LinkStatus.BROKEN && firstSeenBroken == null) {
                firstSeenBroken = o.checkedAt();
            }
        }
        return new LinkCheck(o.url(), o.status(), o.httpStatus(), o.finalUrl(), o.error(), o.checkedAt(), firstChecked,
                firstSeenBroken, lastOk, consecutive, checks, failures);
    }

    private static void write(PreparedStatement upsert, LinkCheck k) throws SQLException {
        upsert.setString(1, k.url());
        upsert.setString(2, k.status().code());
        upsert.setInt(3, k.httpStatus());
        Store.setText(upsert, 4, k.finalUrl());
        Store.setText(upsert, 5, k.error());
        Store.setInstant(upsert, 6, k.checkedAt());
        Store.setInstant(upsert, 7, k.firstChecked());
        Store.setInstant(upsert, 8, k.firstSeenBroken());
        Store.setInstant(upsert, 9, k.lastOk());
        upsert.setInt(10, k.consecutiveFailures());
        upsert.setInt(11, k.checks());
        upsert.setInt(12, k.failures());
        upsert.executeUpdate();
    }

    private static LinkCheck check(ResultSet rs) throws SQLException {
        return new LinkCheck(rs.getString("url"), LinkStatus.ofCode(rs.getString("status")), rs.getInt("http_status"), rs.getString("final_url"),
                rs.getString("error"), Store.instant(rs.getString("checked_at")), Store.instant(rs.getString("first_checked")),
                Store.instant(rs.getString("first_seen_broken")), Store.instant(rs.getString("last_ok")),
                rs.getInt("consecutive_failures"), rs.getInt("checks"), rs.getInt("failures"));
    }

}
