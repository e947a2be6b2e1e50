package no.kildevakt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.kildevakt.item.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up during a crawl. SQLite answers SQLITE_FULL, and when the write-ahead log cannot
 * grow it rolls the whole transaction back itself. The crawl then said only "cannot commit - no
 * transaction is active" (seen on a full 300 KB tmpfs): the driver, asked to leave transaction mode
 * after that rollback, committed a transaction that no longer existed, and that error replaced the
 * real one. Here SQLite's size limit ({@code max_page_count}) gives SQLITE_FULL, and a trigger's
 * {@code RAISE(ROLLBACK)} the rollback by SQLite itself.
 */
class FullDiskTest {
    private static final Instant AT = Instant.parse("2026-10-01T08:00:00Z");

    @TempDir
    Path dir;

    private static List<Item> items(String source, int count) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(Rounds.item("url:https://" + source + ".test/" + i, "https://" + source + ".test/" + i,
                    "Rapport nummer " + i + " om menneskehandel og utnytting ".repeat(8)));
        }
        return items;
    }

    private static void limitPages(Store store, String limit) throws Exception {
        try (Statement statement = store.connection().createStatement()) {
            statement.execute("PRAGMA max_page_count = " + limit);
        }
    }

    @Test
    void aFullDiskIsNamedAndTheStoreGoesOnOnceThereIsRoom() throws Exception {
        try (Store store = Store.open(dir.resolve("k.db"))) {
            store.items().recordRound(Rounds.round("a", AT, items("a", 3)));
            int pages;
            try (Statement statement = store.connection().createStatement();
                    var rs = statement.executeQuery("PRAGMA page_count")) {
                pages = rs.getInt(1);
            }
            limitPages(store, String.valueOf(pages));

            StoreException full = assertThrows(StoreException.class,
                    () -> store.items().recordRounds(List.of(Rounds.round("b", AT, items("b", 400)))));
            assertTrue(full.getMessage().contains("the disk is full"), full.getMessage());
            assertTrue(full.getMessage().startsWith("cannot record the round of source b in database "), full.getMessage());
            assertFalse(full.getMessage().contains("no transaction is active"), full.getMessage());

            limitPages(store, "1073741823");
            store.items().recordRound(Rounds.round("c", AT, items("c", 2)));
            assertEquals(5, store.items().list(ItemQuery.all()).size(), "a's three and c's two; none of b's");
        }
    }

    @Test
    void aTransactionThatSqliteRolledBackItselfKeepsItsOwnError() throws Exception {
        try (Store store = Store.open(dir.resolve("k.db"))) {
            store.items().recordRound(Rounds.round("a", AT, items("a", 1)));
            try (Statement statement = store.connection().createStatement()) {
                statement.execute("CREATE TRIGGER stand_in_for_a_full_disk BEFORE INSERT ON items"
                        + " WHEN NEW.url LIKE 'https://b.test/%' BEGIN SELECT RAISE(ROLLBACK, 'stand-in for a full disk'); END");
            }
            StoreException e = assertThrows(StoreException.class,
                    () -> store.items().recordRounds(List.of(Rounds.round("b", AT, items("b", 2)))));
            assertTrue(e.getMessage().contains("stand-in for a full disk"), e.getMessage());
            assertFalse(e.getMessage().contains("no transaction is active"), e.getMessage());

            try (Statement statement = store.connection().createStatement()) {
                statement.execute("DROP TRIGGER stand_in_for_a_full_disk");
            }
            store.items().recordRound(Rounds.round("c", AT, items("c", 2)));
            assertEquals(3, store.items().list(ItemQuery.all()).size(), "a's one and c's two; none of b's");
        }
    }
}
