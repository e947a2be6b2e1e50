package no.kildevakt.crawl;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import no.kildevakt.config.Settings;
import no.kildevakt.fetch.Fetcher;
import no.kildevakt.fetch.FetcherOptions;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.read.feed.FeedParseException;
import no.kildevakt.read.feed.FeedParser;
import no.kildevakt.store.Store;
import okhttp3.Request;

/**
 * Prepares, on a spare core, what a command's first request will need while the main thread still
 * reads feeds.yml or an issue: {@link #database()} loads SQLite's driver and native library;
 * {@link #http()} loads OkHttp's classes and does the JDK's TLS set-up (trust store, cipher policy);
 * {@link #feedPath()} loads Rome, JDOM, the
 * XML parser and the item normaliser by reading a small feed held in memory (for a crawl).
 *
 * <p>Why: a cron crawl or a link check lives a few seconds, and the main thread does its first steps
 * alone. Without this, the first request waited a tenth of a second for loading and set-up that the
 * second core could have done meanwhile ({@code bench/} and {@code bench/links/}: the time from start
 * to the first request). It does no I/O beyond reading the JDK's own files, and keeps nothing: what
 * it leaves behind is the JDK's own state (loaded and initialised classes, the trust store it
 * caches). A failure is ignored; the command then does the same work itself and meets the failure
 * with its own message. That holds only because no class initialiser these steps run throws: one that
 * did would leave its class dead, and the command with "Could not initialize class" in place of the
 * cause, so the initialisers that can fail keep their failure and throw it on each use
 * ({@code ClientBase}'s TLS set-up, the bundled topics).
 *
 * <p>One thread, started by the command once its arguments are known. Starting it from {@code main}
 * before picocli, with TLS on a thread of its own, was tried: the crawl gained nothing measurable and
 * {@code check-links} lost 0.1-0.15 s of wall time and a tenth of its CPU (alternating runs), its main
 * thread short of a core while it reads the issue.
 */
public final class Warmup {
    private static final byte[] FEED = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Oppvarming</title><link>https://example.org/</link>
            <item><title>Rapport om menneskehandel &amp; utnyttelse</title><link>https://example.org/a?utm_source=x</link>
            <guid>https://example.org/a</guid><pubDate>Mon, 07 Oct 2024 10:00:00 +0200</pubDate>
            <description>&lt;p&gt;Kripos publiserte &lt;b&gt;rapporten&lt;/b&gt;.&lt;/p&gt;</description></item>
            </channel></rss>
            """.getBytes(StandardCharsets.UTF_8);

    private Warmup() {
    }

    /**
     * Runs {@code steps} one after another on a daemon thread (it never holds the JVM open) and
     * returns at once. A step that fails is passed over: the command does that work itself. Commands
     * add steps of their own, e.g. {@code check-links} a link checker of its own (in place of
     * {@link #http()}) and the soft-404 judge's phrase automaton.
     */
    public static void startInBackground(Runnable... steps) {
        Thread thread = new Thread(() -> {
            for (Runnable step : steps) {
                try {
                    step.run();
                } catch (RuntimeException | LinkageError ignored) {
                    // the command does the same work itself when it gets there
                }
            }
        }, "kildevakt-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Loads SQLite's driver and native library, as the first open of the store would. */
    public static void database() {
        Store.loadDriver();
    }

    /** Builds and closes a fetcher's client: OkHttp's classes, and the one TLS context every client shares. */
    public static void http() {
        try (Fetcher fetcher = new Fetcher(Settings.defaults(), FetcherOptions.defaults())) {
            fetcher.client().newCall(new Request.Builder().url("https://example.org/").build());
        }
    }

    /** Reads the feed held in memory; returns how many items it gave (0 if that failed). */
    public static int feedPath() {
        try {
            return new ItemNormalizer().normalize(new FeedParser().parse(FEED, "application/rss+xml",
                    URI.create("https://example.org/feed"))).size();
        } catch (FeedParseException | RuntimeException | LinkageError ignored) {
            return 0; // the crawl does the same work itself when it gets there
        }
    }
}
