package no.kildevakt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.kildevakt.item.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownItemsTest {
    private static final Instant T = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    Path dir;

    private static Item item(String key, String url, boolean urlIdentifies) {
        return new Item(key, url, null, "t " + key, "", null, null, urlIdentifies);
    }

    private static Round round(List<Item> items) {
        SourceState state = new SourceState("s", null, null, T, T, Outcome.OK, null, 0, items.size(), items.size(), null, null);
        return new Round("s", "norske", T, T, Outcome.OK, 200, null, null, 0, items, state);
    }

    @Test
    void knownByKeyOrByAnIdentifyingUrlAsTheStoreMatches() throws Exception {
        try (Store store = Store.open(dir.resolve("k.db"))) {
            store.items().recordRound(round(List.of(item("url:https://a.test/1", "https://a.test/1", true),
                    item("guid:a.test:7", "https://a.test/shared", false))));
            List<Item> asked = List.of(
                    item("url:https://a.test/1", "https://a.test/other", true), // same key
                    item("guid:feed:99", "https://a.test/1", true), // same URL, which identifies it
                    item("url:https://a.test/1#title:x", "https://a.test/1", false), // same URL, shared this time: not matched
                    item("guid:a.test:8", "https://a.test/shared", true), // the stored URL never identified its item
                    item("url:https://a.test/new", "https://a.test/new", true));
            assertEquals(Set.of("url:https://a.test/1", "guid:feed:99"), store.knownItems().knownKeys("s", asked));
            assertEquals(Set.of(), store.knownItems().knownKeys("s", List.of()));
        }
    }

    @Test
    void manyItemsAreAskedInChunks() throws Exception {
        try (Store store = Store.open(dir.resolve("k.db"))) {
            List<Item> stored = new ArrayList<>();
            List<Item> asked = new ArrayList<>();
            for (int i = 0; i < KnownItems.CHUNK * 2 + 5; i++) {
                Item item = item("url:https://a.test/" + i, "https://a.test/" + i, true);
                if (i % 2 == 0) {
                    stored.add(item);
                }
                asked.add(item("other:" + i, "https://a.test/" + i, true));
            }
            store.items().recordRound(round(stored));
            assertEquals(stored.size(), store.knownItems().knownKeys("s", asked).size());
        }
    }
}
