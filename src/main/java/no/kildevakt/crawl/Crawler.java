package no.kildevakt.crawl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import no.kildevakt.config.Config;
import no.kildevakt.config.Durations;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;
import no.kildevakt.enrich.Enricher;
import no.kildevakt.fetch.Fetch;
import no.kildevakt.fetch.FetchException;
import no.kildevakt.fetch.FetchRequest;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.item.Item;
import no.kildevakt.read.SourceReadException;
import no.kildevakt.read.SourceReader;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.Round;
import no.kildevakt.store.RoundResult;
import no.kildevakt.store.SourceState;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one crawl: picks the sources that are due, fetches and reads each, and stores each
 * source's round atomically ({@link RoundWriter}: the rounds read within a tenth of a second share a
 * transaction). Sources are isolated from each other: whatever goes wrong with one is recorded
 * against it and the others go on.
 *
 * <p>Between reading and storing, new items that lack a date or summary are enriched from their
 * own pages ({@link Enricher}: bounded per source, through the same polite fetcher), and the
 * round's warnings (the reader's, enrichment's, and {@link ListingHealth}'s signs of a changed
 * listing layout) are reported and kept in the source's state, so that {@code sources} shows them
 * until a later round no longer has them.
 *
 * <p>Sources are grouped by host and each host's sources run one after another on one
 * worker, while different hosts run in parallel. The fetcher enforces per-host politeness
 * anyway; grouping here keeps workers from idling in a host's queue while other hosts wait.
 * A feed that is read without the network (one page, no enrichment) is read and stored on one of
 * a few core workers while its host's worker goes on to the host's next source: otherwise, when
 * responses from many hosts arrive together, a host's next request waited for its turn at the
 * cores, and a first crawl ran a fifth over what the hosts' pauses allow ({@code bench/}).
 *
 * <p>A crawl runs for at most {@code settings.max_crawl_time}; past it, the sources not yet
 * recorded are recorded as timed out and the crawl returns, so a hung server cannot hold the
 * crawl lock for every later cron run. Closing the {@link no.kildevakt.fetch.Fetcher} afterwards
 * cancels the calls its abandoned workers still wait on.
 */
public final class Crawler {
    private static final Logger log = LoggerFactory.getLogger(Crawler.class);

    /** How long a crawl out of time waits for the rounds already read to be stored. */
    private static final Duration WRITER_GRACE = Duration.ofSeconds(5);

    /** At least this many hosts tried before "the network looks down" is considered. */
    static final int NETWORK_DOWN_MIN_HOSTS = 3;

    private final Config config;
    private final Store store;
    private final Fetch fetch;
    private final Map<SourceType, SourceReader> readers;
    private final Clock clock;
    private final Enricher enricher;
    /**
     * Reading and storing are CPU work; fetching is mostly waiting. Many hosts are fetched at
     * once, but only as many responses are read as there are cores, so a burst of arrivals
     * neither thrashes the CPU nor holds every parsed document in memory at once.
     */
    private final java.util.concurrent.Semaphore cpuSlots = new java.util.concurrent.Semaphore(CORES);

