package no.kildevakt.store;

import java.time.Instant;
import java.util.List;
import no.kildevakt.item.Item;

/** Builders for the rounds and items the store tests record. */
final class Rounds {
    private Rounds() {}

    static Item item(String key, String url, String title) {
        return new Item(key, url, null, title, "", null, null);
    }

    /** An item whose URL the feed shares with other items, so it does not identify it. */
    static Item sharedUrlItem(String key, String url, String title) {
        return new Item(key, url, null, title, "", null, null, false);
    }

    static Item item(String key, String url, String title, Instant published) {
        return new Item(key, url, null, title, "", published, null);
    }

    /** A successful round of {@code source} in section "norske", started at {@code at}, one second long. */
    static Round round(String source, Instant at, List<Item> items) {
        return round(source, "norske", at, items);
    }

    static Round round(String source, String section, Instant at, List<Item> items) {
        Instant end = at.plusSeconds(1);
        SourceState state = new SourceState(source, "\"v1\"", null, at, end, Outcome.OK, null, 0,
                items.size(), items.size(), null, null);
        return new Round(source, section, at, end, Outcome.OK, 200, null, "https://example.org/" + source,
                1234, items, state);
    }
}
