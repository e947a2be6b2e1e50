package no.kildevakt.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.kildevakt.text.OneLine;
import no.kildevakt.config.Config;
import no.kildevakt.config.MailConfig;
import no.kildevakt.digest.Candidates;
import no.kildevakt.digest.Digest;
import no.kildevakt.digest.DigestFormat;
import no.kildevakt.digest.DigestMailer;
import no.kildevakt.digest.MailDeliveryException;
import no.kildevakt.digest.Period;
import no.kildevakt.digest.Selection;
import no.kildevakt.store.DigestLog;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kildevakt digest}: the candidates of a period, ranked and grouped by section, as Markdown, HTML
 * or JSON, printed, written to a file or mailed. A mailed digest (or one printed with
 * {@code --mark-delivered}) is recorded, so the next {@code --since-last} run continues where it ended.
 */
@Command(addMethodSubcommands = false, name = "digest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The candidates of a period for the editors: grouped by the newsletter's sections, best first,",
                "each with date, source, title, summary, link, score and the terms that matched.",
                "Give the period as --from D --to D, --period P or --since-last.",
                "Example: kildevakt digest --period 2025-Q1 --format html --output digest.html"},
        footer = {"",
                "Items: those dated in the period (published, or first seen when undated); in events sections those whose",
                "event is on or after the period's first day, whenever announced. --since-last lists what was first seen since",
                "the end of the last delivered digest (the last 7 days when none was), including items a feed listed up to",
                "14 days late. A digest counts as delivered when mailed, or printed with --mark-delivered.",
                "Exit codes: 0 done, 1 mail could not be sent (nothing recorded), 2 usage, configuration or database error."})
final class DigestCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    PeriodOptions periodOptions;

    @Option(names = "--since-last", description = "since the end of the last delivered digest (or the last 7 days) until now")
    boolean sinceLast;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md", description = "md (default), html or json")
    String format;

    @Option(names = "--all", description = "also items below the relevance threshold (settings.min_score)")
    boolean all;

    @Option(names = "--status", paramLabel = "S", split = ",",
            description = "only items with these review statuses: new, accepted, rejected (repeatable or comma list; default new,accepted)")
    List<String> status;

    @Option(names = "--mail", description = "mail the digest (HTML with a text part) as feeds.yml's mail: block says, and record it as delivered")
    boolean mail;

    @Option(names = "--mark-delivered", description = "record the printed digest as delivered, so the next --since-last starts where it ends")
    boolean markDelivered;

    @Option(names = "--output", paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path output;

    /** Where {@code --output} goes once checked; null for standard output. */
    private OutputTarget target;

    @Override
    public Integer call() {
        DigestFormat digestFormat;
        Selection selection;
        try {
            periodOptions.requireOne(sinceLast);
            digestFormat = DigestFormat.parse(format);
            selection = new Selection(all, Selection.statuses(status));
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        return Commands.withConfig(main, config -> {
            target = output == null ? null : OutputTarget.checked(main, output);
            return Commands.withExistingStore(main, store -> digest(config, store, digestFormat, selection));
        });
    }

    private int digest(Config config, Store store, DigestFormat digestFormat, Selection selection)
            throws Commands.Exit, StoreException {
        Period p;
        try {
            p = sinceLast ? Period.sinceLast(store.digests().last().map(DigestLog.Delivery::to), Instant.now())
                    : periodOptions.calendarPeriod();
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        Digest digest = new Candidates(config, Commands.relevance(main, config, store)).select(store, p, selection);
        if (mail) {
            return mail(config, store, digest, digestFormat);
        }
        int written = write(out -> digestFormat.writer().write(digest, out));
        if (written != Main.OK) {
            return written;
        }
        if (markDelivered) {
            store.digests().record(delivery(digest, digestFormat.id(), null));
        }
        if (!main.quiet && output != null) {
            main.terminal.err().printf("digest: %d items, %s, written to %s%n", digest.size(), p.label(), output);
        }
        return Main.OK;
    }

    private int mail(Config config, Store store, Digest digest, DigestFormat digestFormat) throws StoreException {
        Optional<MailConfig> mailConfig = config.mail();
        if (mailConfig.isEmpty()) {
            return usage("--mail needs a mail: block in " + config.file() + " (host, from, to; see the README)");
        }
        DigestMailer mailer;
        try {
            mailer = new DigestMailer(mailConfig.get(), main.terminal.env(), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            main.terminal.err().println(e.getMessage());
            return Main.USAGE;
        }
        if (output != null && write(out -> digestFormat.writer().write(digest, out)) != Main.OK) {
            return Main.USAGE;
        }
        String recipients = String.join(", ", mailConfig.get().to());
        if (digest.isEmpty()) {
            if (!main.quiet) {
                main.terminal.err().println("digest: nothing new for " + digest.period().label() + "; no mail sent");
            }
            return Main.OK;
        }
        try {
            mailer.send(digest);
        } catch (MailDeliveryException e) {
            main.terminal.err().println("kildevakt digest: " + OneLine.of(e.getMessage()) + "; not recorded as delivered");
            return Main.PARTIAL;
        }
        store.digests().record(delivery(digest, "mail", recipients));
        if (!main.quiet) {
            main.terminal.err().printf("digest: mailed %d items (%s) to %s%n", digest.size(), digest.period().label(), recipients);
        }
        return Main.OK;
    }

    /**
     * The log entry of a delivered digest. A period that reaches into the future (this quarter) is
     * recorded as ending now: what is published later was not in it, and the next {@code --since-last}
     * must find it.
     */
    private static DigestLog.Delivery delivery(Digest digest, String format, String recipients) {
        Instant now = Instant.now();
        Instant end = digest.period().to().isAfter(now) ? now : digest.period().to();
        return new DigestLog.Delivery(now, digest.period().from(), end, digest.size(), format, recipients);
    }

    /** Prints the document as it is made, or writes it to {@code --output} whole (see {@link OutputTarget#emit}). */
    private int write(OutputTarget.Body document) {
        return OutputTarget.emit(main, target, document);
    }

    private int usage(String message) {
        main.terminal.err().println("kildevakt digest: " + message);
        return Main.USAGE;
    }
}
