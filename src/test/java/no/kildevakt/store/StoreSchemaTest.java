package no.kildevakt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, configuring and migrating the database file. */
class StoreSchemaTest {
    @TempDir
    Path dir;

    @Test
    void migratesAnEmptyFileToTheNewestSchema() throws Exception {
        Path db = dir.resolve("nested/deeper/kildevakt.db");
        try (Store store = Store.open(db)) {
            assertEquals(Store.supportedSchemaVersion(), store.schemaVersion());
        }
        assertTrue(Files.isRegularFile(db), "parent directories and the file are created");
        assertEquals(Schema.MIGRATIONS.size(), Store.supportedSchemaVersion());
        assertTrue(Store.supportedSchemaVersion() >= 3);
        assertEquals(Store.supportedSchemaVersion(), sqlInt(db, "PRAGMA user_version"));
        Set<String> tables = names(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        assertTrue(tables.containsAll(List.of("decisions", "digests", "fetch_log", "item_sources", "items", "robots", "sources")), tables.toString());
        Set<String> indexes = names(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'");
        assertTrue(indexes.containsAll(List.of("items_url", "items_published", "items_first_seen",
                "fetch_log_source_started")), indexes.toString());
    }

    @Test
    void runsInWalModeWithForeignKeysAndABusyTimeout() throws Exception {
        Path db = dir.resolve("k.db");
        try (Store store = Store.open(db)) {
            // the journal mode is a property of the file, so a second connection sees it
            assertEquals("wal", sqlString(db, "PRAGMA journal_mode"));
            assertEquals("wal", store.pragma("journal_mode"));
            // the rest are per connection: ask the store's own
            assertEquals("1", store.pragma("foreign_keys"));
            assertEquals("1", store.pragma("synchronous"), "NORMAL");
            assertEquals("10000", store.pragma("busy_timeout"));
            assertEquals("2", store.pragma("temp_store"), "MEMORY: statement journals off the disk");
        }
    }

    @Test
    void anInsertIsNotFollowedByTheDriversOwnQueryForItsRowId() throws Exception {
        try (Store store = Store.open(dir.resolve("k.db"));
                java.sql.PreparedStatement insert = store.connection().prepareStatement(
                        "INSERT INTO robots (origin, status, body, fetched_at) VALUES ('https://a.example', 200, x'', 'now')")) {
            assertEquals(1, insert.executeUpdate());
            try (ResultSet keys = insert.getGeneratedKeys()) {
                assertFalse(keys.next(), "the driver ran SELECT last_insert_rowid() after the insert");
            }
        }
    }

    @Test
    void reopeningKeepsTheData() throws Exception {
        Path db = dir.resolve("k.db");
        try (Store store = Store.open(db)) {
            store.items().recordRound(Rounds.round("a", Instant.parse("2025-01-01T00:00:00Z"),
                    List.of(Rounds.item("k1", "https://example.org/1", "One"))));
        }
        try (Store store = Store.open(db)) {
            assertEquals(1, store.items().list(ItemQuery.all()).size());
            assertEquals(Outcome.OK, store.sources().state("a").lastOutcome());
            assertEquals(Store.supportedSchemaVersion(), store.schemaVersion());
        }
    }

    @Test
    void refusesADatabaseFromANewerKildevakt() throws Exception {
        Path db = dir.resolve("k.db");
        Store.open(db).close();
        sqlExecute(db, "PRAGMA user_version = 99");
        StoreException e = assertThrows(StoreException.class, () -> Store.open(db));
        assertEquals("database schema version 99 is newer than this kildevakt supports (" + Store.supportedSchemaVersion() + ")", e.getMessage());
        assertEquals(99, sqlInt(db, "PRAGMA user_version"), "left untouched");
    }

    @Test
    void refusesAFileThatIsNotADatabase() throws Exception {
        Path db = dir.resolve("feeds.yml");
        String text = "sources:\n  - id: a\n    url: https://example.org/feed\n".repeat(50);
        Files.writeString(db, text);
        StoreException e = assertThrows(StoreException.class, () -> Store.open(db));
        assertEquals(db + " is not a SQLite database", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(text, Files.readString(db, StandardCharsets.UTF_8), "the file is not modified");
    }

    @Test
    void reportsAnUnopenablePathOnOneLine() throws Exception {
        Path db = dir.resolve("a-directory");
        Files.createDirectories(db);
        StoreException e = assertThrows(StoreException.class, () -> Store.open(db));
        assertTrue(e.getMessage().startsWith("cannot open database " + db), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void appliesLaterStepsToAnOlderDatabaseInOrder() throws Exception {
        Path db = dir.resolve("k.db");
        try (Store store = Store.open(db)) {
            store.items().recordRound(Rounds.round("a", Instant.parse("2025-01-01T00:00:00Z"),
                    List.of(Rounds.item("k1", "https://example.org/1", "One"))));
        }
        List<List<String>> newer = new ArrayList<>(Schema.MIGRATIONS);
        newer.add(List.of("ALTER TABLE items ADD COLUMN score INTEGER", "UPDATE items SET score = 5"));
        newer.add(List.of("CREATE TABLE future_things (item_id INTEGER, note TEXT)"));
        try (Store store = Store.open(db, newer)) {
            assertEquals(Store.supportedSchemaVersion() + 2, store.schemaVersion());
            assertEquals(1, store.items().list(ItemQuery.all()).size());
        }
        assertEquals(5, sqlInt(db, "SELECT score FROM items"));
        assertEquals(Set.of("future_things"), names(db, "SELECT name FROM sqlite_master WHERE name = 'future_things'"));
        // and the released kildevakt now refuses it, rather than writing to a schema it does not know
        StoreException e = assertThrows(StoreException.class, () -> Store.open(db));
        assertTrue(e.getMessage().startsWith("database schema version " + (Store.supportedSchemaVersion() + 2) + " is newer"),
                e.getMessage());
    }

    @Test
    void aVersion1DatabaseIsMigratedToVersion2WithItsDataAndThenKeepsRobotsTxt() throws Exception {
        Path db = dir.resolve("old.db");
        Store.open(db, Schema.MIGRATIONS.subList(0, 1)).close();
        // as a version 1 kildevakt wrote it (this one writes columns that version lacks)
        sqlExecute(db, """
                INSERT INTO items (dedupe_key, url, title, summary, section, first_source, first_seen, last_seen)
                VALUES ('url:https://example.org/1', 'https://example.org/1', 'One', '', 'norske', 'a',
                        '2025-01-01T00:00:01.000Z', '2025-01-01T00:00:01.000Z')""");
        assertEquals(1, sqlInt(db, "PRAGMA user_version"));
        try (Store store = Store.open(db)) {
            assertEquals(Store.supportedSchemaVersion(), store.schemaVersion());
            assertEquals(1, store.items().list(ItemQuery.all()).size(), "the data survives the migration");
            no.kildevakt.fetch.RobotsArchive archive = store.robots();
            assertTrue(archive.load("https://example.org:443").isEmpty());
            Instant fetched = Instant.parse("2026-11-29T06:00:00Z");
            archive.save("https://example.org:443", new no.kildevakt.fetch.RobotsArchive.Entry(200, "text/plain",
                    "User-agent: *\nDisallow: /x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), fetched));
            archive.save("https://example.org:443", new no.kildevakt.fetch.RobotsArchive.Entry(200, "text/plain",
                    "User-agent: *\nDisallow: /y\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), fetched.plusSeconds(60)));
        }
        try (Store reopened = Store.open(db)) {
            no.kildevakt.fetch.RobotsArchive.Entry entry = reopened.robots().load("https://example.org:443").orElseThrow();
            assertEquals("User-agent: *\nDisallow: /y\n", new String(entry.body(), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(Instant.parse("2026-11-29T06:01:00Z"), entry.fetchedAt());
            assertEquals("text/plain", entry.contentType());
        }
    }

    @Test
    void aFailingStepLeavesTheDatabaseAtThePreviousVersion() throws Exception {
        Path db = dir.resolve("k.db");
        Store.open(db).close();
        List<List<String>> broken = new ArrayList<>(Schema.MIGRATIONS);
        broken.add(List.of("CREATE TABLE half_done (x INTEGER)", "THIS IS NOT SQL"));
        StoreException e = assertThrows(StoreException.class, () -> Store.open(db, broken));
        assertTrue(e.getMessage().startsWith("cannot migrate database " + db + " to schema version " + (Store.supportedSchemaVersion() + 1) + ": "),
                e.getMessage());
        assertEquals(Store.supportedSchemaVersion(), sqlInt(db, "PRAGMA user_version"));
        assertEquals(Set.of(), names(db, "SELECT name FROM sqlite_master WHERE name = 'half_done'"));
    }

    @Test
    void severalOpenersOfAFreshFileMigrateItOnce() throws Exception {
        // e.g. cron's crawl and the review server starting together: each step runs once, under the write lock
        // a race: once it lost now and then (SQLITE_BUSY while another opener switched the new file to WAL),
        // so it is run many times over
        for (int round = 0; round < 40; round++) {
            openTogether(dir.resolve("fresh-" + round + ".db"), 6);
        }
    }

    private void openTogether(Path db, int openers) throws Exception {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(openers);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(openers);
        try {
            List<java.util.concurrent.Future<Integer>> versions = new ArrayList<>();
            for (int i = 0; i < openers; i++) {
                versions.add(pool.submit(() -> {
                    start.await();
                    try (Store store = Store.open(db)) {
                        return store.schemaVersion();
                    }
                }));
            }
            for (java.util.concurrent.Future<Integer> version : versions) {
                assertEquals(Store.supportedSchemaVersion(), version.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, sqlInt(db, "SELECT count(*) FROM sqlite_master WHERE name = 'items'"));
    }

    @Test
    void aStoreCanBeClosedTwiceAndRefusesWorkAfterwards() throws Exception {
        Store store = Store.open(dir.resolve("k.db"));
        store.close();
        store.close();
        StoreException e = assertThrows(StoreException.class, () -> store.sources().states());
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    static int sqlInt(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    static String sqlString(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    static void sqlExecute(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static Set<String> names(Path db, String sql) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
