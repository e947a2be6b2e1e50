package no.kildevakt.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import no.kildevakt.store.ReviewStatus;
import no.kildevakt.store.StoredItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kildevakt decide ID accepted|rejected|new}: the review page's decision for scripts, recorded the
 * same way (history kept). The ranking learns from it on the next run; {@code new} takes it back, and the
 * item then stops counting as an example.
 */
@Command(addMethodSubcommands = false, name = "decide", mixinStandardHelpOptions = true,
        description = {"Accept, reject or reset (new) an item, as the review page does; the ranking learns from it.",
                "Example: kildevakt decide 1234 accepted --period 2025-Q1"})
final class DecideCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "ID", description = "the item's id (items --json, the review page)")
    long id;

    @Parameters(index = "1", paramLabel = "DECISION", description = "accepted, rejected or new")
    String decision;

    @Option(names = "--period", paramLabel = "PERIOD", description = "the issue the decision is for: 2024, 2024-Q4, 2024-12 or 2024-12-06")
    String period;

    @Option(names = "--note", paramLabel = "TEXT", description = "a note on the item (replaces the current one)")
    String note;

    @Override
    public Integer call() {
        var status = ReviewStatus.find(decision.trim().toLowerCase(java.util.Locale.ROOT));
        if (status.isEmpty()) {
            main.terminal.err().println("decide: the decision must be accepted, rejected or new, got \"" + decision + "\"");
            return Main.USAGE;
        }
        String issue = null;
        if (period != null) {
            var named = IssuesCommand.issueOf(period);
            if (named.isEmpty()) {
                main.terminal.err().println("decide: --period must look like 2024, 2024-Q4, 2024-12 or 2024-12-06, got \"" + period + "\"");
                return Main.USAGE;
            }
            issue = named.get();
        }
        String forIssue = issue;
        return Commands.withConfig(main, false, config -> Commands.withExistingStore(main, store -> {
            if (store.items().get(id).isEmpty()) {
                main.terminal.err().println("decide: no item with id " + id);
                return Main.USAGE;
            }
            StoredItem item;
            try {
                item = store.decisions().decide(id, status.get(), note, Instant.now(), forIssue);
            } catch (IllegalArgumentException e) {
                main.terminal.err().println("decide: " + e.getMessage());
                return Main.USAGE;
            }
            if (!main.quiet) {
                main.terminal.out().printf("item %d: %s — %s%n", item.id(), item.status().code(),
                        no.kildevakt.text.OneLine.of(item.title() == null ? "" : item.title(), 80));
            }
            return Main.OK;
        }));
    }
}
