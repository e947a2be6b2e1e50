package no.kildevakt.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import no.kildevakt.Version;
import no.kildevakt.fetch.TlsUnavailableException;
import no.kildevakt.text.OneLine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code kildevakt} command line. Global options come before the command, as DESIGN.md
 * promises scripts and cron jobs; each command is a class of its own in this package.
 *
 * <p>Exit codes: 0 all well, 1 partial (a source failed), 2 usage or configuration error,
 * 3 another crawl holds the lock.
 *
 * <p>The commands are registered by {@link #run} rather than in the annotation, and only the one
 * being run when the arguments name it: picocli reflects over every registered command class (and
 * loads the types of all its fields and methods) before it parses anything, which was a third of a
 * cold {@code validate}. Help, version, a missing command and a mistake at the top level still see
 * them all.
 */
@Command(
        addMethodSubcommands = false, // no @Command methods here: picocli need not scan for them at start-up
        name = "kildevakt",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Watches the sources a newsletter editor follows and reports what is new.",
        footer = {"", "Exit codes: 0 all well, 1 partial (a source failed), 2 usage or configuration error, 3 another crawl holds the lock."})
public final class Main implements Callable<Integer> {
    public static final int OK = 0;
    public static final int PARTIAL = 1;
    public static final int USAGE = 2;
    public static final int LOCKED = 3;

    @Option(names = "--config", paramLabel = "FILE", description = "feeds.yml to read (default: $KILDEVAKT_CONFIG or ./feeds.yml)")
    Path config;

    @Option(names = "--db", paramLabel = "FILE", description = "SQLite database (default: $KILDEVAKT_DB or ./kildevakt.db)")
    Path db;

    @Option(names = {"-v", "--verbose"}, description = "say more: each source's outcome and debug details")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "say only what went wrong")
    boolean quiet;

    final Terminal terminal;

    Main(Terminal terminal) {
        this.terminal = terminal;
    }

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        // listed from the registered subcommands, so the hint cannot fall behind when one is added
        String commands = String.join(", ", spec.subcommands().keySet().stream().filter(name -> !name.equals("help")).toList());
        terminal.err().println("kildevakt: a command is required (" + commands + "); see kildevakt --help");
        return USAGE;
    }

    /** The config file to use: the flag, else $KILDEVAKT_CONFIG, else ./feeds.yml. */
    Path configPath() {
        if (config != null) {
            return config;
        }
        return Path.of(terminal.env().getOrDefault("KILDEVAKT_CONFIG", "feeds.yml"));
    }

    /** The database to use: the flag, else $KILDEVAKT_DB, else ./kildevakt.db. */
    Path dbPath() {
        if (db != null) {
            return db;
        }
        return Path.of(terminal.env().getOrDefault("KILDEVAKT_DB", "kildevakt.db"));
    }

    /** The commands, in the order help lists them (picocli's {@code help} comes last). */
    static final List<String> COMMANDS = List.of("validate", "crawl", "items", "sources", "try", "discover", "digest",
            "draft", "serve", "check-links", "issues", "decide", "learn");

    /**
     * A new instance of the named command, or null for a name that is none. A switch rather than a
     * map of constructor references: each branch loads its class only when taken.
     */
    static Object command(String name) {
        return switch (name) {
            case "validate" -> new ValidateCommand();
            case "crawl" -> new CrawlCommand();
            case "items" -> new ItemsCommand();
            case "sources" -> new SourcesCommand();
            case "try" -> new TryCommand();
            case "discover" -> new DiscoverCommand();
            case "digest" -> new DigestCommand();
            case "draft" -> new DraftCommand();
            case "serve" -> new ServeCommand();
            case "check-links" -> new CheckLinksCommand();
            case "issues" -> new IssuesCommand();
            case "decide" -> new DecideCommand();
            case "learn" -> new LearnCommand();
            default -> null;
        };
    }

    /**
     * The command the arguments name: the first one that is neither a global option nor the value of
     * {@code --config} or {@code --db}, if it is a command; else null (no command, {@code help},
     * an {@code @file}, a typo), and then every command is registered.
     */
    static String commandNamed(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--config") || a.equals("--db")) {
                i++;
            } else if (!a.startsWith("-")) {
                return COMMANDS.contains(a) ? a : null;
            }
        }
        return null;
    }

    /** Runs the command line with the given streams and environment; returns the exit code. */
    public static int run(String[] args, Terminal terminal) {
        String named = commandNamed(args);
        if (named != null) {
            // a mistake before the command (an unknown global option, say) is answered with the full
            // usage, so that one is parsed again with every command registered; nothing has run yet
            boolean[] topLevelMistake = {false};
            CommandLine cli = commandLine(terminal, List.of(named));
            CommandLine.IParameterExceptionHandler usual = cli.getParameterExceptionHandler();
            cli.setParameterExceptionHandler((ex, rest) -> {
                if (ex.getCommandLine() == cli) {
                    topLevelMistake[0] = true;
                    return USAGE;
                }
                return usual.handleParseException(ex, rest);
            });
            int code = cli.execute(args);
            if (!topLevelMistake[0]) {
                return code;
            }
        }
        return commandLine(terminal).execute(args);
    }

    /** The command line with every command registered, as help shows it. */
    static CommandLine commandLine(Terminal terminal) {
        return commandLine(terminal, COMMANDS);
    }

    private static CommandLine commandLine(Terminal terminal, List<String> commands) {
        CommandLine cli = new CommandLine(new Main(terminal));
        for (String name : commands) {
            cli.addSubcommand(name, command(name));
        }
        if (commands.size() > 1) {
            cli.addSubcommand("help", new CommandLine.HelpCommand());
        }
        cli.setOut(new PrintWriter(terminal.out(), true));
        cli.setErr(new PrintWriter(terminal.err(), true));
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // the JDK's TLS set-up is the installation's, not a fault here: its reason is the message
            terminal.err().println("kildevakt: " + OneLine.of(ex instanceof TlsUnavailableException ? ex.getMessage() : ex.toString()));
            return PARTIAL;
        });
        return cli;
    }

    public static void main(String[] args) {
        configureLogging(args);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, new Terminal(out, err, System.getenv(), System.console() != null));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * slf4j-simple reads its settings once, when the first logger is made, so they are set
     * from a glance at the arguments before anything else runs.
     */
    private static void configureLogging(String[] args) {
        boolean verbose = false;
        boolean quiet = false;
        for (String a : args) {
            verbose |= a.equals("-v") || a.equals("--verbose");
            quiet |= a.equals("-q") || a.equals("--quiet");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", quiet ? "error" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.no.kildevakt", verbose ? "debug" : quiet ? "error" : "warn");
        // crawler-commons warns about every odd line of every robots.txt, PDFBox and POI about every odd
        // byte of a file that kildevakt already reports in one warning of its own: noise for cron mail
        System.setProperty("org.slf4j.simpleLogger.log.crawlercommons", verbose ? "warn" : "error");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.pdfbox", verbose ? "warn" : "error");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.poi", verbose ? "warn" : "error");
        // sqlite-jdbc logs each failed way of loading its native library with a stack trace; the store
        // says in one line what went wrong (Store.nativeLibraryProblem)
        System.setProperty("org.slf4j.simpleLogger.log.org.sqlite", verbose ? "warn" : "off");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    /** Where a command writes, what environment it sees, and whether a person is watching. */
    public record Terminal(PrintStream out, PrintStream err, Map<String, String> env, boolean interactive) {}

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"kildevakt " + Version.get()};
        }
    }
}
