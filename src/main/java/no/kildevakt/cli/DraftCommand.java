package no.kildevakt.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.kildevakt.config.Config;
import no.kildevakt.digest.Candidates;
import no.kildevakt.digest.Draft;
import no.kildevakt.digest.DraftDocument;
import no.kildevakt.digest.DraftWriter;
import no.kildevakt.digest.Period;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kildevakt draft}: the next issue in the newsletter's structure, from the items the editors
 * accepted for the period, or, while none are, from the candidates above the threshold.
 */
@Command(addMethodSubcommands = false, name = "draft", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A draft of the next issue in the newsletter's structure: its sections in order (empty ones left out),",
                "per item a heading, one to three sentences of the summary, the date (for events the event date) and",
                "the link as \"se her\". Uses the editors' titles and summaries where they edited them.",
                "Items: those accepted in review for the period; when none are, the candidates above the threshold.",
                "docx is a Word document (Word's heading styles, \"se her\" as links, Norwegian text), written to --output,",
                "or to standard output only when that is not a terminal.",
                "Example: kildevakt draft --period 2025-Q1 --format docx --output utkast.docx"},
        footer = {"", "Exit codes: 0 done, 2 usage, configuration or database error."})
final class DraftCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    PeriodOptions periodOptions;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md", description = "md (default), html or docx")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path output;

    @Override
    public Integer call() {
        Period p;
        DraftDocument writer;
        try {
            periodOptions.requireOne(false);
            p = periodOptions.calendarPeriod();
            writer = DraftDocument.of(format);
        } catch (IllegalArgumentException e) {
            main.terminal.err().println("kildevakt draft: " + e.getMessage());
            return Main.USAGE;
        }
        if (writer.binary() && output == null && main.terminal.interactive()) {
            // a Word file printed to a terminal is noise that can upset it; piped or redirected, it is what was asked for
            main.terminal.err().println("kildevakt draft: a ." + format.strip().toLowerCase(java.util.Locale.ROOT)
                    + " draft is not text for a terminal; give --output FILE (or redirect standard output)");
            return Main.USAGE;
        }
        return Commands.withConfig(main, config -> {
            OutputTarget target = output == null ? null : OutputTarget.checked(main, output);
            return Commands.withExistingStore(main, store -> draft(config, store, p, writer, target));
        });
    }

    private int draft(Config config, Store store, Period p, DraftDocument writer, OutputTarget target)
            throws Commands.Exit, StoreException {
        Draft draft = Draft.of(new Candidates(config, Commands.relevance(main, config, store)), store, p);
        int written = writer instanceof DraftWriter text
                ? OutputTarget.emit(main, target, out -> out.write(text.write(draft)))
                : OutputTarget.emit(main, target, writer.bytes(draft));
        if (written != Main.OK) {
            return Main.USAGE;
        }
        if (!main.quiet) {
            main.terminal.err().printf("draft: %d %s, %s%n", draft.size(),
                    draft.accepted() ? "accepted items" : "candidates (no item is accepted for this period yet)", p.label());
        }
        return Main.OK;
    }
}
