package no.kildevakt.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import no.kildevakt.config.Config;
import no.kildevakt.crawl.CrawlRunner;
import no.kildevakt.crawl.HealthRules;
import no.kildevakt.digest.Candidates;
import no.kildevakt.rank.Relevance;
import no.kildevakt.review.Lang;
import no.kildevakt.review.Recrawler;
import no.kildevakt.review.Review;
import no.kildevakt.review.ReviewServer;
import no.kildevakt.review.ServeOptions;
import no.kildevakt.review.StoredLinkReports;
import no.kildevakt.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kildevakt serve}: the editors' review page on this machine. Runs until stopped (Ctrl-C);
 * decisions are written to the database as they are made, so stopping loses nothing.
 */
@Command(addMethodSubcommands = false, name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the review page: candidates of a period, decisions, notes, edits, the draft, source health.",
                "Binds 127.0.0.1 unless told otherwise; any other address needs $" + ServeOptions.TOKEN_ENV + ".",
                "Example: kildevakt serve --port 8080 --lang nb"})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "port to listen on (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}); other than loopback needs $" + ServeOptions.TOKEN_ENV)
    String bind;

    @Option(names = "--lang", paramLabel = "nb|en", defaultValue = "nb", description = "language of the page (default: ${DEFAULT-VALUE})")
    String lang;

    @Option(names = "--read-only", description = "show the page but save no change (chosen by itself when the database file cannot be written)")
    boolean readOnly;

    @Override
    public Integer call() {
        ServeOptions options;
        try {
            options = new ServeOptions(address(bind), port, Lang.of(lang),
                    Optional.ofNullable(main.terminal.env().get(ServeOptions.TOKEN_ENV)));
        } catch (IllegalArgumentException e) {
            main.terminal.err().println("kildevakt serve: " + e.getMessage());
            return Main.USAGE;
        }
        return Commands.withConfig(main, config -> {
            Relevance relevance = Commands.relevance(main, config);
            CrawlRunner crawls = Commands.crawlRunner(main, config); // the page crawls a source again on request
            boolean onlyRead = readOnly(readOnly, main.dbPath(), Files::isWritable);
            return Commands.withExistingStore(main, onlyRead, store -> serve(options.withReadOnly(onlyRead), config, relevance, store, crawls));
        });
    }

    /**
     * Whether to serve read-only: when told, or when the database file cannot be written (a copy on a
     * read-only share, a file of another user). Opened read-write, such a file let the page show
     * everything and then fail every decision with a bare 500.
     */
    static boolean readOnly(boolean told, Path db, Predicate<Path> writable) {
        return told || !writable.test(db);
    }

    private static InetAddress address(String bind) {
        try {
            return InetAddress.getByName(bind.strip());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind: \"" + bind + "\" is not an address of this machine");
        }
    }

    private int serve(ServeOptions options, Config config, Relevance relevance, Store store, CrawlRunner crawls) {
        Review review = new Review(config, store, new Candidates(config, new no.kildevakt.rank.learn.LearningFromStore(relevance, store)),
                recrawler(crawls, store), HealthRules::health, new StoredLinkReports(store),
                Clock.systemUTC());
        ReviewServer server;
        try {
            server = ReviewServer.start(options, review);
        } catch (BindException e) {
            main.terminal.err().printf("kildevakt serve: cannot listen on %s:%d (%s); pick another --port or --bind%n",
                    options.bind().getHostAddress(), options.port(), e.getMessage());
            return Main.USAGE;
        } catch (IOException e) {
            main.terminal.err().println("kildevakt serve: " + no.kildevakt.text.OneLine.of(e.toString()));
            return Main.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "kildevakt-serve-stop"));
        String where = server.uri().toString();
        main.terminal.out().println("Review page: " + where + (options.needsAccessToken() ? "?token=…  (the value of $"
                + ServeOptions.TOKEN_ENV + ")" : "") + (options.readOnly() ? "  —  read-only: changes are not saved" : "")
                + "  —  Ctrl-C stops");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return Main.OK;
    }

    /** Crawls one source under the crawl lock, as {@code kildevakt crawl --source ID} would. */
    private static Recrawler recrawler(CrawlRunner runner, Store store) {
        return sourceId -> {
            try {
                return runner.crawlNow(store, sourceId);
            } catch (CrawlRunner.Busy e) {
                throw new Recrawler.Busy(e.getMessage() + "; try again when it is done");
            }
        };
    }
}
