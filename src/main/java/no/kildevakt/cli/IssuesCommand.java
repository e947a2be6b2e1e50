package no.kildevakt.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import no.kildevakt.text.OneLine;
import no.kildevakt.config.Settings;
import no.kildevakt.fetch.FetchException;
import no.kildevakt.fetch.Fetcher;
import no.kildevakt.fetch.FetcherOptions;
import no.kildevakt.links.IssueLoader;
import no.kildevakt.links.StoredIssues;
import no.kildevakt.links.UrlPasswords;
import no.kildevakt.links.extract.ExtractedDocument;
import no.kildevakt.links.extract.LinkExtractor;
import no.kildevakt.links.extract.TooManyFilesException;
import no.kildevakt.store.LinkRecords;
import no.kildevakt.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kildevakt issues}: the record of published issues whose links {@code check-links --issues}
 * re-checks. {@code add} reads an issue (file, folder or URL) and stores it with its links, replacing
 * an earlier version of the same source; {@code list} shows what is stored and how many links were
 * broken at the last check.
 */
@Command(addMethodSubcommands = false, name = "issues", mixinStandardHelpOptions = true,
        description = {"Keep a record of published issues, for check-links --issues.",
                "Example: kildevakt issues add nyhetsbrev-2024-4.pdf --period 2024-Q4"},
        subcommands = {IssuesCommand.Add.class, IssuesCommand.ListIssues.class, IssuesCommand.Remove.class})
final class IssuesCommand implements Callable<Integer> {
    /** 2024, 2024-Q4, 2024-12 or 2024-12-06: how editors name an issue's period. */
    static final Pattern PERIOD = Pattern.compile("\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");

    @ParentCommand
    Main main;

