import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kildevakt.rank.Relevance;
import no.kildevakt.rank.TopicRanker;
import no.kildevakt.rank.learn.Example;
import no.kildevakt.rank.learn.LearnedRelevance;
import no.kildevakt.store.ReviewStatus;
import no.kildevakt.store.StoredItem;

/**
 * The learned ranking's cost, run by hand (bench/learn/run.sh): a quarter's 3,000 items scored with
 * the topics alone and with 5,000 decisions plus 8 past issues' entries learned, in one JVM. Texts
 * are the realistic evaluation set's titles and summaries, varied by a number so that no two are
 * the same. Prints the index build, the first (cold) round and the median of the warm rounds.
 */
public final class LearnBench {
    public static void main(String[] args) throws IOException {
        Path set = Path.of(args.length > 0 ? args[0] : "src/test/resources/no/kildevakt/rank/realistic.jsonl");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(set)) {
            if (!line.isBlank()) {
                rows.add(json.readTree(line));
            }
        }
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            JsonNode r = rows.get(i % rows.size());
            examples.add(new Example(r.get("title").asText() + " " + (i / rows.size()), r.get("summary").asText(),
                    r.get("source").asText(), r.get("section").asText(), LocalDate.of(2024, 1, 1).plusDays(i % 365),
                    r.get("relevant").asBoolean(), "tatt med 1.1.2025"));
        }
        for (int i = 0; i < 8 * 13; i++) { // eight issues of about thirteen entries
            JsonNode r = rows.get((i * 7) % rows.size());
            examples.add(new Example(r.get("title").asText(), r.get("summary").asText(), null, null, null, true,
                    "i nummer 2023-Q" + (1 + i % 4)));
        }
        List<StoredItem> items = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            JsonNode r = rows.get((i * 13) % rows.size());
            items.add(new StoredItem(i, "url:" + i, r.get("source").asText(), List.of(r.get("source").asText()),
                    r.get("section").asText(), r.get("title").asText() + " (" + i + ")", "https://example.org/" + i, null,
                    r.get("summary").asText(), Instant.parse("2025-04-01T00:00:00Z"), null, null,
                    Instant.parse("2025-04-01T00:00:00Z"), Instant.parse("2025-04-01T00:00:00Z"), ReviewStatus.NEW,
                    null, null, null, null));
        }
        TopicRanker topics = TopicRanker.defaults();
        System.out.printf(Locale.ROOT, "%d items, %d examples (%d decisions, %d issue entries)%n",
                items.size(), examples.size(), 5000, examples.size() - 5000);

        long t0 = System.nanoTime();
        double[] topicRounds = rounds(topics, items, rounds);
        long t1 = System.nanoTime();
        LearnedRelevance learned = new LearnedRelevance(topics, examples);
        long built = System.nanoTime() - t1;
        double[] learnedRounds = rounds(learned, items, rounds);
        System.out.printf(Locale.ROOT, "RESULT\ttopics\tcold_ms=%.0f\twarm_ms=%.0f%n", topicRounds[0], median(topicRounds));
        System.out.printf(Locale.ROOT, "RESULT\tlearned\tbuild_ms=%.0f\tcold_ms=%.0f\twarm_ms=%.0f%n",
                built / 1e6, learnedRounds[0], median(learnedRounds));
        System.out.printf(Locale.ROOT, "added to a digest's ranking: build + warm = %.0f ms over the topics' %.0f ms (wall %.1f s)%n",
                built / 1e6 + median(learnedRounds) - median(topicRounds), median(topicRounds), (System.nanoTime() - t0) / 1e9);
    }

    /** Milliseconds per round of scoring every item; the first round is the cold one. */
    private static double[] rounds(Relevance relevance, List<StoredItem> items, int rounds) {
        double[] ms = new double[rounds];
        double sink = 0;
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            for (StoredItem item : items) {
                sink += relevance.score(item).value();
            }
            ms[r] = (System.nanoTime() - start) / 1e6;
        }
        if (sink < 0) {
            System.out.println(sink);
        }
        return ms;
    }

    private static double median(double[] ms) {
        double[] warm = Arrays.copyOfRange(ms, 1, ms.length);
        Arrays.sort(warm);
        return warm.length == 0 ? ms[0] : warm[warm.length / 2];
    }
}
