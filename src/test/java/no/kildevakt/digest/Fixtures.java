package no.kildevakt.digest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.kildevakt.config.Config;
import no.kildevakt.config.ConfigException;
import no.kildevakt.config.ConfigLoader;
import no.kildevakt.item.Item;
import no.kildevakt.rank.Relevance;
import no.kildevakt.rank.Score;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.ReviewStatus;
import no.kildevakt.store.Round;
import no.kildevakt.store.SourceState;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoreException;
import no.kildevakt.store.StoredItem;

/** Configs, items and a fake ranking for the digest tests. */
final class Fixtures {
    private Fixtures() {}

    /** Four sources, one per default section; {@code reg-jd} and {@code ilo} also. */
    static final String FEEDS = """
            settings:
              contact: "test@example.no"
              min_score: 5
            sources:
              - {id: reg-jd, name: Justis- og beredskapsdepartementet, url: "https://www.regjeringen.no/jd.rss", type: feed, section: norske}
              - {id: ilo, name: ILO, url: "https://www.ilo.org/rss", type: feed, section: internasjonale}
              - {id: verdt, name: Utvalgte kilder, url: "https://example.no/verdt.rss", type: feed, section: verdt}
              - {id: events, name: Kalender, url: "https://example.no/events.rss", type: feed, section: arrangementer}
            """;

    static Config config(Path dir) throws IOException, ConfigException {
        return config(dir, FEEDS);
    }

    static Config config(Path dir, String yaml) throws IOException, ConfigException {
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, yaml);
        return new ConfigLoader().load(file);
    }

    /**
     * A fake ranking: each keyword found (case-insensitive) in the title or summary adds its weight and
     * is listed in {@code matched}, in the order given.
     */
    static Relevance keywords(double threshold, Object... keywordAndWeight) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < keywordAndWeight.length; i += 2) {
            weights.put((String) keywordAndWeight[i], ((Number) keywordAndWeight[i + 1]).doubleValue());
        }
        return new Relevance() {
            @Override
            public Score score(StoredItem item) {
                String text = (item.title() + " " + (item.summary() == null ? "" : item.summary())).toLowerCase(Locale.ROOT);
                double value = 0;
                List<String> matched = new java.util.ArrayList<>();
                for (var w : weights.entrySet()) {
                    if (text.contains(w.getKey())) {
                        value += w.getValue();
                        matched.add(w.getKey());
                    }
                }
                return new Score(value, matched);
            }

            @Override
            public double threshold() {
                return threshold;
            }
        };
    }

    /** A stored item as the store would hand it out. */
    static StoredItem stored(long id, String source, String section, String title, String summary, Instant published,
            LocalDate eventDate, Instant firstSeen, String status) {
        return new StoredItem(id, "key" + id, source, List.of(source), section, title, "https://example.no/sak/" + id, null,
                summary, published, null, eventDate, firstSeen, firstSeen, ReviewStatus.ofCode(status), null, null, null, null);
    }

    static StoredItem stored(long id, String source, String section, String title, Instant published) {
        return stored(id, source, section, title, "", published, null, published, "new");
    }

    /** Stores {@code items} as one successful round of {@code source} in {@code section} at {@code at}. */
    static void round(Store store, String source, String section, Instant at, List<Item> items) throws StoreException {
        Instant end = at.plusSeconds(1);
        SourceState state = new SourceState(source, null, null, at, end, Outcome.OK, null, 0, items.size(), items.size(), null, null);
        store.items().recordRound(new Round(source, section, at, end, Outcome.OK, 200, null, "https://example.org/" + source, 1234, items, state));
    }

    static Item item(String key, String url, String title, String summary, Instant published) {
        return new Item(key, url, null, title, summary, published, null);
    }
}
