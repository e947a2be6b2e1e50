package no.kildevakt.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import no.kildevakt.config.Config;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.crawl.HealthRules;
import no.kildevakt.store.SourceState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kildevakt sources}: the health of every configured source, so an editor sees which
 * broke, since when, and which went quiet.
 */
@Command(addMethodSubcommands = false, name = "sources", mixinStandardHelpOptions = true,
        description = {"Show the health of every source: last success, last error, failures in a row, items last time.",
                "Example: kildevakt sources --json"})
final class SourcesCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--json", description = "print {\"sources\":[...]} instead of a table")
    boolean json;

    @Override
    public Integer call() {
        return Commands.withConfig(main, config -> Commands.withExistingStore(main, store -> {
            Map<String, SourceState> states = store.sources().states();
            if (json) {
                main.terminal.out().println(Commands.json(toJson(config, states)));
            } else {
                printText(config, states);
            }
            return Main.OK;
        }));
    }

    private void printText(Config config, Map<String, SourceState> states) {
        PrintStream out = main.terminal.out();
        Instant now = Instant.now();
        out.printf("%-24s %-12s %-16s %5s %6s  %s%n", "SOURCE", "HEALTH", "LAST SUCCESS", "FAILS", "ITEMS", "NOTE");
        for (SourceConfig source : config.sources()) {
            SourceState s = states.getOrDefault(source.id(), SourceState.empty(source.id()));
            String note = s.error() != null ? s.error() : HealthRules.warning(s);
            out.printf("%-24s %-12s %-16s %5d %6d  %s%n", source.id(), HealthRules.health(s, now), Commands.dateTime(s.lastSuccess()),
                    s.consecutiveFailures(), s.itemsLastTime(), note == null ? "" : note);
        }
    }

    static ObjectNode toJson(Config config, Map<String, SourceState> states) {
        Instant now = Instant.now();
        ObjectNode root = Commands.object();
        ArrayNode list = root.putArray("sources");
        for (SourceConfig source : config.sources()) {
            SourceState s = states.getOrDefault(source.id(), SourceState.empty(source.id()));
            ObjectNode o = list.addObject();
            o.put("id", source.id());
            o.put("name", source.name());
            o.put("url", source.url().toString());
            o.put("type", source.type().yamlName());
            o.put("section", source.section());
            o.put("health", HealthRules.health(s, now));
            o.put("last_outcome", s.lastOutcome() == null ? null : s.lastOutcome().code());
            o.put("last_attempt", Commands.iso(s.lastAttempt()));
            o.put("last_success", Commands.iso(s.lastSuccess()));
            o.put("last_error", s.error());
            o.put("consecutive_failures", s.consecutiveFailures());
            o.put("items_last_time", s.itemsLastTime());
            o.put("items_ever", s.itemsEver());
            o.put("next_due", Commands.iso(s.nextDue()));
            o.put("moved_to", s.movedTo());
            o.put("warning", HealthRules.warning(s));
            ArrayNode warnings = o.putArray("warnings");
            HealthRules.warnings(s).forEach(warnings::add);
        }
        return root;
    }
}
