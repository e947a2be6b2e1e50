package no.kildevakt.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import no.kildevakt.text.OneLine;
import no.kildevakt.config.Durations;
import no.kildevakt.config.Settings;
import no.kildevakt.crawl.Warmup;
import no.kildevakt.fetch.FetchException;
import no.kildevakt.fetch.Fetcher;
import no.kildevakt.fetch.FetcherOptions;
import no.kildevakt.links.IssueLoader;
import no.kildevakt.links.LinkAudit;
import no.kildevakt.links.LinkReport;
import no.kildevakt.links.StoredIssues;
import no.kildevakt.links.UrlPasswords;
import no.kildevakt.links.check.ArchiveLookup;
import no.kildevakt.links.check.CheckListener;
import no.kildevakt.links.check.CheckRuntime;
import no.kildevakt.links.check.CheckSettings;
import no.kildevakt.links.check.LinkChecker;
import no.kildevakt.links.check.SoftNotFound;
import no.kildevakt.links.extract.ExtractedDocument;
import no.kildevakt.links.extract.LinkExtractor;
import no.kildevakt.links.extract.TooManyFilesException;
import no.kildevakt.links.report.ReportFormat;
import no.kildevakt.store.LinkRecords;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoreException;
import okhttp3.HttpUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kildevakt check-links}: which links in published issues no longer work, and where moved
 * pages went. Reads files, folders and issue URLs (and with {@code --issues} every stored issue),
 * checks each distinct link once, keeps results and history in the database (the cache for
 * {@code --max-age}), and prints a report. Exit 1 when anything is broken or an issue could not be
 * read, so cron can mail it.
 */
@Command(addMethodSubcommands = false, name = "check-links", mixinStandardHelpOptions = true,
        description = {"Check the links in published issues (PDF, HTML, Markdown, DOCX, text; files, folders or URLs).",
                "Statuses: broken (fix it), blocked/error (could not verify), redirect (update it), ok, skipped.",
                "robots.txt is not read: each cited link is asked for once, as a reader's browser would.",
                "Exit 1 when a link is broken or an issue cannot be read, 2 on bad usage.",
                "Example: kildevakt check-links issues/ --max-age 1d --format md --output links.md"})
