package no.kildevakt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database is a regular file (or a link to one), or nothing yet. A device, a pipe or a folder given
 * as the database is refused before anything is created beside it: {@code --db /dev/null} once left
 * {@code /dev/null.lock} behind.
 */
class DatabaseFileTest {
    private static final Path DEV_NULL = Path.of("/dev/null");
    private static final Path DEV_NULL_LOCK = Path.of("/dev/null.lock");

    @TempDir
    Path dir;

    @Test
    void aDeviceIsRefusedAndNoLockFileIsMadeBesideIt() throws Exception {
        Files.deleteIfExists(DEV_NULL_LOCK);
        try {
            StoreException lock = assertThrows(StoreException.class, () -> CrawlLock.tryAcquire(DEV_NULL));
            assertEquals("cannot open database /dev/null: it is not a regular file but a device or a pipe", lock.getMessage());
            assertFalse(Files.exists(DEV_NULL_LOCK), "left /dev/null.lock behind");
            StoreException open = assertThrows(StoreException.class, () -> Store.open(DEV_NULL));
            assertEquals(lock.getMessage(), open.getMessage());
        } finally {
            Files.deleteIfExists(DEV_NULL_LOCK);
        }
    }

    @Test
    void aFolderIsRefusedAndNoLockFileIsMadeBesideIt() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("data"));
        StoreException lock = assertThrows(StoreException.class, () -> CrawlLock.tryAcquire(folder));
        assertEquals("cannot open database " + folder + ": it is a folder, not a file", lock.getMessage());
        assertFalse(Files.exists(dir.resolve("data.lock")));
        assertThrows(StoreException.class, () -> Store.open(folder));
    }

    @Test
    void aLinkToADatabaseFileAndAFileNotThereYetAreFine() throws Exception {
        Path db = dir.resolve("k.db");
        try (CrawlLock lock = CrawlLock.tryAcquire(db).orElseThrow(); Store store = Store.open(db)) {
            assertTrue(Files.isRegularFile(db));
        }
        Path link = Files.createSymbolicLink(dir.resolve("link.db"), db);
        try (CrawlLock lock = CrawlLock.tryAcquire(link).orElseThrow(); Store store = Store.open(link)) {
            assertEquals(Store.supportedSchemaVersion(), store.schemaVersion());
        }
    }
}