    private static final int CORES = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** A crawler that enriches through {@code fetch} with the default bound ({@link Enricher#DEFAULT_MAX_FETCHES_PER_SOURCE}). */
    public Crawler(Config config, Store store, Fetch fetch, Map<SourceType, SourceReader> readers, Clock clock) {
        this(config, store, fetch, readers, clock, new Enricher(fetch::fetch, clock));
    }

    /**
     * @param enricher fills missing dates and summaries of new items from their pages
     */
    public Crawler(Config config, Store store, Fetch fetch, Map<SourceType, SourceReader> readers, Clock clock, Enricher enricher) {
        this.config = config;
        this.store = store;
        this.fetch = fetch;
        this.readers = Map.copyOf(readers);
        this.clock = clock;
        this.enricher = enricher;
    }

    /** Crawls what {@code options} select and reports on every configured source. */
    public CrawlReport crawl(CrawlOptions options, CrawlListener listener) throws StoreException {
        Instant now = clock.instant();
        Map<String, SourceReport> reports = new HashMap<>();
        Map<String, List<SourceConfig>> byHost = new LinkedHashMap<>();
        Map<String, SourceState> states = store.sources().states();
        for (SourceConfig source : config.sources()) {
            SourceState state = states.getOrDefault(source.id(), SourceState.empty(source.id()));
            Optional<String> skip = skipReason(source, state, options, now);
            if (skip.isPresent()) {
                reports.put(source.id(), SourceReport.skipped(source.id(), skip.get()));
            } else {
                byHost.computeIfAbsent(source.host(), h -> new ArrayList<>()).add(source);
            }
        }
        int toCrawl = byHost.values().stream().mapToInt(List::size).sum();
        listener.started(toCrawl);
        Run run = new Run();
        runHosts(byHost, states, run, listener);
        reports.putAll(run.reports());

        List<SourceReport> ordered = config.sources().stream().map(s -> reports.get(s.id())).toList();
        // a source cut off by the crawl's bound says nothing about our network: it is neither
        // evidence that the network is down nor forgiven when it is
        Set<String> cutOff = run.cutOffSources();
        List<SourceReport> answered = ordered.stream().filter(r -> !cutOff.contains(r.sourceId())).toList();
        boolean networkDown = networkLooksDown(answered);
        if (networkDown) {
            store.sources().forgiveFailures(answered.stream().filter(SourceReport::unreachable).map(SourceReport::sourceId).toList());
        }
        return new CrawlReport(ordered, networkDown);
    }

    private Optional<String> skipReason(SourceConfig source, SourceState state, CrawlOptions options, Instant now) {
        if (!options.sources().isEmpty()) {
            return options.sources().contains(source.id()) ? Optional.empty() : Optional.of("not selected");
        }
        if (options.force()) {
            return Optional.empty();
        }
        return Schedule.notDueReason(state, intervalOf(source), now);
    }

    private Duration intervalOf(SourceConfig source) {
        return source.interval().orElse(config.settings().interval());
    }

    /**
     * Crawls each host's sources on one worker, hosts in parallel, for at most
     * {@code settings.max_crawl_time}: a hung server (or a page that takes for ever to read) must
     * not hold the crawl, and with it the lock every later cron crawl needs. The bound is real
     * time (not the injected clock, which only stamps rounds).
     */
    private void runHosts(Map<String, List<SourceConfig>> byHost, Map<String, SourceState> states, Run run, CrawlListener listener)
            throws StoreException {
        if (byHost.isEmpty()) {
            return;
        }
        Duration bound = config.settings().maxCrawlTime();
        long deadline = System.nanoTime() + bound.toNanos();
        int threads = Math.max(1, Math.min(config.settings().concurrency(), byHost.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads("crawl"));
        ExecutorService cores = Executors.newFixedThreadPool(CORES, daemonThreads("read"));
        RoundWriter writer = new RoundWriter(store.items()::recordRounds,
                (batch, rounds) -> run.store(batch, rounds).forEach(listener::finished), RoundWriter.WINDOW);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (List<SourceConfig> hostSources : byHost.values()) {
                futures.add(pool.submit(() -> {
                    crawlHost(hostSources, states, run, cores, writer);
                    return null;
                }));
            }
            boolean timedOut = false;
            for (Future<?> f : futures) {
                try {
                    f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // what was read in time is stored, not timed out; the store gets a little while for it
                    writer.finish(WRITER_GRACE);
                    timeOutUnfinished(byHost, states, run, bound, listener);
                    timedOut = true;
                    break;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof StoreException se) {
                        throw se;
                    }
                    throw new IllegalStateException("crawl worker failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("crawl interrupted", e);
                }
            }
            if (!timedOut) {
                writer.finish(Duration.ZERO);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("crawl interrupted", e);
        } finally {
            // wakes workers sleeping in a backoff; calls still waiting on a server end when the
            // fetcher is closed, and whatever a worker finds after this is not recorded (see Run)
            pool.shutdownNow();
            cores.shutdownNow();
            writer.close();
        }
    }

    /**
     * One host's sources, one after another. A feed read without the network goes to {@code cores}
     * once fetched, and this worker fetches the next source meanwhile; at most one such read per host
     * is under way, so at most two answers per host are held in memory.
     */
    private void crawlHost(List<SourceConfig> hostSources, Map<String, SourceState> states, Run run, ExecutorService cores,
            RoundWriter writer) throws StoreException, InterruptedException {
        Future<?> reading = null;
        for (SourceConfig source : hostSources) {
            if (run.isOver()) {
                break;
            }
            SourceState state = states.getOrDefault(source.id(), SourceState.empty(source.id()));
            Instant started = clock.instant();
            if (readsWithoutNetwork(source)) {
                Fetched fetched = Fetched.by(fetch, request(source, state));
                awaitReading(reading);
                reading = cores.submit(() -> {
                    crawlOne(source, state, started, fetched, writer);
                    return null;
                });
            } else {
                awaitReading(reading);
                reading = null;
                crawlOne(source, state, started, fetch, writer);
            }
        }
        awaitReading(reading);
    }

    /** Whether a source is read from its one answer alone: a feed of one page, not enriched. */
    private static boolean readsWithoutNetwork(SourceConfig source) {
        return source.type() == SourceType.FEED && source.pages() <= 1 && !source.enrich();
    }

    private static void awaitReading(Future<?> reading) throws StoreException, InterruptedException {
        if (reading == null) {
            return;
        }
        try {
            reading.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof StoreException se) {
                throw se;
            }
            throw new IllegalStateException("crawl reader failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * A fetch already made, handed to the reader later: its answer, or what it threw, for the one
     * request it was made for (thrown again as it was, so the source's attempt fails as it would have).
     */
    private record Fetched(FetchRequest request, FetchResponse response, Throwable thrown) implements Fetch {
        static Fetched by(Fetch fetch, FetchRequest request) {
            try {
                return new Fetched(request, fetch.fetch(request), null);
            } catch (FetchException | RuntimeException | Error e) {
                return new Fetched(request, null, e);
            }
        }

        @Override
        public FetchResponse fetch(FetchRequest r) throws FetchException {
            if (!r.equals(request)) {
                throw new IllegalStateException("fetched " + request.url() + ", asked for " + r.url());
            }
            if (thrown instanceof FetchException e) {
                throw e;
            } else if (thrown instanceof RuntimeException e) {
                throw e;
            } else if (thrown instanceof Error e) {
                throw e;
            }
            return response;
        }
    }

    /**
     * The crawl is out of time: every source without a recorded round gets one saying so, as a
     * timeout (it counts as failed and backs off like one). The round of a source still being read
     * is abandoned; its worker finds the run over and records nothing.
     */
    private void timeOutUnfinished(Map<String, List<SourceConfig>> byHost, Map<String, SourceState> states, Run run, Duration bound,
            CrawlListener listener) throws StoreException {
        Set<String> done = run.end();
        log.warn("crawl exceeded max_crawl_time ({}); recording the unfinished sources as timed out", Durations.format(bound));
        Instant now = clock.instant();
        for (List<SourceConfig> hostSources : byHost.values()) {
            for (SourceConfig source : hostSources) {
                if (!done.contains(source.id())) {
                    Attempt a = new Attempt();
                    a.outcome = Outcome.TIMEOUT;
                    a.error = source.id() + ": timed out: crawl exceeded max_crawl_time (" + Durations.format(bound) + ")";
                    SourceState before = states.getOrDefault(source.id(), SourceState.empty(source.id()));
                    RoundWriter.Pending timedOut = pending(source, before, a, now, now);
                    SourceReport report = timedOut.report().of(store.items().recordRound(timedOut.round()));
                    run.cutOff(source.id(), report);
                    listener.finished(report);
                }
            }
        }
    }

    /**
     * What a crawl has recorded so far, and whether it is over. A batch of rounds is stored and
     * counted under this lock, so once {@link #end} has been called no other is stored, and the
     * crawl's own "timed out" round is the only one for a source left unfinished.
     */
    private static final class Run {
        private final Map<String, SourceReport> reports = new HashMap<>();
        /** Cut off by the crawl's bound: not "unreachable", so they never make the network look down. */
        private final Set<String> cutOff = new HashSet<>();
        private boolean over;

        synchronized boolean isOver() {
            return over;
        }

        /** Stores {@code batch} through {@code rounds} unless the run is over; returns the reports, none when it is. */
        synchronized List<SourceReport> store(List<RoundWriter.Pending> batch, RoundWriter.Rounds rounds) throws StoreException {
            if (over) {
                return List.of();
            }
            List<RoundResult> results = rounds.write(batch.stream().map(RoundWriter.Pending::round).toList());
            List<SourceReport> stored = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                SourceReport report = batch.get(i).report().of(results.get(i));
                reports.put(report.sourceId(), report);
                stored.add(report);
            }
            return stored;
        }

        /** Ends the run; returns the sources already recorded. */
        synchronized Set<String> end() {
            over = true;
            return Set.copyOf(reports.keySet());
        }

        synchronized void cutOff(String sourceId, SourceReport report) {
            reports.put(sourceId, report);
            cutOff.add(sourceId);
        }

        synchronized Map<String, SourceReport> reports() {
            return Map.copyOf(reports);
        }

        synchronized Set<String> cutOffSources() {
            return Set.copyOf(cutOff);
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * One source's round: fetch, read, and hand to {@code writer} to store — unless the crawl has run
     * out of time by then, when nothing is stored. Only a store failure escapes (the database is
     * shared by all sources, so carrying on would only pile up failures); anything else that goes
     * wrong, down to an {@link Error}, is this source's failure.
     */
    private void crawlOne(SourceConfig source, SourceState before, Instant started, Fetch via, RoundWriter writer)
            throws StoreException {
        Attempt attempt;
        try {
            attempt = attempt(source, before, via);
            if (attempt.outcome == Outcome.OK) {
                enrich(source, attempt);
            }
        } catch (RuntimeException | Error e) {
            // past the reader's own guard (enrichment, the listing checks): still only this source's loss
            attempt = new Attempt();
            unexpected(source, attempt, e);
        }
        writer.submit(pending(source, before, attempt, started, clock.instant()));
    }

    /** One round, ready to store, and how it is reported once stored. */
    private RoundWriter.Pending pending(SourceConfig source, SourceState before, Attempt attempt, Instant started, Instant finished) {
        SourceState after = nextState(source, before, attempt, finished);
        List<String> warnings = warningsFor(attempt, after);
        String warning = warnings.isEmpty() ? null : source.id() + ": " + String.join("; ", warnings);
        Round round = new Round(source.id(), source.section(), started, finished, attempt.outcome, attempt.httpStatus,
                attempt.error, attempt.finalUrl, attempt.bytes, attempt.items, after);
        Duration took = Duration.between(started, finished);
        int found = attempt.items.size();
        return new RoundWriter.Pending(round, stored -> new SourceReport(source.id(), attempt.outcome, stored.newItems(), found,
                attempt.error, warning, took, warnings));
    }

    /** What one fetch-and-read produced; a plain holder so the steps above stay short. */
    private static final class Attempt {
        Outcome outcome;
        int httpStatus;
        String error;
        String finalUrl;
        long bytes;
        List<Item> items = List.of();
        /** What this round's reading and enrichment warned of (not the state-derived quiet/moved warnings). */
        List<String> warnings = new ArrayList<>();
        FetchResponse response;
        FetchException failure;
    }

    private FetchRequest request(SourceConfig source, SourceState before) {
        return SourceAttempt.request(source, readers).withValidators(before.etag(), before.lastModified());
    }

    private Attempt attempt(SourceConfig source, SourceState before, Fetch via) {
        SourceAttempt<SourceReader.Reading> tried = SourceAttempt.run(source, request(source, before), via, readers,
                SourceAttempt.TypeChoice.AS_CONFIGURED, this::readAndCheck);
        Attempt a = new Attempt();
        FetchResponse response = tried.response();
        a.response = response;
        a.failure = tried.fetchFailure();
        if (response != null) {
            a.httpStatus = response.status();
            a.finalUrl = response.finalUrl().toString();
            a.bytes = response.body().length;
        } else if (a.failure != null) {
            a.httpStatus = a.failure.httpStatus();
        }
        if (tried.failed()) {
            a.outcome = tried.failure();
            a.error = tried.error();
        } else if (response.notModified()) {
            a.outcome = Outcome.NOT_MODIFIED;
        } else {
            a.items = tried.reading().items();
            a.warnings.addAll(tried.reading().warnings());
            a.outcome = a.items.isEmpty() ? Outcome.EMPTY : Outcome.OK;
        }
        return a;
    }

    /**
     * Reads a changed answer and adds {@link ListingHealth}'s signs of a changed layout to the
     * reader's warnings; nothing to read in a 304.
     */
    private SourceReader.Reading readAndCheck(SourceReader reader, SourceConfig source, FetchResponse response)
            throws SourceReadException {
        if (response.notModified()) {
            return null;
        }
        SourceReader.Reading reading = readWithCpuSlot(reader, source, response);
        reading.warnings().forEach(w -> log.debug("{}: {}", source.id(), w));
        List<String> warnings = new ArrayList<>(reading.warnings());
        warnings.addAll(ListingHealth.warnings(source, reading.items(), reading.warnings()));
        return new SourceReader.Reading(reading.items(), warnings);
    }

    private static void unexpected(SourceConfig source, Attempt a, Throwable e) {
        a.items = List.of();
        a.outcome = Outcome.PARSE_ERROR;
        a.error = SourceAttempt.unexpected(source, e);
    }

    private SourceReader.Reading readWithCpuSlot(SourceReader reader, SourceConfig source, FetchResponse response)
            throws SourceReadException {
        if (source.pages() > 1) {
            // a listing that follows its next pages spends most of its reading waiting on the network
            // (and the host's delay between pages); holding a CPU slot through that would stall the
            // parsing of every other source, so it reads without one
            return reader.read(source, response);
        }
        cpuSlots.acquireUninterruptibly();
        try {
            return reader.read(source, response);
        } finally {
            cpuSlots.release();
        }
    }

    /**
     * Fills the missing fields of the round's new items from their pages. Which items are new is
     * asked of the store only for the items the enricher would want, so that a feed round (which
     * wants none unless {@code enrich: true}) costs no lookup.
     */
    private void enrich(SourceConfig source, Attempt a) throws StoreException {
        List<Item> candidates = a.items.stream().filter(i -> Enricher.wants(source, i)).toList();
        if (candidates.isEmpty()) {
            return;
        }
        Set<String> known = store.knownItems().knownKeys(source.id(), candidates);
        Enricher.Enrichment enrichment = enricher.enrich(source, a.items, i -> !known.contains(i.dedupeKey()));
        if (enrichment.fetches() > 0) {
            log.debug("{}: enriched from {} page(s)", source.id(), enrichment.fetches());
        }
        a.items = enrichment.items();
        a.warnings.addAll(enrichment.warnings());
    }

    static Outcome outcomeOf(FetchException.Kind kind) {
        return switch (kind) {
            case ROBOTS_DISALLOWED, BLOCKED, PRIVATE_ADDRESS -> Outcome.BLOCKED; // refused by the site, its robots.txt or our address rule
            case GONE -> Outcome.GONE;
            // a malformed response (bad gzip, a redirect without Location) is the server's doing
            case CLIENT_ERROR, SERVER_ERROR, REDIRECT_LOOP, TOO_MANY_REDIRECTS, IO -> Outcome.SERVER_ERROR;
            case TIMEOUT -> Outcome.TIMEOUT;
            case UNKNOWN_HOST, CONNECTION_FAILED, TLS -> Outcome.NETWORK_ERROR;
            case TOO_LARGE -> Outcome.PARSE_ERROR;
        };
    }

    private SourceState nextState(SourceConfig source, SourceState b, Attempt a, Instant now) {
        if (!a.outcome.isFailure()) {
            FetchResponse r = a.response; // every round that did not fail got an answer
            // a 304 may leave its validators out; then the ones it answered to still hold
            String etag = r.etag() != null || !r.notModified() ? r.etag() : b.etag();
            String lastModified = r.lastModified() != null || !r.notModified() ? r.lastModified() : b.lastModified();
            int itemsLastTime = a.outcome == Outcome.NOT_MODIFIED ? b.itemsLastTime() : a.items.size();
            String movedTo = r.movedTo() != null ? r.movedTo().toString() : null;
            // unchanged content has the warnings it had; otherwise this round's replace them
            String warnings = SourceState.keptWarnings(a.outcome == Outcome.NOT_MODIFIED ? b.roundWarnings() : a.warnings);
            return new SourceState(source.id(), etag, lastModified, now, now, a.outcome, warnings, 0, itemsLastTime,
                    Math.max(b.itemsEver(), itemsLastTime), null, movedTo);
        }
        int failures = b.consecutiveFailures() + 1;
        Duration retryAfter = a.failure == null ? null : a.failure.retryAfter();
        Instant nextDue = Schedule.nextAttempt(now, failures, intervalOf(source), retryAfter);
        return new SourceState(source.id(), b.etag(), b.lastModified(), now, b.lastSuccess(), a.outcome, a.error, failures,
                b.itemsLastTime(), b.itemsEver(), nextDue, b.movedTo());
    }

    /**
     * What about this round the editor should look at, though it did not fail, one line each:
     * no items (or no items where there used to be some), a permanent move, and the warnings the
     * state keeps for the round (the reader's, enrichment's, the listing's health). Empty for a
     * failed round: its error says it all.
     */
    private static List<String> warningsFor(Attempt a, SourceState after) {
        if (a.outcome.isFailure()) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        if (a.outcome == Outcome.EMPTY) {
            warnings.add(HealthRules.wentQuiet(after) ? HealthRules.quietWarning(after) : "yielded no items");
        }
        if (a.response != null && a.response.movedTo() != null) {
            warnings.add(HealthRules.movedWarning(a.response.movedTo().toString()));
        }
        warnings.addAll(after.roundWarnings());
        return warnings;
    }

    /**
     * Whether the fault is most likely ours: at least {@value #NETWORK_DOWN_MIN_HOSTS} hosts were
     * tried and most of them could not be reached at all. Counted by host, not by source: nine
     * sources on one dead host are that host's trouble, and they must back off as usual.
     */
    private boolean networkLooksDown(List<SourceReport> reports) {
        Map<String, Boolean> hostReachable = new HashMap<>();
        for (SourceReport r : reports) {
            if (r.outcome() != Outcome.SKIPPED) {
                String host = config.source(r.sourceId()).map(SourceConfig::host).orElse(r.sourceId());
                hostReachable.merge(host, !r.unreachable(), Boolean::logicalOr);
            }
        }
        long down = hostReachable.values().stream().filter(reachable -> !reachable).count();
        return hostReachable.size() >= NETWORK_DOWN_MIN_HOSTS && down * 2 > hostReachable.size();
    }

}