final class CheckLinksCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "PATH|URL", arity = "0..*", description = "issue files, folders of issues, or URLs of published issues")
    List<String> targets = new ArrayList<>();

    @Option(names = "--issues", description = "also check every issue stored with `issues add`")
    boolean issues;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default), json, md, html or csv")
    String format;

    @Option(names = "--timeout", paramLabel = "SEC", defaultValue = "20", description = "seconds per request (default 20); also the longest Retry-After honoured")
    int timeoutSeconds;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "100", description = "requests in flight over all hosts (default 100; --per-host keeps each host polite)")
    int concurrency;

    @Option(names = "--per-host", paramLabel = "N", defaultValue = "2", description = "requests in flight per host (default 2)")
    int perHost;

    @Option(names = "--per-host-delay", paramLabel = "DUR", defaultValue = "0ms", description = "pause between requests on one host's slot, e.g. 200ms (default 0ms)")
    String perHostDelay;

    @Option(names = "--max-age", paramLabel = "DUR", description = "reuse a working result younger than this, e.g. 1d; failures are always checked again")
    String maxAge;

    @Option(names = "--suggest-archive", description = "look up the latest Wayback Machine copy of each broken link")
    boolean suggestArchive;

    @Option(names = "--archive-base", paramLabel = "URL", defaultValue = ArchiveLookup.DEFAULT_BASE, description = "the archive to ask (default " + ArchiveLookup.DEFAULT_BASE + ")")
    String archiveBase;

    @Option(names = "--output", paramLabel = "FILE", description = "write the report here instead of to standard output")
    Path output;

    @Option(names = "--max-files", paramLabel = "N", defaultValue = "" + LinkExtractor.DEFAULT_MAX_FILES,
            description = "read at most N issue files from one folder (default " + LinkExtractor.DEFAULT_MAX_FILES + "); more stops the run before any link is checked")
    int maxFiles;

    @Override
    public Integer call() {
        PrintStream err = main.terminal.err();
        ReportFormat reportFormat;
        Duration age;
        Duration delay;
        try {
            reportFormat = ReportFormat.of(format);
        } catch (IllegalArgumentException e) {
            err.println("check-links: --format must be text, json, md, html or csv, got \"" + format + "\"");
            return Main.USAGE;
        }
        try {
            age = maxAge == null ? Duration.ZERO : Durations.parse(maxAge);
            delay = Durations.parse(perHostDelay);
        } catch (IllegalArgumentException e) {
            err.println("check-links: --max-age and --per-host-delay: " + e.getMessage());
            return Main.USAGE;
        }
        if (targets.isEmpty() && !issues) {
            err.println("check-links: name issue files, folders or URLs, or use --issues; see check-links --help");
            return Main.USAGE;
        }
        if (timeoutSeconds < 1 || concurrency < 1 || perHost < 1) {
            err.println("check-links: --timeout, --concurrency and --per-host must be at least 1");
            return Main.USAGE;
        }
        if (maxFiles < 1) {
            err.println("check-links: --max-files must be at least 1, got " + maxFiles);
            return Main.USAGE;
        }
        if (suggestArchive && HttpUrl.parse(archiveBase) == null) {
            err.println("check-links: --archive-base must be an http(s) URL, got \"" + archiveBase + "\"");
            return Main.USAGE;
        }
        Warmup.startInBackground(Warmup::database, LinkChecker::warmUp, SoftNotFound::warmUp); // while the issue is read
        return Commands.withConfig(main, false, config -> {
            OutputTarget target = output == null ? null : OutputTarget.checked(main, output);
            if (target != null) {
                target.refuseInputs(main, localTargets());
            }
            Settings settings = Commands.settings(main, config);
            Issues read = readIssues(settings);
            if (target != null) {
                // a folder's files are known only now; the report must not replace one of them
                target.refuseInputs(main, read.documents().stream().map(ExtractedDocument::document)
                        .filter(d -> !IssueLoader.isUrl(d)).map(Path::of).toList());
            }
            // the database is opened once the issue has been read: a wrong input touches nothing
            return Commands.withStore(main, store -> run(settings, store, read, reportFormat, age, delay, target));
        });
    }

    /** What the named targets gave, and whether one of them could not be read. */
    private record Issues(List<ExtractedDocument> documents, boolean inputFailed) {}

    private Issues readIssues(Settings settings) throws Commands.Exit {
        PrintStream err = main.terminal.err();
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        List<ExtractedDocument> documents = new ArrayList<>();
        boolean inputFailed = false;
        // a fetcher (and its TLS set-up) only for an issue given by URL
        boolean anyUrl = targets.stream().anyMatch(IssueLoader::isUrl);
        try (Fetcher fetcher = anyUrl ? new Fetcher(settings.withTimeout(timeout), FetcherOptions.defaults().withObeyRobots(false)) : null) {
            IssueLoader loader = new IssueLoader(new LinkExtractor().withMaxFiles(maxFiles), anyUrl ? fetcher::fetch : request -> {
                throw new IllegalStateException("no issue was given by URL, yet " + request.url() + " was asked for");
            });
            for (String target : targets) {
                try {
                    documents.addAll(loader.load(target));
                } catch (NoSuchFileException e) {
                    err.println(target + ": no such file or folder");
                    throw new Commands.Exit(Main.USAGE);
                } catch (TooManyFilesException e) {
                    err.println("check-links: " + e.getMessage() + ": is it the issues' folder? (--max-files N reads more)");
                    throw new Commands.Exit(Main.USAGE);
                } catch (FetchException e) {
                    err.println("check-links: cannot fetch the issue " + UrlPasswords.hide(OneLine.of(e.getMessage())));
                    inputFailed = true;
                } catch (IOException e) {
                    err.println(UrlPasswords.hide(target + ": " + OneLine.of(e.getMessage())));
                    inputFailed = true;
                }
            }
        }
        return new Issues(documents, inputFailed);
    }

    /** The targets that are files or folders, not URLs. */
    private List<Path> localTargets() {
        return targets.stream().filter(t -> !IssueLoader.isUrl(t)).map(Path::of).toList();
    }

    private int run(Settings settings, Store store, Issues read, ReportFormat reportFormat, Duration age, Duration delay,
            OutputTarget out) throws Commands.Exit, StoreException {
        PrintStream err = main.terminal.err();
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        List<ExtractedDocument> documents = new ArrayList<>(read.documents());
        boolean inputFailed = read.inputFailed();
        LinkRecords records = store.links();
        if (issues) {
            documents.addAll(StoredIssues.documents(records));
        }

        CheckSettings checkSettings = CheckSettings.from(settings).withTimeout(timeout).withConcurrency(concurrency)
                .withPerHost(perHost).withPerHostDelay(delay);
        LinkReport report;
        Progress progress = new Progress(err, main.terminal.interactive() && !main.quiet);
        try (LinkChecker checker = new LinkChecker(checkSettings, CheckRuntime.defaults())) {
            ArchiveLookup archive = suggestArchive ? new ArchiveLookup(checker.client(), archiveBase, timeout) : null;
            report = new LinkAudit(checker, records, archive, Clock.systemUTC()).run(documents, age, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("check-links: interrupted");
            return Main.PARTIAL;
        } finally {
            progress.clear();
        }

        int written = OutputTarget.emit(main, out, writer -> reportFormat.writer(main.verbose).write(report, writer));
        if (written != Main.OK) {
            return written;
        }
        if (out != null && !main.quiet) {
            err.println("check-links: report written to " + output);
        }
        if (reportFormat != ReportFormat.TEXT && !main.quiet) {
            for (String warning : report.warnings()) {
                err.println("warning: " + OneLine.of(warning));
            }
        }
        return report.failed() || inputFailed ? Main.PARTIAL : Main.OK;
    }

    /** A progress bar on standard error, redrawn in place, only when a person watches a terminal. */
    private static final class Progress implements CheckListener {
        private static final int WIDTH = 30;
        private final PrintStream err;
        private final boolean enabled;
        private boolean drawn;
        private long lastDraw;

        Progress(PrintStream err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        @Override
        public synchronized void checked(no.kildevakt.links.check.LinkResult result, int done, int total) {
            long now = System.nanoTime();
            if (!enabled || (done < total && now - lastDraw < 100_000_000L)) {
                return; // at most ten redraws a second
            }
            lastDraw = now;
            int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
            err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d links", "#".repeat(filled), ".".repeat(WIDTH - filled), done, total));
            err.flush();
            drawn = true;
        }

        synchronized void clear() {
            if (drawn) {
                err.print("\r" + " ".repeat(WIDTH + 30) + "\r");
                err.flush();
            }
        }
    }
}
