package no.kildevakt.store;

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
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.kildevakt.date.InstantText;
import no.kildevakt.text.Causes;
import no.kildevakt.text.OneLine;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SQLite database itself: the connection, the schema's migrations ({@link Schema}) and
 * transactions. Opened with WAL and a busy timeout; its schema is versioned and migrated forward
 * on open. What is kept in it is reached through small views that share this connection:
 * {@link #items()} (items and crawl rounds), {@link #sources()} (source state and fetch log),
 * {@link #robots()}, {@link #decisions()}, {@link #draftEdits()}, {@link #links()}, {@link #knownItems()} and
 * {@link #digests()}. Each round is one transaction, so a crash loses at most the round in flight.
 *
 * <p>One JDBC connection serves the whole process. Every public method here and in the views
 * synchronises on the store, because the crawler records rounds from several threads and a JDBC
 * connection is not safe for concurrent use; SQLite serialises writers anyway, so nothing is lost by it.
 *
 * <p>Instants are kept as ISO-8601 UTC text with exactly three fraction digits
 * ({@code 2024-12-06T10:15:30.000Z}): readable in the {@code sqlite3} shell, and — unlike
 * {@link Instant#toString()}, which drops a zero fraction — they sort correctly as text, which
 * the date filters and the ordering rely on. Precision is therefore milliseconds.
 */
public final class Store implements AutoCloseable {
    /** How long an opener or a writer waits for another process holding the database. */
    static final java.time.Duration BUSY_TIMEOUT = java.time.Duration.ofSeconds(10);

    private final Path file;
    private final Connection connection;
    private final boolean readOnly;
    private boolean closed;
    /** Statements kept prepared for the life of the connection, by their SQL: see {@link #kept}. */
    private final Map<String, PreparedStatement> kept = new HashMap<>();

    private Store(Path file, Connection connection) {
        this(file, connection, false);
    }

    private Store(Path file, Connection connection, boolean readOnly) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /**
     * Loads the JDBC driver, SQLite's native library and the driver registry, as the first
     * {@link #open} would, and opens nothing: {@code crawl.Warmup} calls it on a spare core while the
     * main thread still reads its input, so the first open no longer waits for them (some 45 ms).
     */
    public static void loadDriver() {
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
            new SQLiteConfig().toProperties();
            DriverManager.getDrivers();
        } catch (Exception | LinkageError ignored) {
            // the first open loads them itself, and says what went wrong
        }
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
        // Else the driver follows every INSERT run by executeUpdate with a statement of its own,
        // "SELECT last_insert_rowid()", in case getGeneratedKeys is asked: prepared, run and finalised
        // twice per stored item (1% of a first crawl). A new row's id is read with RETURNING instead.
        config.setGetGeneratedKeys(false);
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
            // A statement inside a longer transaction keeps the pages it changes in a statement journal,
            // to undo itself alone; on disk that was a temporary file written five pages per stored item,
            // half the writes of a first crawl (bench/). It holds one statement's pages at a time.
            statement.execute("PRAGMA temp_store = MEMORY");
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
        if (Causes.find(e, org.sqlite.NativeLibraryNotFoundException.class).isPresent()) {
            return new StoreException("cannot open database " + file + ": " + nativeLibraryProblem(), e);
        }
        return new StoreException("cannot open database " + file + ": " + oneLine(e), e);
    }

    /**
     * Why SQLite's native library did not load. The driver unpacks it from the jar into a temporary
     * folder and loads it from there; when that folder is missing, read-only or mounted noexec (as
     * hardened servers mount /tmp), its own message, "No native library found for os.name=Linux ...",
     * names neither the folder nor the cure. {@code bin/kildevakt} keeps a copy beside its archives
     * and is not affected unless that folder cannot be written either.
     */
    static String nativeLibraryProblem() {
        String property = System.getProperty("org.sqlite.tmpdir") != null ? "org.sqlite.tmpdir" : "java.io.tmpdir";
        String folder = System.getProperty(property, "");
        Path path = Path.of(folder);
        String state = !Files.isDirectory(path) ? "does not exist"
                : !Files.isWritable(path) ? "cannot be written"
                : "may not allow running programs (mounted noexec?)";
        return "SQLite's native library could not be unpacked into the temporary folder " + folder + " (" + property
                + "), which " + state + "; give java -Dorg.sqlite.tmpdir=DIR, a folder that can be written and run from";
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

    // ---------------------------------------------------------------- views

    /** The stored items, and the rounds of a crawl that bring them (with the source's state and log row). */
    public Items items() {
        return new Items(this);
    }

    /** Each source's state (validators, health, backoff) and the fetch log. */
    public SourceRecords sources() {
        return new SourceRecords(this);
    }

    /** The robots.txt answers kept between runs, as the fetcher's archive. */
    public StoredRobots robots() {
        return new StoredRobots(this);
    }

    /** The editors' review decisions and edits (issue: the review page, the draft). */
    public Decisions decisions() {
        return new Decisions(this);
    }

    /** What the editors arranged in an issue's draft: sections, order, hand-written entries, group names. */
    public DraftEdits draftEdits() {
        return new DraftEdits(this);
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


    // ---------------------------------------------------------------- plumbing

    @Override
    public synchronized void close() throws StoreException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            forgetKept();
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

    /**
     * Runs {@code work} in one transaction; rolls back and reports on any failure, with the failure's
     * own error. SQLite rolls a transaction back by itself after some errors (a full disk, an I/O
     * error); the driver, asked to leave transaction mode after that, commits a transaction that no
     * longer exists, and "cannot commit - no transaction is active" had replaced the error that
     * mattered.
     */
    synchronized <T> T inTransaction(String what, TransactionWork<T> work) throws StoreException {
        try {
            Connection c = connection();
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                forgetKept(); // one may have been left mid-step; the next transaction prepares afresh
                try {
                    c.setAutoCommit(true); // the driver marks the mode first, so it is restored even if this fails
                } catch (SQLException restoring) {
                    e.addSuppressed(restoring);
                }
                throw e;
            }
            c.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * A statement prepared once and kept for the life of the connection, for the statements a crawl
     * runs for every source: preparing (and finalising) them for each source was 3% of a first crawl's
     * CPU. Only inside {@link #inTransaction}'s work, under the store's lock; the caller sets every
     * parameter, closes every result set and never closes the statement. A failed transaction drops
     * them all.
     */
    PreparedStatement kept(String sql) throws SQLException {
        PreparedStatement statement = kept.get(sql);
        if (statement == null) {
            statement = connection().prepareStatement(sql);
            kept.put(sql, statement);
        }
        return statement;
    }

    private void forgetKept() {
        for (PreparedStatement statement : kept.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // closing the connection finalises it anyway
            }
        }
        kept.clear();
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

    static void appendLimit(StringBuilder sql, List<Object> parameters, int limit) {
        if (limit > 0) {
            sql.append(" LIMIT ?");
            parameters.add(limit);
        }
    }

    StoreException failure(String what, SQLException e) {
        if (e instanceof StoreException.MissingRow missing) {
            return new StoreException.NotFound("cannot " + what + " in database " + file + ": " + oneLine(e), missing.getMessage(), e);
        }
        if (e instanceof SQLiteException sqlite && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_READONLY.code) {
            return new StoreException("cannot " + what + ": database " + file + " is read-only", e);
        }
        if (e instanceof SQLiteException sqlite && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_FULL) {
            return new StoreException("cannot " + what + " in database " + file + ": the disk is full (nothing of it was"
                    + " written)", e);
        }
        return new StoreException("cannot " + what + " in database " + file + ": " + oneLine(e), e);
    }

    private static String oneLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return OneLine.of(message);
    }

    /** Binds text, or SQL NULL for null. */
    static void setText(PreparedStatement statement, int index, String text) throws SQLException {
        if (text == null) {
            statement.setNull(index, java.sql.Types.VARCHAR);
        } else {
            statement.setString(index, text);
        }
    }

    /**
     * What a write that names an item failed with: "no item with id N" when the item is not stored
     * (the foreign key refused the row), else the error as it is.
     */
    static SQLException unlessNoItem(SQLException e, long itemId) {
        return e.getMessage() != null && e.getMessage().contains("FOREIGN KEY") ? new StoreException.MissingRow("no item with id " + itemId, e) : e;
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, text(instant));
        }
    }

    static String text(Instant instant) {
        return InstantText.fixedMillis(instant);
    }

    static Instant instant(String text) throws SQLException {
        if (text == null) {
            return null;
        }
        // what text() wrote, read field by field: Instant.parse was 4% of the main thread's time before a
        // re-crawl's first request (500 sources' states), and is paid again for every item a digest reads
        Instant fixed = InstantText.readFixedMillis(text);
        if (fixed != null) {
            return fixed;
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