package no.kildevakt.store;

import static no.kildevakt.store.StoreSchemaTest.sqlExecute;
import static no.kildevakt.store.StoreSchemaTest.sqlInt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.kildevakt.item.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version 4 database, as older kildevakts wrote it (guid keys shared by every source, dates from
 * year 1 to year 10000, titles that were only the URL), migrated to version 5.
 */
class StoreMigrationV5Test {
    private static final String SEEN = "2025-03-01T08:00:01.000Z";

    @TempDir
    Path dir;

    private static String row(String key, String url, String title, String published, String source) {
        return "INSERT INTO items (dedupe_key, url, title, summary, published, section, first_source, first_seen, last_seen) VALUES ('"
                + key + "', '" + url + "', '" + title + "', '', " + (published == null ? "NULL" : "'" + published + "'")
                + ", 'norske', '" + source + "', '" + SEEN + "', '" + SEEN + "')";
    }

    private Path version4() throws Exception {
        Path db = dir.resolve("v4.db");
        Store.open(db, Schema.MIGRATIONS.subList(0, 4)).close();
        assertEquals(4, sqlInt(db, "PRAGMA user_version"));
        sqlExecute(db, row("guid:example.org:1", "https://example.org/a/1", "A sin første", "2025-02-28T12:00:00.000Z", "a"));
        sqlExecute(db, row("url:https://example.org/9999", "https://example.org/9999", "År 9999", "9999-12-31T23:59:59.000Z", "a"));
        sqlExecute(db, row("url:https://example.org/10000", "https://example.org/10000", "År 10000", "+10000-01-01T00:00:00.000Z", "a"));
        sqlExecute(db, row("url:https://example.org/1970", "https://example.org/1970", "https://example.org/1970", "1970-01-01T00:00:00.000Z", "a"));
        sqlExecute(db, row("url:https://example.org/ahead", "https://example.org/ahead", "Ahead", "2025-03-02T08:00:02.000Z", "a"));
        sqlExecute(db, row("url:https://example.org/soon", "https://example.org/soon", "Soon", "2025-03-02T08:00:00.000Z", "a"));
        sqlExecute(db, "INSERT INTO item_sources (item_id, source_id, first_seen, last_seen) SELECT id, 'a', first_seen, last_seen FROM items");
        return db;
    }

    @Test
    void datesFarFromWhenTheItemWasFirstSeenBecomeUnknownWithTheirTextKept() throws Exception {
        Path db = version4();
        try (Store store = Store.open(db)) {
            assertEquals(Store.supportedSchemaVersion(), store.schemaVersion());
            Map<String, StoredItem> items = store.items().list(ItemQuery.all()).stream()
                    .collect(Collectors.toMap(StoredItem::url, Function.identity()));
            assertEquals(6, items.size());
            assertEquals(Instant.parse("2025-02-28T12:00:00Z"), items.get("https://example.org/a/1").published());
            for (String far : List.of("9999", "10000", "1970", "ahead")) {
                StoredItem item = items.get("https://example.org/" + far);
                assertNull(item.published(), far);
            }
            assertEquals("9999-12-31T23:59:59.000Z", items.get("https://example.org/9999").publishedRaw());
            assertEquals("+10000-01-01T00:00:00.000Z", items.get("https://example.org/10000").publishedRaw());
            assertEquals("1970-01-01T00:00:00.000Z", items.get("https://example.org/1970").publishedRaw());
            assertEquals(Instant.parse("2025-03-02T08:00:00Z"), items.get("https://example.org/soon").published(),
                    "within a day of being first seen");
            assertNull(items.get("https://example.org/soon").publishedRaw());
        }
    }

    @Test
    void guidKeysBecomeTheirFirstSourcesOwn() throws Exception {
        Path db = version4();
        try (Store store = Store.open(db)) {
            Item aOne = new Item("guid:example.org:1", "https://example.org/a/1", "1", "A sin første", "", null, null);
            Item bOne = new Item("guid:example.org:1", "https://example.org/b/1", "1", "B sin første", "", null, null);
            assertEquals(new RoundResult(0, 1), store.items().recordRound(Rounds.round("a", Instant.parse("2025-03-02T08:00:00Z"), List.of(aOne))));
            assertEquals(new RoundResult(1, 0), store.items().recordRound(Rounds.round("b", Instant.parse("2025-03-02T08:00:00Z"), List.of(bOne))));
            Map<String, StoredItem> items = store.items().list(ItemQuery.all()).stream()
                    .collect(Collectors.toMap(StoredItem::url, Function.identity()));
            assertEquals("A sin første", items.get("https://example.org/a/1").title());
            assertEquals(List.of("a"), items.get("https://example.org/a/1").sources());
            assertEquals("B sin første", items.get("https://example.org/b/1").title());
        }
    }

    @Test
    void aTitleThatWasOnlyTheUrlGivesWayToARealOne() throws Exception {
        Path db = version4();
        try (Store store = Store.open(db)) {
            String url = "https://example.org/1970";
            store.items().recordRound(Rounds.round("b", Instant.parse("2025-03-02T08:00:00Z"),
                    List.of(new Item("url:" + url, url, null, "Den ekte tittelen", "", null, null))));
            StoredItem item = store.items().list(ItemQuery.all()).stream().filter(i -> i.url().equals(url)).findFirst().orElseThrow();
            assertEquals("Den ekte tittelen", item.title());
            assertEquals(List.of("a", "b"), item.sources());
        }
    }
}
