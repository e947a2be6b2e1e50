package no.kildevakt.store;

import java.util.List;

/**
 * The database schema as an ordered list of migration steps. Step {@code n} (1-based) takes a
 * database from {@code PRAGMA user_version = n - 1} to {@code n}. Steps are only ever appended:
 * a released step is never edited, because databases in the field have already run it.
 */
final class Schema {
    private Schema() {}

    /**
     * The quarter ({@code 2024-Q4}) an item's date (published, else first seen) lies in, in Oslo, as an SQL
     * expression over {@code items i}: the issue a decision belongs to when it names none. Oslo is UTC+2 in
     * summer time, which covers every quarter's first day but January's, so adding two hours in the months
     * around 1 April, 1 July and 1 October and one hour otherwise puts every instant near a quarter's edge in
     * the quarter an editor's calendar shows (early March is UTC+1 but lies far from any edge).
     */
    static final String ISSUE_OF_ITEM = """
            (SELECT strftime('%Y', d) || '-Q' || ((CAST(strftime('%m', d) AS INTEGER) + 2) / 3)
               FROM (SELECT datetime(coalesce(i.published, i.first_seen),
                         CASE WHEN substr(coalesce(i.published, i.first_seen), 6, 2) IN ('03', '04', '06', '07', '09', '10')
                              THEN '+2 hours' ELSE '+1 hours' END) AS d))""";

