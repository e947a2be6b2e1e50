package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.kildevakt.config.Config;
import no.kildevakt.config.ConfigLoader;
import no.kildevakt.digest.Candidates;
import no.kildevakt.digest.ItemJson;
import no.kildevakt.item.Item;
import no.kildevakt.rank.TopicRanker;
import no.kildevakt.store.ItemQuery;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.Round;
import no.kildevakt.store.SourceState;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoredItem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code items --json} streams its rows (150,000 items in a 256 MB heap; measured by hand, see
 * bench/bigdb), and prints the bytes the tree of the whole listing printed before.
 */
class ItemsJsonTest {
    @TempDir
    Path dir;

    @Test
    void theStreamedListingHasTheBytesOfTheWholeTree() throws Exception {
        Path yml = dir.resolve("feeds.yml");
        try (InputStream in = ItemsJsonTest.class.getResourceAsStream("/no/kildevakt/review/feeds.yml")) {
            Files.copy(in, yml);
        }
        Config config = new ConfigLoader().load(yml);
        try (Store store = Store.open(dir.resolve("k.db"))) {
            Instant at = Instant.parse("2025-03-10T06:00:00Z");
            List<Item> items = List.of(
                    new Item("a", "https://www.regjeringen.no/a", "g-a", "Handlingsplan mot menneskehandel",
                            "Tvangsarbeid og «utnytting» – æøå \"sitat\" <b>", Instant.parse("2025-02-10T09:00:00Z"), null),
                    new Item("b", "https://www.regjeringen.no/b", null, "Statsbudsjettet", "", null, null),
                    new Item("c", "https://example.org/konferanse", null, "Konferanse", "I Oslo.",
                            Instant.parse("2025-01-05T08:00:00Z"), null).withEventDate(LocalDate.parse("2025-05-15")));
            store.items().recordRound(new Round("reg-jd", "norske", at, at, Outcome.OK, 200, null, "https://example.org/",
                    10, items, new SourceState("reg-jd", null, null, at, at, Outcome.OK, null, 0, 3, 3, null, null)));

            TopicRanker ranking = TopicRanker.of(config);
            assertEquals(tree(store.items().list(ItemQuery.all()), config, new Candidates(config, ranking)),
                    streamed(store, config, ranking));
            assertEquals(tree(store.items().list(ItemQuery.all()), null, null), streamed(store, null, null));
            assertEquals(tree(List.of(), null, null),
                    streamedQuery(store, new ItemQuery("nobody", null, null, 0), null, null));
        }
    }

    /** As {@code items --json} printed before: the whole listing as one tree. */
    private static String tree(List<StoredItem> items, Config config, Candidates ranking) {
        List<ObjectNode> nodes = new ArrayList<>();
        for (StoredItem i : items) {
            nodes.add(ItemJson.item(i, Candidates.sectionOf(config, i), ranking == null ? null : ranking.score(i)));
        }
        return Commands.json(ItemJson.items(nodes));
    }

    private static String streamed(Store store, Config config, TopicRanker ranking) throws Exception {
        return streamedQuery(store, ItemQuery.all(), config, ranking);
    }

    private static String streamedQuery(Store store, ItemQuery query, Config config, TopicRanker ranking) throws Exception {
        StringWriter out = new StringWriter();
        ItemsCommand.writeJson(store, query, config, ranking, out);
        return out.toString();
    }
}
