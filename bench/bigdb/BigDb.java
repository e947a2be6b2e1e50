import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import no.kildevakt.item.Item;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.Round;
import no.kildevakt.store.SourceState;
import no.kildevakt.store.Store;

/**
 * Fills a kildevakt database with N realistic items (default 150,000) through the Store API, as
 * crawls store them: 20 sources of the repository's feeds.yml, rounds of 500 items, titles and
 * ~500-character summaries in Norwegian and English where about one item in five matches the
 * default topics, publication dates spread over 2024-2025, a few events. Deterministic (seeded).
 *
 * <p>Run with the jar on the class path: {@code java -cp target/kildevakt.jar bench/bigdb/BigDb.java OUT.db [N]}.
 */
public class BigDb {
    // sources of the repository's feeds.yml, with their sections there
    static final String[] SOURCES = {"reg-jd", "reg-bfd", "reg-aid", "reg-dfd", "reg-kud", "reg-kd", "reg-horinger",
            "reg-jd-kalender", "sting-vedtak", "sting-horinger", "echr-art4", "europol-news", "ec-presscorner", "cbss",
            "nim", "nkvts", "politiet-nyheter", "fafo-rapporter", "fafo-arrangementer", "unodc-press"};
    static final String[] RELEVANT = {"menneskehandel", "tvangsarbeid", "human trafficking", "forced labour",
            "arbeidslivskriminalitet", "seksuell utnytting", "modern slavery", "prostitusjon"};
    static final String[] WORDS = ("regjeringen legger fram ny rapport om budsjett skole helse samferdsel kommune "
            + "forskning tiltak politikk Norge Europa konferanse høring strategi the report shows that new data on "
            + "labour market migration policy council ministry annual review statistics development cooperation").split(" ");

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args.length > 0 ? args[0] : "bench/out/bigdb/k.db");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 150_000;
        Files.createDirectories(db.toAbsolutePath().getParent());
        Random random = new Random(9);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        long spanSeconds = Duration.ofDays(730).toSeconds();
        long t0 = System.nanoTime();
        try (Store store = Store.open(db)) {
            int made = 0;
            int round = 0;
            while (made < n) {
                int s = round % SOURCES.length;
                List<Item> items = new ArrayList<>();
                for (int k = 0; k < 500 && made < n; k++, made++) {
                    items.add(item(random, made, SOURCES[s], start.plusSeconds((long) (random.nextDouble() * spanSeconds))));
                }
                Instant at = Instant.parse("2025-12-01T06:00:00Z").plusSeconds(round);
                SourceState state = new SourceState(SOURCES[s], null, null, at, at, Outcome.OK, null, 0, items.size(),
                        items.size(), null, null);
                store.items().recordRound(new Round(SOURCES[s], section(SOURCES[s]), at, at, Outcome.OK, 200, null,
                        "https://example.org/" + SOURCES[s], 100_000, items, state));
                round++;
            }
        }
        System.out.printf("%d items in %s (%.1f s)%n", n, db, (System.nanoTime() - t0) / 1e9);
    }

    static Item item(Random random, int i, String source, Instant published) {
        boolean relevant = random.nextInt(5) == 0;
        String title = sentence(random, 8) + (relevant ? " " + RELEVANT[random.nextInt(RELEVANT.length)] : "") + " " + i;
        StringBuilder summary = new StringBuilder();
        while (summary.length() < 480) {
            summary.append(Character.toUpperCase(WORDS[random.nextInt(WORDS.length)].charAt(0)))
                    .append(sentence(random, 12).substring(1)).append(". ");
            if (relevant && random.nextInt(3) == 0) {
                summary.append("Saken gjelder ").append(RELEVANT[random.nextInt(RELEVANT.length)]).append(". ");
            }
        }
        String url = "https://www.example.org/" + source + "/aktuelt/sak-" + i + "?id=" + Integer.toHexString(i * 7919);
        Item item = new Item(source + "-" + i, url, "urn:" + source + ":" + i, title, summary.toString().strip(), published, null);
        return source.endsWith("kalender") || source.endsWith("arrangementer") && random.nextInt(4) == 0
                ? item.withEventDate(LocalDate.ofInstant(published.plus(Duration.ofDays(60)), java.time.ZoneOffset.UTC))
                : item;
    }

    static String section(String source) {
        return source.endsWith("kalender") || source.endsWith("arrangementer") ? "arrangementer"
                : source.startsWith("echr") || source.startsWith("europol") || source.startsWith("ec-")
                        || source.startsWith("cbss") || source.startsWith("unodc") ? "internasjonale" : "norske";
    }

    static String sentence(Random random, int words) {
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < words; w++) {
            b.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return b.toString();
    }
}