    /** Every migration step, oldest first; each is a list of SQL statements run in one transaction. */
    static final List<List<String>> MIGRATIONS = List.of(
            // v1: sources' state, items (deduplicated), which sources listed which item, and the fetch log
            List.of(
                    """
                    CREATE TABLE sources (
                        id                   TEXT PRIMARY KEY,
                        etag                 TEXT,
                        last_modified        TEXT,
                        last_attempt         TEXT,
                        last_success         TEXT,
                        last_outcome         TEXT,
                        last_error           TEXT,
                        consecutive_failures INTEGER NOT NULL DEFAULT 0,
                        items_last_time      INTEGER NOT NULL DEFAULT 0,
                        items_ever           INTEGER NOT NULL DEFAULT 0,
                        next_due             TEXT,
                        moved_to             TEXT
                    )""",
                    """
                    CREATE TABLE items (
                        id           INTEGER PRIMARY KEY AUTOINCREMENT,
                        dedupe_key   TEXT NOT NULL UNIQUE,
                        url          TEXT NOT NULL,
                        url_identity INTEGER NOT NULL DEFAULT 1,
                        guid         TEXT,
                        title        TEXT,
                        summary      TEXT,
                        published    TEXT,
                        updated      TEXT,
                        event_date   TEXT,
                        section      TEXT,
                        first_source TEXT,
                        first_seen   TEXT NOT NULL,
                        last_seen    TEXT NOT NULL,
                        status       TEXT NOT NULL DEFAULT 'new'
                                     CHECK (status IN ('new', 'accepted', 'rejected'))
                    )""",
                    "CREATE INDEX items_url ON items (url)",
                    "CREATE INDEX items_published ON items (published)",
                    "CREATE INDEX items_first_seen ON items (first_seen)",
                    """
                    CREATE TABLE item_sources (
                        item_id    INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
                        source_id  TEXT NOT NULL,
                        first_seen TEXT NOT NULL,
                        last_seen  TEXT NOT NULL,
                        PRIMARY KEY (item_id, source_id)
                    )""",
                    "CREATE INDEX item_sources_source ON item_sources (source_id)",
                    """
                    CREATE TABLE fetch_log (
                        id          INTEGER PRIMARY KEY AUTOINCREMENT,
                        source_id   TEXT NOT NULL,
                        started_at  TEXT NOT NULL,
                        finished_at TEXT,
                        outcome     TEXT NOT NULL,
                        http_status INTEGER NOT NULL DEFAULT 0,
                        new_items   INTEGER NOT NULL DEFAULT 0,
                        seen_items  INTEGER NOT NULL DEFAULT 0,
                        bytes       INTEGER NOT NULL DEFAULT 0,
                        error       TEXT,
                        final_url   TEXT
                    )""",
                    "CREATE INDEX fetch_log_source_started ON fetch_log (source_id, started_at)"),
            // v2: robots.txt answers, kept for a day across runs (see fetch.RobotsArchive)
            List.of(
                    """
                    CREATE TABLE robots (
                        origin       TEXT PRIMARY KEY,
                        status       INTEGER NOT NULL,
                        content_type TEXT,
                        body         BLOB NOT NULL,
                        fetched_at   TEXT NOT NULL
                    )"""),
            // v3: the editors' review: the latest decision, note and edits on the item, every decision in
            // a history, and a log of delivered digests (for digest --since-last)
            List.of(
                    "ALTER TABLE items ADD COLUMN note TEXT",
                    "ALTER TABLE items ADD COLUMN edited_title TEXT",
                    "ALTER TABLE items ADD COLUMN edited_summary TEXT",
                    "ALTER TABLE items ADD COLUMN decided_at TEXT",
                    "CREATE INDEX items_event_date ON items (event_date)",
                    """
                    CREATE TABLE decisions (
                        id         INTEGER PRIMARY KEY AUTOINCREMENT,
                        item_id    INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
                        decision   TEXT NOT NULL CHECK (decision IN ('new', 'accepted', 'rejected')),
                        note       TEXT,
                        decided_at TEXT NOT NULL
                    )""",
                    "CREATE INDEX decisions_item ON decisions (item_id, decided_at)",
                    """
                    CREATE TABLE digests (
                        id           INTEGER PRIMARY KEY AUTOINCREMENT,
                        delivered_at TEXT NOT NULL,
                        period_from  TEXT NOT NULL,
                        period_to    TEXT NOT NULL,
                        items        INTEGER NOT NULL,
                        format       TEXT NOT NULL,
                        recipients   TEXT
                    )"""),
            // v4: past issues and the links they cite, and each checked link's latest result and history
            // (first seen broken, last ok, failures in a row), for check-links --issues and its cache
            List.of(
                    """
                    CREATE TABLE issues (
                        id         INTEGER PRIMARY KEY AUTOINCREMENT,
                        source     TEXT NOT NULL UNIQUE,
                        title      TEXT,
                        period     TEXT,
                        type       TEXT NOT NULL,
                        added_at   TEXT NOT NULL,
                        updated_at TEXT NOT NULL
                    )""",
                    """
                    CREATE TABLE issue_links (
                        issue_id  INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
                        position  INTEGER NOT NULL,
                        url       TEXT NOT NULL,
                        check_url TEXT NOT NULL,
                        location  TEXT NOT NULL,
                        text      TEXT,
                        PRIMARY KEY (issue_id, position)
                    )""",
                    "CREATE INDEX issue_links_check_url ON issue_links (check_url)",
                    """
                    CREATE TABLE link_checks (
                        url                  TEXT PRIMARY KEY,
                        status               TEXT NOT NULL
                                             CHECK (status IN ('ok', 'redirect', 'broken', 'blocked', 'error', 'skipped')),
                        http_status          INTEGER NOT NULL DEFAULT 0,
                        final_url            TEXT,
                        error                TEXT,
                        checked_at           TEXT NOT NULL,
                        first_checked        TEXT NOT NULL,
                        first_seen_broken    TEXT,
                        last_ok              TEXT,
                        consecutive_failures INTEGER NOT NULL DEFAULT 0,
                        checks               INTEGER NOT NULL DEFAULT 0,
                        failures             INTEGER NOT NULL DEFAULT 0
                    )"""),
            // v5: an item belongs to its first source. Titles made up from the summary or URL are marked, so
            // they never replace a real one (a title that is the URL is taken for one). An opaque guid's key is
            // kept per source, as Items.storedKey makes it: two feeds of one site may both number from 1.
            // Dates no source means (before 1990, or more than a day after the crawl that last saw the item,
            // which includes every year past 9999) become unknown, their text kept in published_raw, so the
            // item is dated by when it was first seen; see item.PlausibleDates.
            List.of(
                    "ALTER TABLE items ADD COLUMN title_derived INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE items ADD COLUMN published_raw TEXT",
                    "UPDATE items SET title_derived = 1 WHERE title IS NULL OR trim(title) = '' OR title = url",
                    """
                    UPDATE items SET dedupe_key = dedupe_key || '#source:' || first_source
                     WHERE dedupe_key GLOB 'guid:*' AND first_source IS NOT NULL""",
                    """
                    UPDATE items SET published_raw = published, published = NULL
                     WHERE published IS NOT NULL
                       AND (published NOT GLOB '[0-9][0-9][0-9][0-9]-*' OR published < '1990-01-01'
                            OR published > strftime('%Y-%m-%dT%H:%M:%fZ', last_seen, '+1 day'))""",
                    """
                    UPDATE items SET updated = NULL
                     WHERE updated IS NOT NULL
                       AND (updated NOT GLOB '[0-9][0-9][0-9][0-9]-*' OR updated < '1990-01-01'
                            OR updated > strftime('%Y-%m-%dT%H:%M:%fZ', last_seen, '+1 day'))"""),
            // v6: what the ranking learns from (issue 11). A decision may name the issue (period) it was taken
            // for; a past issue's entries (heading and paragraph) are kept as examples of what the newsletter
            // writes about, and go with their issue.
            List.of(
                    "ALTER TABLE decisions ADD COLUMN period TEXT",
                    """
                    CREATE TABLE issue_entries (
                        issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        heading  TEXT NOT NULL,
                        text     TEXT NOT NULL,
                        PRIMARY KEY (issue_id, position)
                    )"""),
            // v7: decisions belong to an issue (issue 12). issue_items holds an item's decision, note, section
            // (when the editor moved it) and place in its section for one issue, named by its period
            // (2024-Q4, 2024-10, 2024, or FROM..TO days), and the editors' title and text for it (an edit made
            // before v7 stays on the item and shows in every issue until an issue has its own). Existing
            // decisions go to the issue a decision named,
            // else to the quarter of the item's date in Oslo (ISSUE_OF_ITEM). Hand-written entries and the
            // editors' names for groups belong to an issue too.
            List.of(
                    """
                    CREATE TABLE issue_items (
                        period     TEXT NOT NULL,
                        item_id    INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
                        status     TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'accepted', 'rejected')),
                        note       TEXT,
                        decided_at TEXT,
                        section    TEXT,
                        position   INTEGER,
                        edited_title   TEXT,
                        edited_summary TEXT,
                        PRIMARY KEY (period, item_id)
                    )""",
                    "CREATE INDEX issue_items_item ON issue_items (item_id)",
                    """
                    INSERT INTO issue_items (period, item_id, status, note, decided_at)
                    SELECT coalesce((SELECT d.period FROM decisions d WHERE d.item_id = i.id ORDER BY d.id DESC LIMIT 1),
                                    """ + ISSUE_OF_ITEM + """
                           ), i.id, i.status, i.note, i.decided_at
                      FROM items i
                     WHERE i.status <> 'new' OR i.note IS NOT NULL""",
                    """
                    CREATE TABLE handwritten_entries (
                        id         INTEGER PRIMARY KEY AUTOINCREMENT,
                        period     TEXT NOT NULL,
                        section    TEXT NOT NULL,
                        grp        TEXT NOT NULL DEFAULT '',
                        title      TEXT NOT NULL,
                        text       TEXT,
                        url        TEXT,
                        day        TEXT,
                        position   INTEGER,
                        created_at TEXT NOT NULL,
                        updated_at TEXT NOT NULL
                    )""",
                    "CREATE INDEX handwritten_entries_period ON handwritten_entries (period)",
                    """
                    CREATE TABLE issue_groups (
                        period  TEXT NOT NULL,
                        section TEXT NOT NULL,
                        name    TEXT NOT NULL,
                        title   TEXT NOT NULL,
                        PRIMARY KEY (period, section, name)
                    )"""));
}
