package no.kildevakt.store;

import no.kildevakt.text.OneLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.kildevakt.fetch.RobotsArchive;
import no.kildevakt.item.Item;
import no.kildevakt.item.PlausibleDates;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite database: items, the sources' state, and the fetch log. Opened with WAL and a
 * busy timeout; its schema is versioned and migrated forward on open. Each
 * {@link #recordRound} is one transaction, so a crash loses at most the round in flight.
 *
 * <p>One JDBC connection serves the whole process. Every public method synchronises on the
 * store, because the crawler records rounds from several threads and a JDBC connection is not
 * safe for concurrent use; SQLite serialises writers anyway, so nothing is lost by it.
 *
 * <p>Instants are kept as ISO-8601 UTC text with exactly three fraction digits
 * ({@code 2024-12-06T10:15:30.000Z}): readable in the {@code sqlite3} shell, and — unlike
 * {@link Instant#toString()}, which drops a zero fraction — they sort correctly as text, which
 * the date filters and the ordering rely on. Precision is therefore milliseconds.
 */
public final class Store implements AutoCloseable {
    /** How long an opener or a writer waits for another process holding the database. */
    static final java.time.Duration BUSY_TIMEOUT = java.time.Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(Store.class);

    /** Fixed width, so that text order is time order (for years 0000–9999). */
    private static final DateTimeFormatter INSTANT_TEXT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Joins the source to an opaque guid's key (see {@link #storedKey}); schema step 5 writes the same. */
    static final String SOURCE_MARK = "#source:";

    /** Separates source ids in the aggregated {@code sources} column; cannot occur in an id. */
    private static final String UNIT_SEPARATOR = "\u001f";

    private static final String ITEM_COLUMNS = """
            i.id, i.dedupe_key, i.url, i.guid, i.title, i.summary, i.published, i.updated, i.event_date,
            i.section, i.first_source, i.first_seen, i.last_seen, i.status,
            i.note, i.edited_title, i.edited_summary, i.decided_at, i.published_raw,
            (SELECT group_concat(s.source_id, char(31) ORDER BY s.first_seen, s.rowid)
               FROM item_sources s WHERE s.item_id = i.id) AS sources""";

    private final Path file;
    private final Connection connection;
    private final boolean readOnly;
    private boolean closed;

    private Store(Path file, Connection connection) {
        this(file, connection, false);
    }

    private Store(Path file, Connection connection, boolean readOnly) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /**
     * Opens (creating if needed) the database at {@code file} and migrates its schema to the
     * newest version this kildevakt knows.
     *
     * @throws StoreException when the file is not a SQLite database, is from a newer kildevakt,
     *                        or cannot be created, opened or migrated
     */
    public static Store open(Path file) throws StoreException {
        return open(file, Schema.MIGRATIONS);
    }

    /**
     * Opens an existing database only to read, for {@code serve} on a file this process may not write
     * (or told {@code --read-only}): nothing is created beside it, nothing migrated, and a write fails
     * with "read-only" in its one line instead of an SQL error. The schema must already be this
     * kildevakt's, since it cannot be migrated.
     *
     * @throws StoreException when there is no database there, it is not one, or its schema is not this version's
     */
    public static Store openReadOnly(Path file) throws StoreException {
        requireDatabaseFile(file);
        if (!Files.isRegularFile(file)) {
            throw new StoreException("no database at " + file);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        } catch (SQLException e) {
            throw openFailure(file, e);
        }
        try (Statement statement = connection.createStatement()) {
            int version = userVersion(statement);
            int known = Schema.MIGRATIONS.size();
            if (version > known) {
                throw newerSchema(version, known);
            }
            if (version < known) {
                throw new StoreException("database " + file + " is read-only and at schema version " + version
                        + "; this kildevakt needs " + known + ": open it once where it can be written, to migrate it");
            }
            statement.execute("PRAGMA foreign_keys = ON");
            return new Store(file, connection, true);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw openFailure(file, e);
        } catch (StoreException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** Whether this store was opened only to read ({@link #openReadOnly}). */
    public boolean readOnly() {
        return readOnly;
    }

    /** Opens with the given migration steps; package-private so tests can prove the migration machinery. */
    static Store open(Path file, List<List<String>> migrations) throws StoreException {
        requireDatabaseFile(file);
        Path absolute = file.toAbsolutePath();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the directory for database " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        // BEGIN IMMEDIATE: a round reads before it writes; taking the write lock up front lets the
        // busy timeout wait for another writer instead of failing with SQLITE_BUSY mid-transaction.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + absolute, config.toProperties());
        } catch (SQLException e) {
            throw openFailure(file, e);
        }
        try {
            configureWhenFree(connection, file, migrations.size());
            migrate(connection, file, migrations);
            return new Store(file, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw openFailure(file, e);
        } catch (StoreException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * Refuses a path that exists and is not a regular file (through links): SQLite would take a device
     * for an empty database and block on a pipe, and the files it and the crawl lock keep beside the
     * database would land next to {@code /dev/null}.
     *
     * @throws StoreException naming the path and what it is
     */
    static void requireDatabaseFile(Path file) throws StoreException {
        if (Files.isDirectory(file)) {
            throw new StoreException("cannot open database " + file + ": it is a folder, not a file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new StoreException("cannot open database " + file + ": it is not a regular file but a device or a pipe");
        }
    }

    /**
     * {@link #configure}, asked again while another process holds the file. Switching a new file to
     * WAL needs it to itself, and SQLite answers SQLITE_BUSY at once there instead of waiting out the
     * busy timeout: two openers of a fresh database (cron's crawl and the review page starting
     * together) would otherwise fail one of them. Waits at most as long as the busy timeout.
     */
    private static void configureWhenFree(Connection connection, Path file, int knownVersion)
            throws SQLException, StoreException {
        long deadline = System.nanoTime() + BUSY_TIMEOUT.toNanos();
        for (int attempt = 0; ; attempt++) {
            try {
                configure(connection, file, knownVersion);
                return;
            } catch (SQLiteException e) {
                if ((e.getResultCode().code & 0xff) != SQLiteErrorCode.SQLITE_BUSY.code || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(Math.min(100, 5L << Math.min(attempt, 5)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void configure(Connection connection, Path file, int knownVersion)
            throws SQLException, StoreException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT.toMillis());
            // The first read of the file: this is where a file that is not a database fails.
            int version = userVersion(statement);
            if (version > knownVersion) {
                throw newerSchema(version, knownVersion);
            }
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                String journalMode = mode.next() ? mode.getString(1) : "";
                if (!"wal".equalsIgnoreCase(journalMode)) {
                    throw new StoreException("cannot switch database " + file + " to WAL mode (journal mode is "
                            + journalMode + ")");
                }
            }
            statement.execute("PRAGMA synchronous = NORMAL");
            statement.execute("PRAGMA foreign_keys = ON");
        }
    }

    /**
     * Applies the missing migration steps, each in its own transaction together with the bump
     * of {@code user_version}. The version is re-read inside each (immediate) transaction, so two
     * processes opening a fresh database at once do not both run the same step.
     */
    private static void migrate(Connection connection, Path file, List<List<String>> migrations)
            throws SQLException, StoreException {
        int known = migrations.size();
        while (true) {
            connection.setAutoCommit(false);
            int target = -1;
            try (Statement statement = connection.createStatement()) {
                int version = userVersion(statement);
                if (version > known) {
                    throw newerSchema(version, known);
                }
                if (version == known) {
                    connection.commit();
                    return;
                }
                target = version + 1;
                for (String sql : migrations.get(version)) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + target);
                connection.commit();
            } catch (SQLException e) {
                rollbackQuietly(connection);
                throw new StoreException("cannot migrate database " + file + " to schema version " + target + ": "
                        + oneLine(e), e);
            } catch (StoreException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static int userVersion(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static StoreException newerSchema(int version, int known) {
        return new StoreException("database schema version " + version
                + " is newer than this kildevakt supports (" + known + ")");
    }

    private static StoreException openFailure(Path file, SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_NOTADB) {
                return new StoreException(file + " is not a SQLite database", e);
            }
            if (code == SQLiteErrorCode.SQLITE_CORRUPT) {
                return new StoreException("database " + file + " is corrupt", e);
            }
        }
        return new StoreException("cannot open database " + file + ": " + oneLine(e), e);
    }

    /** The schema version of the open database ({@code PRAGMA user_version}). */
    public synchronized int schemaVersion() throws StoreException {
        try (Statement statement = connection().createStatement()) {
            return userVersion(statement);
        } catch (SQLException e) {
            throw failure("read the schema version", e);
        }
    }

    /** The newest schema version this kildevakt knows; {@link #open} migrates every database to it. */
    public static int supportedSchemaVersion() {
        return Schema.MIGRATIONS.size();
    }

    /** The value of a read-only pragma on the store's own connection, for diagnostics and tests. */
    synchronized String pragma(String name) throws StoreException {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a pragma name: " + name);
        }
        try (Statement statement = connection().createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw failure("read pragma " + name, e);
        }
    }

    // ---------------------------------------------------------------- sources' state

    /** The state of one source; {@link SourceState#empty} when it was never crawled. */
    public synchronized SourceState state(String sourceId) throws StoreException {
        Objects.requireNonNull(sourceId, "sourceId");
        try (PreparedStatement select = connection().prepareStatement("SELECT * FROM sources WHERE id = ?")) {
            select.setString(1, sourceId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? readState(rs) : SourceState.empty(sourceId);
            }
        } catch (SQLException e) {
            throw failure("read the state of source " + sourceId, e);
        }
    }

    /** The state of every source the store has seen, by id (in id order). */
    public synchronized Map<String, SourceState> states() throws StoreException {
        Map<String, SourceState> states = new LinkedHashMap<>();
        try (Statement select = connection().createStatement();
                ResultSet rs = select.executeQuery("SELECT * FROM sources ORDER BY id")) {
            while (rs.next()) {
                SourceState state = readState(rs);
                states.put(state.sourceId(), state);
            }
            return states;
        } catch (SQLException e) {
            throw failure("read the sources' state", e);
        }
    }

    /**
     * Takes back one failure from each of these sources and makes them due again: for a run
     * that found the network itself down, which is no fault of the sources and should not push
     * them into backoff. Unknown ids are ignored. One transaction.
     */
    public synchronized void forgiveFailures(Collection<String> sourceIds) throws StoreException {
        if (sourceIds.isEmpty()) {
            return;
        }
        inTransaction("forgive failures", c -> {
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

    private static SourceState readState(ResultSet rs) throws SQLException {
        String outcome = rs.getString("last_outcome");
        return new SourceState(
                rs.getString("id"),
                rs.getString("etag"),
                rs.getString("last_modified"),
                instant(rs.getString("last_attempt")),
                instant(rs.getString("last_success")),
                outcome == null ? null : Outcome.fromCode(outcome),
                rs.getString("last_error"),
                rs.getInt("consecutive_failures"),
                rs.getInt("items_last_time"),
                rs.getInt("items_ever"),
                instant(rs.getString("next_due")),
                rs.getString("moved_to"));
    }

    // ---------------------------------------------------------------- robots.txt

    /**
     * The store as the fetcher's {@link RobotsArchive}, so robots.txt answers outlive one run.
     * A database error only costs a fresh fetch of robots.txt: it is logged and swallowed.
     */
    /** The editors' review decisions and edits (issue: the review page, the draft). */
    public Decisions decisions() {
        return new Decisions(this);
    }

    /** Past issues, the links they cite, and every checked link's result and history (check-links). */
    public LinkRecords links() {
        return new LinkRecords(this);
    }

    /** Which items are already stored, asked before a round is recorded (enrichment of new items). */
    public KnownItems knownItems() {
        return new KnownItems(this);
    }

    /** The log of delivered digests, for {@code digest --since-last}. */
    public DigestLog digests() {
        return new DigestLog(this);
    }

    public RobotsArchive robotsArchive() {
        return new RobotsArchive() {
            @Override
            public Optional<RobotsArchive.Entry> load(String origin) {
                try {
                    return loadRobots(origin);
                } catch (StoreException e) {
                    log.debug("robots archive: {}", e.getMessage());
                    return Optional.empty();
                }
            }

            @Override
            public void save(String origin, RobotsArchive.Entry entry) {
                try {
                    saveRobots(origin, entry);
                } catch (StoreException e) {
                    log.debug("robots archive: {}", e.getMessage());
                }
            }
        };
    }

    synchronized Optional<RobotsArchive.Entry> loadRobots(String origin) throws StoreException {
        try (PreparedStatement select = connection().prepareStatement(
                "SELECT status, content_type, body, fetched_at FROM robots WHERE origin = ?")) {
            select.setString(1, origin);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RobotsArchive.Entry(rs.getInt(1), rs.getString(2), rs.getBytes(3), instant(rs.getString(4))));
            }
        } catch (SQLException e) {
            throw failure("read robots.txt of " + origin, e);
        }
    }

    synchronized void saveRobots(String origin, RobotsArchive.Entry entry) throws StoreException {
        inTransaction("store robots.txt of " + origin, c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO robots (origin, status, content_type, body, fetched_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (origin) DO UPDATE SET status = excluded.status, content_type = excluded.content_type,
                                                       body = excluded.body, fetched_at = excluded.fetched_at""")) {
                upsert.setString(1, origin);
                upsert.setInt(2, entry.status());
                upsert.setString(3, entry.contentType());
                upsert.setBytes(4, entry.body());
                upsert.setString(5, text(entry.fetchedAt()));
                upsert.executeUpdate();
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- rounds

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
    public synchronized RoundResult recordRound(Round round) throws StoreException {
        Objects.requireNonNull(round.sourceId(), "round.sourceId");
        Objects.requireNonNull(round.startedAt(), "round.startedAt");
        Objects.requireNonNull(round.outcome(), "round.outcome");
        Objects.requireNonNull(round.newState(), "round.newState");
        if (!round.sourceId().equals(round.newState().sourceId())) {
            throw new IllegalArgumentException("round of source " + round.sourceId()
                    + " carries the state of source " + round.newState().sourceId());
        }
        return inTransaction("record the round of source " + round.sourceId(), c -> {
            RoundResult result = writeItems(c, round);
            writeState(c, round.newState());
            writeFetchLog(c, round, result.newItems());
            return result;
        });
    }

    /**
     * The key an item is stored and found under. An opaque guid is only unique within the source that
     * gives it (two feeds of one site may both number from 1), so its key is kept per source; every
     * other key (a permalink, a URL and title) means the same item whichever source lists it.
     */
    static String storedKey(String sourceId, Item item) {
        return item.keyedByOpaqueGuid() ? item.dedupeKey() + SOURCE_MARK + sourceId : item.dedupeKey();
    }

    private static RoundResult writeItems(Connection c, Round round) throws SQLException {
        Instant seenAt = round.finishedAt() != null ? round.finishedAt() : round.startedAt();
        String seen = text(seenAt);
        Set<Long> inserted = new HashSet<>();
        Set<Long> refreshed = new HashSet<>();
        try (PreparedStatement byKey = c.prepareStatement("SELECT id FROM items WHERE dedupe_key = ?");
                PreparedStatement byUrl = c.prepareStatement("SELECT id FROM items WHERE url = ? AND url_identity = 1 ORDER BY id LIMIT 1");
                PreparedStatement current = c.prepareStatement("""
                        SELECT first_source, title, title_derived, summary, published, published_raw, updated, guid, event_date
                          FROM items WHERE id = ?""");
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO items (dedupe_key, url, guid, title, summary, published, updated, section,
                                           first_source, first_seen, last_seen, url_identity, event_date,
                                           title_derived, published_raw)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
                PreparedStatement update = c.prepareStatement("""
                        UPDATE items
                           SET title = ?, title_derived = ?, summary = ?, published = ?, published_raw = ?,
                               updated = ?, guid = ?, event_date = ?, last_seen = ?,
                               url_identity = min(url_identity, ?)
                         WHERE id = ?""");
                PreparedStatement link = c.prepareStatement("""
                        INSERT INTO item_sources (item_id, source_id, first_seen, last_seen) VALUES (?, ?, ?, ?)
                        ON CONFLICT (item_id, source_id) DO UPDATE SET last_seen = excluded.last_seen""")) {
            for (Item item : round.items()) {
                String key = storedKey(round.sourceId(), item);
                Long id = findId(byKey, key);
                if (id == null && item.urlIdentifiesItem()) {
                    // the same page under another key: another source, another guid scheme
                    id = findId(byUrl, item.url());
                }
                Fields sighted = Fields.of(item, seenAt);
                if (id == null) {
                    insert.setString(1, key);
                    insert.setString(2, item.url());
                    insert.setString(3, item.guid());
                    insert.setString(4, item.title());
                    insert.setString(5, item.summary());
                    setInstant(insert, 6, sighted.published());
                    setInstant(insert, 7, sighted.updated());
                    insert.setString(8, round.section());
                    insert.setString(9, round.sourceId());
                    insert.setString(10, seen);
                    insert.setString(11, seen);
                    insert.setInt(12, item.urlIdentifiesItem() ? 1 : 0);
                    insert.setString(13, item.eventDate() == null ? null : item.eventDate().toString());
                    insert.setInt(14, item.titleDerived() ? 1 : 0);
                    insert.setString(15, sighted.publishedRaw());
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
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
                    setInstant(update, 4, merged.published());
                    update.setString(5, merged.publishedRaw());
                    setInstant(update, 6, merged.updated());
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
                    instant(rs.getString("published")), rs.getString("published_raw"), instant(rs.getString("updated")),
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

    private static Long findId(PreparedStatement select, String value) throws SQLException {
        if (value == null) {
            return null;
        }
        select.setString(1, value);
        try (ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    private static void writeState(Connection c, SourceState state) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO sources (id, etag, last_modified, last_attempt, last_success, last_outcome, last_error,
                                     consecutive_failures, items_last_time, items_ever, next_due, moved_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                    etag = excluded.etag, last_modified = excluded.last_modified,
                    last_attempt = excluded.last_attempt, last_success = excluded.last_success,
                    last_outcome = excluded.last_outcome, last_error = excluded.last_error,
                    consecutive_failures = excluded.consecutive_failures,
                    items_last_time = excluded.items_last_time, items_ever = excluded.items_ever,
                    next_due = excluded.next_due, moved_to = excluded.moved_to""")) {
            upsert.setString(1, state.sourceId());
            upsert.setString(2, state.etag());
            upsert.setString(3, state.lastModified());
            setInstant(upsert, 4, state.lastAttempt());
            setInstant(upsert, 5, state.lastSuccess());
            upsert.setString(6, state.lastOutcome() == null ? null : state.lastOutcome().code());
            upsert.setString(7, state.lastError());
            upsert.setInt(8, state.consecutiveFailures());
            upsert.setInt(9, state.itemsLastTime());
            upsert.setInt(10, state.itemsEver());
            setInstant(upsert, 11, state.nextDue());
            upsert.setString(12, state.movedTo());
            upsert.executeUpdate();
        }
    }

    private static void writeFetchLog(Connection c, Round round, int newItems) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO fetch_log (source_id, started_at, finished_at, outcome, http_status, new_items,
                                       seen_items, bytes, error, final_url)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, round.sourceId());
            setInstant(insert, 2, round.startedAt());
            setInstant(insert, 3, round.finishedAt());
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

    /**
     * The fetch log, newest round first.
     *
     * @param sourceId only this source's rounds, or null for every source
     * @param limit    at most this many rows; 0 for no limit
     */
    public synchronized List<FetchLogEntry> fetchLog(String sourceId, int limit) throws StoreException {
        StringBuilder sql = new StringBuilder("SELECT * FROM fetch_log");
        List<Object> parameters = new ArrayList<>();
        if (sourceId != null) {
            sql.append(" WHERE source_id = ?");
            parameters.add(sourceId);
        }
        sql.append(" ORDER BY started_at DESC, id DESC");
        appendLimit(sql, parameters, limit);
        try (PreparedStatement select = prepare(sql.toString(), parameters);
                ResultSet rs = select.executeQuery()) {
            List<FetchLogEntry> entries = new ArrayList<>();
            while (rs.next()) {
                String outcome = rs.getString("outcome");
                entries.add(new FetchLogEntry(
                        rs.getLong("id"),
                        rs.getString("source_id"),
                        instant(rs.getString("started_at")),
                        instant(rs.getString("finished_at")),
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
            throw failure("read the fetch log", e);
        }
    }

    // ---------------------------------------------------------------- items

    /**
     * Stored items, newest first by publication instant (or, lacking one, by when first seen);
     * ties broken by the newer row first.
     */
    public synchronized List<StoredItem> items(ItemQuery query) throws StoreException {
        List<StoredItem> items = new ArrayList<>();
        forEachItem(query, items::add);
        return items;
    }

    /** Takes stored items one at a time; may fail with its own checked exception (a full disk, a closed pipe). */
    @FunctionalInterface
    public interface ItemVisitor<E extends Exception> {
        void visit(StoredItem item) throws E;
    }

    /**
     * The items of {@link #items}, in its order, handed over one at a time as the database cursor reads
     * them: a listing of 150,000 items is written or filtered without ever holding them all.
     *
     * @throws E when the visitor fails; the cursor is closed and the store stays usable
     */
    public synchronized <E extends Exception> void forEachItem(ItemQuery query, ItemVisitor<E> visitor) throws StoreException, E {
        StringBuilder sql = new StringBuilder("SELECT ").append(ITEM_COLUMNS).append(" FROM items i WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.source() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM item_sources s WHERE s.item_id = i.id AND s.source_id = ?)");
            parameters.add(query.source());
        }
        if (query.status() != null) {
            sql.append(" AND i.status = ?");
            parameters.add(query.status());
        }
        sql.append(" AND ((1 = 1");
        if (query.since() != null) {
            sql.append(" AND coalesce(i.published, i.first_seen) >= ?");
            parameters.add(text(query.since()));
        }
        if (query.until() != null) {
            sql.append(" AND coalesce(i.published, i.first_seen) < ?");
            parameters.add(text(query.until()));
        }
        sql.append(")");
        if (query.eventsFrom() != null) {
            sql.append(" OR i.event_date >= ?");
            parameters.add(query.eventsFrom().toString());
        }
        sql.append(")");
        sql.append(" ORDER BY coalesce(i.published, i.first_seen) DESC, i.id DESC");
        appendLimit(sql, parameters, query.limit());
        try (PreparedStatement select = prepare(sql.toString(), parameters);
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                visitor.visit(readItem(rs));
            }
        } catch (SQLException e) {
            throw failure("read items", e);
        }
    }

    /** One stored item by its row id, or empty when there is none. */
    public synchronized Optional<StoredItem> item(long id) throws StoreException {
        try (PreparedStatement select = connection().prepareStatement(
                "SELECT " + ITEM_COLUMNS + " FROM items i WHERE i.id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(readItem(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read item " + id, e);
        }
    }

    private static StoredItem readItem(ResultSet rs) throws SQLException {
        String sources = rs.getString("sources");
        String eventDate = rs.getString("event_date");
        return new StoredItem(
                rs.getLong("id"),
                rs.getString("dedupe_key"),
                rs.getString("first_source"),
                sources == null || sources.isEmpty() ? List.of() : Arrays.asList(sources.split(UNIT_SEPARATOR)),
                rs.getString("section"),
                rs.getString("title"),
                rs.getString("url"),
                rs.getString("guid"),
                rs.getString("summary"),
                instant(rs.getString("published")),
                instant(rs.getString("updated")),
                eventDate == null ? null : LocalDate.parse(eventDate),
                instant(rs.getString("first_seen")),
                instant(rs.getString("last_seen")),
                rs.getString("status"),
                rs.getString("note"),
                rs.getString("edited_title"),
                rs.getString("edited_summary"),
                instant(rs.getString("decided_at")),
                rs.getString("published_raw"));
    }

    // ---------------------------------------------------------------- plumbing

    @Override
    public synchronized void close() throws StoreException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }

    /** The connection, for the other record keepers of this package; callers synchronise on the store. */
    Connection connection() throws SQLException {
        if (closed) {
            throw new SQLException("the store is closed");
        }
        return connection;
    }

    /** Work that runs inside one transaction. */
    interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction; rolls back and reports on any failure. */
    synchronized <T> T inTransaction(String what, TransactionWork<T> work) throws StoreException {
        try {
            Connection c = connection();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    PreparedStatement prepare(String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection().prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void appendLimit(StringBuilder sql, List<Object> parameters, int limit) {
        if (limit > 0) {
            sql.append(" LIMIT ?");
            parameters.add(limit);
        }
    }

    StoreException failure(String what, SQLException e) {
        if (e instanceof SQLiteException sqlite && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_READONLY.code) {
            return new StoreException("cannot " + what + ": database " + file + " is read-only", e);
        }
        return new StoreException("cannot " + what + " in database " + file + ": " + oneLine(e), e);
    }

    private static String oneLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return OneLine.of(message);
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, text(instant));
        }
    }

    static String text(Instant instant) {
        return INSTANT_TEXT.format(instant);
    }

    static Instant instant(String text) throws SQLException {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new SQLException("not an ISO-8601 instant in the database: " + text, e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing; the open error is the one worth reporting
        }
    }
}
