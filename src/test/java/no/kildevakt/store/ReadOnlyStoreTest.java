package no.kildevakt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database opened only to read ({@code serve} on a file it may not write): everything stored can be
 * read, nothing is created, migrated or written, and a write fails in one line.
 */
class ReadOnlyStoreTest {
    @TempDir
    Path dir;

    @Test
    void readsWorkAndWritesFailWithoutTouchingTheFile() throws Exception {
        Path db = dir.resolve("k.db");
        try (Store store = Store.open(db)) {
            store.items().recordRound(Rounds.round("reg-jd", Instant.parse("2025-03-01T10:00:00Z"), List.of(Rounds.item("a", "https://example.org/a", "A"))));
        }
        byte[] before = Files.readAllBytes(db);
        try (Store store = Store.openReadOnly(db)) {
            assertTrue(store.readOnly());
            assertEquals(1, store.items().list(ItemQuery.all()).size());
            long id = store.items().list(ItemQuery.all()).get(0).id();
            StoreException write = assertThrows(StoreException.class, () -> store.decisions().decide(id, "accepted", null, Instant.now()));
            assertTrue(write.getMessage().contains("read-only"), write.getMessage());
            assertEquals(1, write.getMessage().lines().count());
        }
        try (Store store = Store.open(db)) {
            assertFalse(store.readOnly());
            assertEquals("new", store.items().list(ItemQuery.all()).get(0).status().code());
        }
        assertTrue(before.length > 0);
    }

    @Test
    void aMissingOrOlderDatabaseIsRefusedNotCreatedOrMigrated() throws Exception {
        Path missing = dir.resolve("none.db");
        StoreException none = assertThrows(StoreException.class, () -> Store.openReadOnly(missing));
        assertTrue(none.getMessage().contains("no database"), none.getMessage());
        assertFalse(Files.exists(missing));

        Path old = dir.resolve("old.db");
        Store.open(old, Schema.MIGRATIONS.subList(0, 1)).close();
        StoreException older = assertThrows(StoreException.class, () -> Store.openReadOnly(old));
        assertTrue(older.getMessage().contains("schema version 1") && older.getMessage().contains("read-only"), older.getMessage());
    }
}
