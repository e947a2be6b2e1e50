package no.kildevakt.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import no.kildevakt.text.OneLine;
import no.kildevakt.config.Config;
import no.kildevakt.config.Durations;
import no.kildevakt.date.Oslo;
import no.kildevakt.digest.Candidates;
import no.kildevakt.digest.ItemJson;
import no.kildevakt.rank.Relevance;
import no.kildevakt.store.ItemQuery;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoreException;
import no.kildevakt.store.StoredItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code kildevakt items}: lists stored items, newest first. */
@Command(addMethodSubcommands = false, name = "items", mixinStandardHelpOptions = true,
        description = {"List stored items, newest first.",
                "Example: kildevakt items --source reg-jd --since 2025-01-01 --json"})
final class ItemsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--source", paramLabel = "ID", description = "only items listed by this source")
    String source;

    @Option(names = "--since", paramLabel = "DATE",
            description = "only items published on or after DATE (2025-01-01, Europe/Oslo) or within a span back from now (14d, 6h)")
    String since;

    @Option(names = "--limit", paramLabel = "N", description = "at most N items (default: all)")
    int limit;

    @Option(names = "--json", description = "print {\"items\":[...]} as in DESIGN.md")
    boolean json;

    @Override
    public Integer call() {
        Instant sinceInstant;
        try {
            sinceInstant = since == null ? null : parseSince(since, Instant.now());
        } catch (IllegalArgumentException e) {
            main.terminal.err().println("kildevakt items: --since: " + e.getMessage());
            return Main.USAGE;
        }
        // sections come from feeds.yml when there is one; the store remembers them otherwise
        return Commands.withConfig(main, false, config -> Commands.withExistingStore(main, store -> {
            ItemQuery query = new ItemQuery(source, sinceInstant, null, limit);
            if (json) {
                PrintStream out = main.terminal.out();
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                try {
                    writeJson(store, query, config, config == null ? null : Commands.relevance(main, config, store), writer);
                    writer.flush();
                } catch (IOException e) {
                    main.terminal.err().println("kildevakt items: cannot write: " + OneLine.of(String.valueOf(e.getMessage())));
                    return Main.USAGE;
                }
                out.println();
                out.flush();
            } else {
                printText(store.items().list(query));
            }
            return Main.OK;
        }));
    }

    /** {@code 2025-01-01} (start of that day in Oslo) or a span back from now ({@code 14d}). */
    static Instant parseSince(String value, Instant now) {
        try {
            return LocalDate.parse(value).atStartOfDay(Oslo.ZONE).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return now.minus(Durations.parse(value));
            } catch (IllegalArgumentException notASpan) {
                throw new IllegalArgumentException("\"" + value + "\" is neither a date (2025-01-01) nor a span (14d)");
            }
        }
    }

    private void printText(List<StoredItem> items) {
        PrintStream out = main.terminal.out();
        for (StoredItem i : items) {
            String date = i.published() != null ? Commands.date(i.published()) : "(seen " + Commands.date(i.firstSeen()) + ")";
            out.printf("%-10s  %-16s %s%n%12s%s%n", date, i.source(), i.title(), "", i.url());
        }
        if (!main.quiet) {
            main.terminal.err().printf("%d items%n", items.size());
        }
    }

    /**
     * The DESIGN.md item shape ({@link ItemJson}, shared with {@code digest --format json}) as
     * {@code {"items":[...]}}; with a feeds.yml, each item's section is the one it is filed under now and
     * its score is filled in. Streamed: each row is written as the database cursor reads it, so the
     * memory it takes does not grow with the store (150,000 items printed in a 256 MB heap).
     */
    static void writeJson(Store store, ItemQuery query, Config config, Relevance relevance, Writer out)
            throws StoreException, IOException {
        Candidates ranking = config == null ? null : new Candidates(config, relevance.snapshot());
        try (JsonGenerator g = ItemJson.generator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("items");
            store.items().forEach(query, i -> ItemJson.write(g,
                    ItemJson.item(i, Candidates.sectionOf(config, i), ranking == null ? null : ranking.score(i))));
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
