package no.kildevakt.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import no.kildevakt.links.check.ArchiveLookup;
import no.kildevakt.links.check.CheckListener;
import no.kildevakt.links.check.CheckUrls;
import no.kildevakt.links.check.LinkChecker;
import no.kildevakt.links.check.LinkResult;
import no.kildevakt.store.LinkStatus;
import no.kildevakt.links.extract.ExtractedDocument;
import no.kildevakt.links.extract.LinkOccurrence;
import no.kildevakt.links.extract.LinkScheme;
import no.kildevakt.store.BatchWriter;
import no.kildevakt.store.LinkRecords;
import no.kildevakt.store.LinkRecords.CheckOutcome;
import no.kildevakt.store.LinkRecords.LinkCheck;
import no.kildevakt.store.StoreException;

/**
 * A whole {@code check-links} run: the links of some documents, grouped by the URL they are
 * checked as (so a link cited ten times costs one request), checked or taken from the cache,
 * recorded with their history, and given an archive suggestion when dead.
 *
 * <p>The cache only ever spares a fetch of a link that <em>worked</em> ({@code ok} or
 * {@code redirect}) within {@code maxAge}; anything that failed last time is checked again, since
 * the point of a run is to find out whether it still fails.
 */
public final class LinkAudit {
    /**
     * Cited URLs longer than this are not sent, but listed as skipped: browsers and servers stop at
     * about 8 KB, and a broken or hostile document can hold a URL of megabytes.
     */
    public static final int MAX_URL_LENGTH = 8192;

    private final LinkChecker checker;
    private final LinkRecords records;
    private final ArchiveLookup archive;
    private final Clock clock;

