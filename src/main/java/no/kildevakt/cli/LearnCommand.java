package no.kildevakt.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import no.kildevakt.rank.Relevance;
import no.kildevakt.rank.Score;
import no.kildevakt.rank.TopicRanker;
import no.kildevakt.rank.learn.Example;
import no.kildevakt.rank.learn.LearnedRelevance;
import no.kildevakt.rank.learn.StoredEvidence;
import no.kildevakt.store.StoredItem;
import no.kildevakt.text.OneLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kildevakt learn}: what the ranking has learned (how many accepted and rejected examples), and
 * with {@code --explain ID} how one item's score was made, so an editor can see which earlier decision or
 * past-issue entry moved it.
 */
@Command(addMethodSubcommands = false, name = "learn", mixinStandardHelpOptions = true,
        description = {"Show what the ranking learned from decisions and past issues; --explain ID shows how an item's score was made.",
                "Example: kildevakt learn --explain 1234"})
final class LearnCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--explain", paramLabel = "ID", description = "explain the score of this item")
    Long explain;

    @Override
    public Integer call() {
        return Commands.withConfig(main, false, config -> Commands.withExistingStore(main, store -> {
            Relevance topics = config == null ? TopicRanker.defaults() : Commands.relevance(main, config);
            List<Example> examples = StoredEvidence.examples(store);
            LearnedRelevance learned = new LearnedRelevance(topics, examples);
            PrintStream out = main.terminal.out();
            if (explain == null) {
                out.printf("learned from %d accepted and %d rejected examples%n", learned.accepted(), learned.rejected());
                return Main.OK;
            }
            var found = store.items().get(explain);
            if (found.isEmpty()) {
                main.terminal.err().println("learn: no item with id " + explain);
                return Main.USAGE;
            }
            explain(out, found.get(), learned);
            return Main.OK;
        }));
    }

    private static void explain(PrintStream out, StoredItem item, LearnedRelevance learned) {
        LearnedRelevance.Explanation e = learned.explain(item);
        out.printf("item %d: %s%n", item.id(), OneLine.of(item.title() == null ? "" : item.title(), 100));
        out.printf(Locale.ROOT, "topics: %.1f%n", e.topicScore().value());
        for (Score.Why w : e.topicScore().why()) {
            out.printf(Locale.ROOT, "  %-30s %+.1f%n", w.name(), w.weight());
        }
        for (String m : e.topicScore().matched()) {
            out.println("  matched: " + m);
        }
        nearest(out, "nearest accepted", e.accepted());
        nearest(out, "nearest rejected", e.rejected());
        out.printf(Locale.ROOT, "learned: bonus %+.1f, penalty %+.1f (from %d accepted and %d rejected examples)%n",
                e.bonus(), -e.penalty(), learned.accepted(), learned.rejected());
        double total = e.score().value();
        out.printf(Locale.ROOT, "score: %.1f, threshold %.1f: %s%n", total, learned.threshold(),
                total >= learned.threshold() ? "a candidate" : "under the threshold");
    }

    private static void nearest(PrintStream out, String what, List<LearnedRelevance.Nearest> nearest) {
        out.println(what + (nearest.isEmpty() ? ": none" : ":"));
        for (LearnedRelevance.Nearest n : nearest) {
            Example x = n.example();
            out.printf(Locale.ROOT, "  %.2f  «%s»%s%n", n.similarity(), OneLine.of(x.title() == null ? "" : x.title(), 80),
                    x.precedent() == null ? "" : " (" + x.precedent() + ")");
        }
    }
}
