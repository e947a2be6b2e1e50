package no.kildevakt.store;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl's per-source statements are prepared once per connection ({@link Store#kept}); a failed
 * transaction must not hand the next one a statement it left mid-step, and closing the store closes them.
 */
class StoreKeptStatementsTest {
    private static final String SQL = "SELECT count(*) FROM items WHERE url = ?";

    @TempDir
    Path dir;

    @Test
    void theSameStatementServesEveryTransactionUntilOneFails() throws Exception {
        try (Store store = Store.open(dir.resolve("k.db"))) {
            PreparedStatement first = store.inTransaction("first", c -> store.kept(SQL));
            assertSame(first, store.inTransaction("second", c -> store.kept(SQL)));

            assertThrows(StoreException.class, () -> store.inTransaction("failing", c -> {
                store.kept(SQL);
                throw new SQLException("failed mid-way");
            }));
            assertTrue(first.isClosed(), "dropped with the failed transaction");
            PreparedStatement afresh = store.inTransaction("after", c -> store.kept(SQL));
            assertNotSame(first, afresh);

            store.close();
            assertTrue(afresh.isClosed(), "closed with the store");
        }
    }
}