    /**
     * @param checker the checker for this run
     * @param records where results and history are kept; null to keep nothing (no cache, no history)
     * @param archive where archived copies of broken links are looked up; null for no suggestions
     * @param clock   "now", for the cache's age
     */
    public LinkAudit(LinkChecker checker, LinkRecords records, ArchiveLookup archive, Clock clock) {
        this.checker = Objects.requireNonNull(checker, "checker");
        this.records = records;
        this.archive = archive;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks every link of {@code documents}.
     *
     * @param maxAge   reuse a working result younger than this instead of fetching; zero to always fetch
     * @param listener hears of each finished check
     * @throws StoreException       when the cache or history cannot be read or written
     * @throws InterruptedException when the run is interrupted
     */
    public LinkReport run(List<ExtractedDocument> documents, Duration maxAge, CheckListener listener)
            throws StoreException, InterruptedException {
        Instant now = clock.instant();
        Map<String, List<LinkOccurrence>> byUrl = new LinkedHashMap<>();
        Map<String, CheckUrls.Target> targets = new HashMap<>(); // each key's first citation, parsed once
        CheckUrls.Targets parser = new CheckUrls.Targets();
        List<String> warnings = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (ExtractedDocument doc : documents) {
            doc.warningLines().forEach(w -> warnings.add(UrlPasswords.hide(w)));
            if (doc.unreadable()) {
                unreadable.add(doc.document());
            }
            for (LinkOccurrence occurrence : doc.links()) {
                CheckUrls.Target target = parser.of(occurrence.url());
                targets.putIfAbsent(target.key(), target);
                byUrl.computeIfAbsent(target.key(), k -> new ArrayList<>()).add(occurrence);
            }
        }

        Map<String, LinkResult> results = new LinkedHashMap<>();
        Map<String, LinkCheck> history = new LinkedHashMap<>();
        if (records != null && !maxAge.isZero() && !maxAge.isNegative()) {
            Instant freshSince = now.minus(maxAge);
            for (LinkCheck stored : records.checks(byUrl.keySet()).values()) {
                boolean worked = stored.status().works();
                if (worked && !stored.checkedAt().isBefore(freshSince)) {
                    results.put(stored.url(), fromCache(stored));
                    history.put(stored.url(), stored);
                }
            }
        }
        List<CheckUrls.Target> toCheck = new ArrayList<>();
        Map<String, LinkResult> tooLong = new LinkedHashMap<>();
        for (Map.Entry<String, List<LinkOccurrence>> e : byUrl.entrySet()) {
            if (e.getKey().length() > MAX_URL_LENGTH) {
                tooLong.put(e.getKey(), new LinkResult(e.getKey(), LinkStatus.SKIPPED, 0, null, "a URL of "
                        + e.getKey().length() + " characters, longer than servers accept (" + MAX_URL_LENGTH
                        + "); not checked", 0, now, false));
            } else if (!results.containsKey(e.getKey())) {
                toCheck.add(targets.get(e.getKey()));
            }
        }
        Recorder recorder = records == null ? null : new Recorder(records);
        Map<String, LinkResult> fresh;
        try {
            fresh = checker.checkTargets(toCheck, recorder == null ? listener : (r, done, total) -> {
                listener.checked(r, done, total);
                recorder.offer(r);
            });
        } catch (InterruptedException | RuntimeException | Error e) {
            if (recorder != null) {
                recorder.abandon();
            }
            throw e;
        }
        if (recorder != null) {
            recorder.finish();
        }
        if (networkLooksDown(fresh.values())) {
            warnings.add("network looks down: no site answered" + checker.settings().proxies().through()
                    + ", so no link is called broken this time");
            fresh = new LinkedHashMap<>(fresh);
            fresh.replaceAll((url, r) -> r.status() == LinkStatus.BROKEN ? asUnverified(r) : r);
        }
        results.putAll(fresh);

        if (recorder != null) {
            history.putAll(recorder.recorded());
            if (!recorder.someSiteAnswered()) {
                // nothing was recorded during the run: the verdicts may have changed just above
                history.putAll(records.record(outcomes(fresh.values())));
            }
        }

        List<CheckedLink> links = new ArrayList<>();
        for (Map.Entry<String, List<LinkOccurrence>> e : byUrl.entrySet()) {
            LinkResult result = tooLong.containsKey(e.getKey()) ? tooLong.get(e.getKey())
                    : explainSkipped(results.get(e.getKey()));
            String snapshot = null;
            if (archive != null && result.status() == LinkStatus.BROKEN) {
                snapshot = archive.latestSnapshot(result.url()).orElse(null);
            }
            links.add(new CheckedLink(result, e.getValue(), history.get(e.getKey()), snapshot));
        }
        links.sort(Comparator.comparing(l -> l.result().status())); // stable: first-cited order within a status
        return new LinkReport(links, documents.size(), warnings, now, unreadable);
    }

    private static List<CheckOutcome> outcomes(Collection<LinkResult> results) {
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (LinkResult r : results) {
            if (r.status() != LinkStatus.SKIPPED) {
                outcomes.add(new CheckOutcome(r.url(), r.status(), r.httpStatus(), r.finalUrl(), r.error(), r.checkedAt()));
            }
        }
        return outcomes;
    }

    /**
     * Records results in the history while the rest are still being checked, in batches on a thread of its
     * own: writing thousands of them after the last check was a tenth of a run's wall time, spent while the
     * network sat idle. A result is final once any site has answered (see {@link #networkLooksDown}: only
     * a run where none answered has its verdicts changed at the end), so until then nothing is written;
     * a run where no site answered is recorded at the end as before.
     */
    private static final class Recorder {
        /** How long a batch (one transaction) gathers results. */
        private static final Duration LINGER = Duration.ofMillis(100);

        private final LinkRecords records;
        private final Map<String, LinkCheck> recorded = new ConcurrentHashMap<>();
        /** What came before any site answered, and so is not final yet; the writer's thread alone touches it. */
        private final List<LinkResult> waiting = new ArrayList<>();
        private final BatchWriter<LinkResult> writer;
        private volatile boolean someSiteAnswered;

        Recorder(LinkRecords records) {
            this.records = records;
            this.writer = new BatchWriter<>("link-checks", LINGER, Integer.MAX_VALUE, this::record);
        }

        /** Called by the checker's workers with each finished check. */
        void offer(LinkResult result) {
            if (result.httpStatus() > 0) {
                someSiteAnswered = true;
            }
            try {
                writer.add(result);
            } catch (StoreException failedBefore) {
                // the checks go on; finish() reports the failure when they are done
            }
        }

        private void record(List<LinkResult> batch) throws StoreException {
            waiting.addAll(batch);
            if (someSiteAnswered) {
                recorded.putAll(records.record(outcomes(waiting)));
                waiting.clear();
            }
        }

        /** Waits until every offered result that will be recorded here is. */
        void finish() throws StoreException, InterruptedException {
            writer.finish(Duration.ZERO);
        }

        /** Stops without writing what is still waiting. */
        void abandon() {
            writer.close();
        }

        boolean someSiteAnswered() {
            return someSiteAnswered;
        }

        Map<String, LinkCheck> recorded() {
            return recorded;
        }
    }

    /**
     * Whether this machine, not the links, is the problem: links on at least two hosts were
     * checked and not one of them gave any HTTP answer (every one an unknown host, a refused or
     * failed connection, a timeout). A cron run on a laptop without network must not mark a whole
     * archive as dead and start "dead since" clocks.
     */
    static boolean networkLooksDown(Collection<LinkResult> fresh) {
        List<LinkResult> fetched = fresh.stream().filter(r -> r.status() != LinkStatus.SKIPPED).toList();
        if (!fetched.stream().allMatch(r -> r.httpStatus() == 0)) {
            return false; // some site answered: the usual case, settled without parsing every URL for its host
        }
        long hosts = fetched.stream().map(r -> okhttp3.HttpUrl.parse(r.url())).filter(Objects::nonNull)
                .map(okhttp3.HttpUrl::host).distinct().count();
        return hosts >= 2;
    }

    private static LinkResult asUnverified(LinkResult r) {
        return new LinkResult(r.url(), LinkStatus.ERROR, 0, r.finalUrl(), "network looks down: " + r.error(),
                r.requests(), r.checkedAt(), false);
    }

    private static LinkResult fromCache(LinkCheck stored) {
        return new LinkResult(stored.url(), stored.status(), stored.httpStatus(), stored.finalUrl(),
                stored.error(), 0, stored.checkedAt(), true);
    }

    /** A skipped link's reason in the editor's words: "e-mail address, not checked". */
    private static LinkResult explainSkipped(LinkResult r) {
        if (r.status() != LinkStatus.SKIPPED) {
            return r;
        }
        LinkScheme scheme = LinkScheme.of(r.url());
        String what = scheme == LinkScheme.HTTP ? "malformed web link" : scheme.description();
        return new LinkResult(r.url(), r.status(), 0, null, what + ", not checked", 0, r.checkedAt(), false);
    }
}
