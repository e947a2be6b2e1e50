package no.kildevakt.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import no.kildevakt.config.Proxies;
import no.kildevakt.crawl.CrawlListener;
import no.kildevakt.crawl.CrawlOptions;
import no.kildevakt.crawl.CrawlReport;
import no.kildevakt.crawl.CrawlRunner;
import no.kildevakt.crawl.SourceReport;
import no.kildevakt.crawl.SourceReportJson;
import no.kildevakt.crawl.Warmup;
import no.kildevakt.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kildevakt crawl}: fetches the due sources (or all, or the named ones) into the store.
 * Safe under cron: a lock keeps runs apart, output is one summary line plus one line per
 * problem, and no progress line is drawn unless a person is watching a terminal.
 */
@Command(addMethodSubcommands = false, name = "crawl", mixinStandardHelpOptions = true,
        description = {"Fetch every due source (interval since last success) and store new items.",
                "Exit 1 when a source failed, 3 when another crawl holds the lock.",
                "Example: kildevakt crawl --source reg-jd --force --json"})
final class CrawlCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--source", paramLabel = "ID", description = "crawl only this source, due or not (repeatable)")
    List<String> sources = new ArrayList<>();

    @Option(names = "--force", description = "crawl every source now, due or not")
    boolean force;

    @Option(names = "--json", description = "print the result as JSON (see DESIGN.md)")
    boolean json;

    @Override
    public Integer call() {
        Warmup.startInBackground(Warmup::http, Warmup::database, Warmup::feedPath); // while feeds.yml is read
        return Commands.withConfig(main, config -> {
            for (String id : sources) {
                if (config.source(id).isEmpty()) {
                    main.terminal.err().printf("%s: unknown source \"%s\"%n", main.configPath(), id);
                    return Main.USAGE;
                }
            }
            return crawl(Commands.crawlRunner(main, config));
        });
    }

    private int crawl(CrawlRunner runner) {
        Progress progress = new Progress(main.terminal.err(), main.terminal.interactive() && !main.quiet && !json);
        CrawlReport report;
        // a crawl ended from outside (SIGTERM from `timeout` or a service stop, Ctrl-C) printed nothing at
        // all: say once that it is incomplete and that nothing stored is lost (sources are stored whole)
        Thread stopped = new Thread(() -> main.terminal.err().println("kildevakt: the crawl was stopped before it"
                + " finished (SIGTERM, Ctrl-C or a timeout); the sources stored so far are kept, the rest come again"
                + " on the next run"));
        Runtime.getRuntime().addShutdownHook(stopped);
        try {
            report = runner.crawl(new CrawlOptions(force, new LinkedHashSet<>(sources)), progress);
        } catch (CrawlRunner.Busy e) {
            main.terminal.err().printf("kildevakt: %s on %s; not starting a second crawl%n", e.getMessage(), main.dbPath());
            return Main.LOCKED;
        } catch (CrawlRunner.Unavailable e) {
            main.terminal.err().println(main.dbPath() + ": " + e.getMessage());
            return Main.USAGE;
        } catch (StoreException e) {
            // the database failed mid-crawl (disk full, ...): what was stored before stays
            main.terminal.err().println(main.dbPath() + ": " + e.getMessage());
            return Main.PARTIAL;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopped);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already ending: the hook says so
            }
        }
        progress.clear();
        if (json) {
            main.terminal.out().println(Commands.json(toJson(report)));
        } else {
            printText(report, runner.settings().proxies());
        }
        return report.anyFailed() ? Main.PARTIAL : Main.OK;
    }

    private void printText(CrawlReport report, Proxies proxies) {
        PrintStream out = main.terminal.out();
        PrintStream err = main.terminal.err();
        for (SourceReport r : report.sources()) {
            if (r.outcome().isFailure()) {
                if (!(report.networkDown() && r.unreachable())) {
                    err.println("failed " + r.error());
                }
            } else if (main.verbose) {
                err.printf("%-14s %-30s %d new of %d%n", r.outcome().code(), r.sourceId(), r.newItems(), r.seenItems());
            }
        }
        if (report.networkDown()) {
            long unreachable = report.sources().stream()
                    .filter(SourceReport::unreachable).count();
            err.printf("network looks down: %d of %d sources could not be reached%s; they are not counted as failing%n",
                    unreachable, report.attempted(), proxies.through());
        }
        for (SourceReport r : report.warnings()) {
            err.println("warning " + r.warning());
        }
        if (!main.quiet || report.anyFailed()) {
            out.printf("crawl: %d sources — %d ok, %d not modified, %d failed, %d skipped; %d new items%n",
                    report.sources().size(), report.count("ok"), report.count("not_modified"), report.count("failed"),
                    report.count("skipped"), report.newItems());
        }
    }

    static ObjectNode toJson(CrawlReport report) {
        ObjectNode root = Commands.object();
        ArrayNode list = root.putArray("sources");
        for (SourceReport r : report.sources()) {
            SourceReportJson.fill(list.addObject(), r);
        }
        root.put("new_items", report.newItems());
        root.put("network_down", report.networkDown());
        return root;
    }

    /** A one-line "[3/12] reg-jd ok" on a terminal, redrawn in place; nothing otherwise. */
    private static final class Progress implements CrawlListener {
        private final PrintStream err;
        private final boolean enabled;
        private final AtomicInteger done = new AtomicInteger();
        private volatile int total;

        Progress(PrintStream err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        @Override
        public void started(int sourcesToCrawl) {
            total = sourcesToCrawl;
        }

        @Override
        public synchronized void finished(SourceReport report) {
            if (enabled) {
                String line = String.format("[%d/%d] %s %s", done.incrementAndGet(), total, report.sourceId(), report.outcome().code());
                err.print("\r" + pad(line));
                err.flush();
            }
        }

        synchronized void clear() {
            if (enabled && done.get() > 0) {
                err.print("\r" + pad("") + "\r");
                err.flush();
            }
        }

        private static String pad(String s) {
            return s.length() >= 78 ? s.substring(0, 78) : s + " ".repeat(78 - s.length());
        }
    }
}
