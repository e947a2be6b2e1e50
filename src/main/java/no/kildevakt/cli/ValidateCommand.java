package no.kildevakt.cli;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import no.kildevakt.config.Config;
import no.kildevakt.config.Proxies;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.crawl.Warmup;
import no.kildevakt.rank.DefaultTopics;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code kildevakt validate}: checks feeds.yml; exit 2 with file, line and field on error. */
@Command(addMethodSubcommands = false, name = "validate", mixinStandardHelpOptions = true,
        description = {"Check feeds.yml. On an error, print one line with file, line and field, and exit 2.",
                "Example: kildevakt --config feeds.yml validate"})
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        if (!main.quiet) {
            // the report counts the bundled topics when feeds.yml has none: reading them (a tenth of a
            // cold validate) overlaps reading feeds.yml on the second core instead of following it
            Warmup.startInBackground(DefaultTopics::topics);
        }
        return Commands.withConfig(main, config -> {
            // feeds.yml's own topic terms are checked by building the ranking; without any, the bundled
            // defaults apply, which the tests compile: building them here would only load Lucene's
            // analysers, a third of a cold validate (min_score and weights are checked by the loader)
            if (!config.topics().isEmpty()) {
                Commands.relevance(main, config);
            }
            Proxies proxies = Commands.settings(main, config).proxies(); // a malformed https_proxy is said here too
            if (!main.quiet) {
                report(config, proxies);
            }
            return Main.OK;
        });
    }

    private void report(Config config, Proxies proxies) {
        Map<String, Integer> byType = new TreeMap<>();
        for (SourceConfig s : config.sources()) {
            byType.merge(s.type().yamlName(), 1, Integer::sum);
        }
        String types = byType.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(java.util.stream.Collectors.joining(", "));
        String topics = config.topics().isEmpty()
                ? DefaultTopics.topics().size() + " default topics"
                : config.topics().size() + " topics";
        // concatenated, not printf: Formatter would load locale data for one line
        main.terminal.out().println(main.configPath() + ": ok — " + config.sources().size() + " sources (" + types
                + ") in " + config.sections().size() + " sections, " + topics);
        if (proxies.isSet()) { // said only when set, so scripts reading the line above are unchanged
            main.terminal.out().println("proxy: " + proxies.describe());
        }
    }
}
