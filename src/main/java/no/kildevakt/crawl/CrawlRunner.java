package no.kildevakt.crawl;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.kildevakt.config.Config;
import no.kildevakt.config.Settings;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;
import no.kildevakt.fetch.Fetch;
import no.kildevakt.fetch.Fetcher;
import no.kildevakt.fetch.FetcherOptions;
import no.kildevakt.read.SourceReader;
import no.kildevakt.store.CrawlLock;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoreException;

/**
 * The one way to crawl or try a source: {@code kildevakt crawl}, {@code kildevakt try} and the
 * review page's "Hent på nytt" all come here, and only here is a crawl wired: the crawl lock, the
 * fetcher (with the database's robots.txt archive), the readers and the store. Callers choose what
 * to crawl and how to show the result; they never build a {@link Crawler} or a {@link Fetcher}.
 *
 * <p>Each call gets a fetcher of its own, closed when the call ends, so a run's per-host pacing
 * and its abandoned calls never outlive it.
 */
public final class CrawlRunner {
    /**
     * Which reader reads which source type, for one fetcher (a listing reader fetches its further
     * pages through it). Given from outside so the readers' registry can change without this class.
     */
    @FunctionalInterface
    public interface Readers {
        Map<SourceType, SourceReader> forFetch(Fetch fetch);
    }

    /** Another crawl holds the lock on the database; the message names the holder. */
    public static final class Busy extends Exception {
        Busy(String holder) {
            super(holder, null, false, false);
        }
    }

    /** The database could not be locked or opened, so nothing was crawled; the message says why. */
    public static final class Unavailable extends Exception {
        Unavailable(StoreException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private final Config config;
    private final Settings settings;
    private final Path db;
    private final Readers readers;
    private final Clock clock;

    /**
     * @param config  the sources and settings
     * @param db      the database crawls write to; its lock file lies beside it
     * @param readers the readers, for each fetcher
     * @param clock   stamps rounds, and is "today" for the readers
     */
    public CrawlRunner(Config config, Path db, Readers readers, Clock clock) {
        this(Objects.requireNonNull(config), config.settings(), db, readers, clock);
    }

    /** The settings every fetch of this runner uses (feeds.yml's, with the proxy it goes through). */
    public Settings settings() {
        return settings;
    }

    private CrawlRunner(Config config, Settings settings, Path db, Readers readers, Clock clock) {
        this.config = config;
        this.settings = settings;
        this.db = db;
        this.readers = readers;
        this.clock = clock;
    }

    /** A runner with no feeds.yml (default settings, no database): it can only {@linkplain #attempt attempt} a source. */
    public static CrawlRunner withoutConfig(Readers readers, Clock clock) {
        return withoutConfig(Settings.defaults(), readers, clock);
    }

    /** As {@link #withoutConfig(Readers, Clock)}, with these settings (the environment's proxy, say). */
    public static CrawlRunner withoutConfig(Settings settings, Readers readers, Clock clock) {
        return new CrawlRunner(null, settings, null, readers, clock);
    }

    /**
     * Fetches and reads one source as a crawl would, storing nothing and taking no lock (for
     * {@code kildevakt try}). Fetched without validators and without the robots.txt archive: no
     * database is touched.
     *
     * @param choice the type to read it as, given its answer
     * @param read   what to make of the answer with the type's reader
     */
    public <R> SourceAttempt<R> attempt(SourceConfig source, SourceAttempt.TypeChoice choice, SourceAttempt.ReadStep<R> read) {
        try (Fetcher fetcher = new Fetcher(settings, FetcherOptions.defaults())) {
            Map<SourceType, SourceReader> sourceReaders = readers.forFetch(fetcher::fetch);
            return SourceAttempt.run(source, SourceAttempt.request(source, sourceReaders), fetcher::fetch, sourceReaders, choice, read);
        }
    }

    /**
     * Crawls what {@code options} select under the crawl lock, opening the database for it and
     * closing it afterwards ({@code kildevakt crawl}). The lock is taken before the database is
     * opened, so a second crawl neither migrates nor touches it.
     *
     * @throws Busy          when another crawl holds the lock
     * @throws Unavailable   when the database cannot be locked or opened; nothing was crawled
     * @throws StoreException when the database fails during the crawl; what was stored before stays
     */
    public CrawlReport crawl(CrawlOptions options, CrawlListener listener) throws Busy, Unavailable, StoreException {
        Optional<CrawlLock> lock;
        try {
            lock = CrawlLock.tryAcquire(db);
        } catch (StoreException e) {
            throw new Unavailable(e);
        }
        try (CrawlLock held = lock.orElseThrow(() -> new Busy(CrawlLock.describeHolder(db)))) {
            Store store;
            try {
                store = Store.open(db);
            } catch (StoreException e) {
                throw new Unavailable(e);
            }
            try (store) {
                return crawl(store, options, listener);
            }
        }
    }

    /**
     * Crawls one source now, due or not, into a database already open (the review page's
     * "Hent på nytt"), under the same lock as {@code kildevakt crawl} so it never runs beside a
     * cron crawl. Politeness still holds: the fetcher paces and asks robots.txt as always.
     *
     * @throws Busy          when another crawl holds the lock
     * @throws StoreException when the database fails, or the lock cannot be taken
     */
    public SourceReport crawlNow(Store store, String sourceId) throws Busy, StoreException {
        Optional<CrawlLock> lock = CrawlLock.tryAcquire(db);
        try (CrawlLock held = lock.orElseThrow(() -> new Busy(CrawlLock.describeHolder(db)))) {
            CrawlReport report = crawl(store, new CrawlOptions(true, Set.of(sourceId)), CrawlListener.NONE);
            return report.sources().stream().filter(r -> r.sourceId().equals(sourceId)).findFirst()
                    .orElseThrow(() -> new StoreException("the crawl did not report on " + sourceId));
        }
    }

    /** One crawl with the lock held: a fetcher that keeps robots.txt answers in the store, the readers, the crawler. */
    private CrawlReport crawl(Store store, CrawlOptions options, CrawlListener listener) throws StoreException {
        if (config == null) {
            throw new IllegalStateException("a crawl needs feeds.yml; this runner can only attempt a source");
        }
        try (Fetcher fetcher = new Fetcher(settings, FetcherOptions.defaults().withRobotsArchive(store.robots()))) {
            Crawler crawler = new Crawler(config, store, fetcher::fetch, readers.forFetch(fetcher::fetch), clock);
            return crawler.crawl(options, listener);
        }
    }
}