    /**
     * The issue a typed period names, as the review page and the store name it: {@code 2024q4}, {@code Q4 2024}
     * and {@code 2024-10-01..2024-12-31} are all {@code 2024-Q4}, so a decision from a script and one from the
     * page land in the same issue; a day ({@code 2024-12-06}) stays as typed. Empty when it names no period.
     */
    static java.util.Optional<String> issueOf(String period) {
        String typed = period.strip();
        if (PERIOD.matcher(typed).matches() && typed.length() == 10) {
            return java.util.Optional.of(typed);
        }
        try {
            return java.util.Optional.ofNullable(no.kildevakt.digest.Period.parse(typed).issue());
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public Integer call() {
        main.terminal.err().println("issues: a subcommand is required (add, list, remove); see issues --help");
        return Main.USAGE;
    }

    @Command(addMethodSubcommands = false, name = "add", mixinStandardHelpOptions = true,
            description = {"Store an issue and its links (a folder adds each issue file in it).",
                    "Adding the same file or URL again replaces the stored version."})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        IssuesCommand parent;

        @Parameters(paramLabel = "FILE|URL", description = "an issue file, a folder of them, or the URL of a published issue")
        String target;

        @Option(names = "--period", paramLabel = "PERIOD", description = "the period the issue covers: 2024, 2024-Q4, 2024-12 or 2024-12-06")
        String period;

        @Option(names = "--title", paramLabel = "TEXT", description = "the issue's title (default: the document's own title or file name)")
        String title;

        @Option(names = "--max-files", paramLabel = "N", defaultValue = "" + LinkExtractor.DEFAULT_MAX_FILES,
                description = "add at most N issue files from one folder (default " + LinkExtractor.DEFAULT_MAX_FILES + "); more adds none")
        int maxFiles;

        @Override
        public Integer call() {
            Main main = parent.main;
            PrintStream err = main.terminal.err();
            if (maxFiles < 1) {
                err.println("issues add: --max-files must be at least 1, got " + maxFiles);
                return Main.USAGE;
            }
            if (period != null) {
                java.util.Optional<String> issue = issueOf(period);
                if (issue.isEmpty()) {
                    err.println("issues add: --period must look like 2024, 2024-Q4, 2024-12 or 2024-12-06, got \"" + period + "\"");
                    return Main.USAGE;
                }
                period = issue.get();
            }
            return Commands.withConfig(main, false, config -> {
                Settings settings = Commands.settings(main, config);
                List<String> sections = config == null ? List.of()
                        : config.sections().stream().map(no.kildevakt.config.Section::title).toList();
                List<ExtractedDocument> documents;
                try (Fetcher fetcher = new Fetcher(settings.withTimeout(Duration.ofSeconds(30)),
                        FetcherOptions.defaults().withObeyRobots(false))) {
                    documents = new IssueLoader(new LinkExtractor().withSectionTitles(sections).withMaxFiles(maxFiles), fetcher::fetch).load(target);
                } catch (NoSuchFileException e) {
                    err.println(target + ": no such file or folder");
                    return Main.USAGE;
                } catch (TooManyFilesException e) {
                    err.println("issues add: " + e.getMessage() + ": is it the issues' folder? (--max-files N adds more)");
                    return Main.USAGE;
                } catch (FetchException e) {
                    err.println("issues add: cannot fetch " + UrlPasswords.hide(OneLine.of(e.getMessage())));
                    return Main.PARTIAL;
                } catch (IOException e) {
                    err.println(target + ": " + OneLine.of(e.getMessage()));
                    return Main.PARTIAL;
                }
                if (documents.isEmpty()) {
                    err.println(target + ": no issue files here (.pdf .html .htm .md .markdown .docx .txt)");
                    return Main.USAGE;
                }
                if (title != null && documents.size() > 1) {
                    err.println("issues add: --title names one issue, but " + target + " holds " + documents.size());
                    return Main.USAGE;
                }
                return Commands.withStore(main, store -> add(main, store, documents));
            });
        }

        private int add(Main main, Store store, List<ExtractedDocument> documents) throws no.kildevakt.store.StoreException {
            int code = Main.OK;
            for (ExtractedDocument doc : documents) {
                for (String warning : doc.warningLines()) {
                    main.terminal.err().println("warning: " + UrlPasswords.hide(OneLine.of(warning)));
                }
                if (doc.unreadable()) {
                    // storing it would replace a good earlier version of the same source with no links
                    main.terminal.err().println("issues add: " + UrlPasswords.hide(doc.document()) + " could not be read; not stored");
                    code = Main.PARTIAL;
                    continue;
                }
                List<LinkRecords.IssueLink> links = StoredIssues.links(doc);
                String name = title != null ? title : doc.title().isBlank() ? fileName(doc.document()) : doc.title();
                long id = store.links().saveIssue(doc.document(), name, period, doc.type(), links, Instant.now());
                long distinct = links.stream().map(LinkRecords.IssueLink::checkUrl).distinct().count();
                List<LinkRecords.IssueEntry> entries = entries(doc);
                store.links().saveEntries(id, entries);
                int matched = acceptCited(store, id);
                if (!main.quiet) {
                    main.terminal.out().printf("issue %d: %s (%s) — %d links, %d distinct%n",
                            id, OneLine.of(name, 80), UrlPasswords.hide(doc.document()), links.size(), distinct);
                    main.terminal.out().printf("learned: %d entries, %d linked items matched%n", entries.size(), matched);
                }
            }
            return code;
        }

        /**
         * The issue's entries to learn from: its items (heading and paragraphs) as the document reader cut
         * them. A document that yields none (a list of links, a scan) falls back to each citation's link
         * text of at least three words, the item's title as the issue wrote it.
         */
        static List<LinkRecords.IssueEntry> entries(ExtractedDocument doc) {
            if (!doc.entries().isEmpty()) {
                return doc.entries().stream().map(e -> new LinkRecords.IssueEntry(e.heading(), e.text())).toList();
            }
            java.util.Set<String> seen = new java.util.LinkedHashSet<>();
            for (var link : doc.links()) {
                String text = link.text() == null ? "" : OneLine.of(link.text()).strip();
                if (text.split("\\s+").length >= 3) {
                    seen.add(text);
                }
            }
            return seen.stream().map(t -> new LinkRecords.IssueEntry(t, "")).toList();
        }

        /**
         * Records the stored items the issue links to as accepted for its period (the newsletter cited them),
         * leaving those already accepted as they are.
         *
         * @return how many stored items the issue links to
         */
        private int acceptCited(Store store, long issueId) throws no.kildevakt.store.StoreException {
            List<Long> cited = store.links().itemsCitedBy(issueId);
            Instant now = Instant.now();
            for (long item : cited) {
                var stored = store.items().get(item);
                if (stored.isPresent() && stored.get().status() != no.kildevakt.store.ReviewStatus.ACCEPTED) {
                    store.decisions().decide(item, no.kildevakt.store.ReviewStatus.ACCEPTED, null, now, period);
                }
            }
            return cited.size();
        }

        private static String fileName(String document) {
            String d = document.replaceAll("[/\\\\]+$", "");
            int slash = Math.max(d.lastIndexOf('/'), d.lastIndexOf('\\'));
            return slash >= 0 ? d.substring(slash + 1) : d;
        }
    }

    @Command(addMethodSubcommands = false, name = "list", mixinStandardHelpOptions = true, description = "List the stored issues, with links broken at the last check.")
    static final class ListIssues implements Callable<Integer> {
        @ParentCommand
        IssuesCommand parent;

        @Option(names = "--json", description = "print {\"issues\":[...]} as JSON")
        boolean json;

        @Override
        public Integer call() {
            Main main = parent.main;
            return Commands.withConfig(main, false, config -> Commands.withExistingStore(main, store -> {
                List<LinkRecords.Issue> issues = store.links().issues();
                if (json) {
                    ObjectNode root = Commands.object();
                    ArrayNode list = root.putArray("issues");
                    for (LinkRecords.Issue i : issues) {
                        ObjectNode o = list.addObject();
                        o.put("id", i.id());
                        o.put("source", UrlPasswords.hide(i.source()));
                        o.put("title", i.title());
                        o.put("period", i.period());
                        o.put("type", i.type());
                        o.put("added_at", Commands.iso(i.addedAt()));
                        o.put("updated_at", Commands.iso(i.updatedAt()));
                        o.put("links", i.links());
                        o.put("broken", i.broken());
                    }
                    main.terminal.out().println(Commands.json(root));
                    return Main.OK;
                }
                PrintStream out = main.terminal.out();
                if (issues.isEmpty()) {
                    out.println("no issues stored; add one with `kildevakt issues add FILE --period 2024-Q4`");
                    return Main.OK;
                }
                out.printf("%4s  %-10s  %-10s  %5s  %6s  %s%n", "id", "period", "added", "links", "broken", "title (source)");
                for (LinkRecords.Issue i : issues) {
                    out.printf("%4d  %-10s  %-10s  %5d  %6d  %s (%s)%n", i.id(), i.period() == null ? "-" : i.period(),
                            Commands.date(i.addedAt()), i.links(), i.broken(),
                            OneLine.of(i.title() == null ? "" : i.title(), 60), OneLine.of(UrlPasswords.hide(i.source()), 80));
                }
                return Main.OK;
            }));
        }
    }

    @Command(addMethodSubcommands = false, name = "remove", mixinStandardHelpOptions = true,
            description = {"Remove a stored issue with its links and entries; the ranking stops learning from its entries.",
                    "Items it marked accepted stay accepted; take one back with `kildevakt decide ID new`."})
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        IssuesCommand parent;

        @Parameters(paramLabel = "ID", description = "the issue's id (issues list)")
        long id;

        @Override
        public Integer call() {
            Main main = parent.main;
            return Commands.withConfig(main, false, config -> Commands.withExistingStore(main, store -> {
                if (!store.links().removeIssue(id)) {
                    main.terminal.err().println("issues remove: no issue with id " + id);
                    return Main.USAGE;
                }
                if (!main.quiet) {
                    main.terminal.out().println("issue " + id + " removed");
                }
                return Main.OK;
            }));
        }
    }
}
