package no.kildevakt.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kildevakt.config.Config;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.crawl.SourceReport;
import no.kildevakt.digest.Candidates;
import no.kildevakt.digest.Digest;
import no.kildevakt.digest.DigestEntry;
import no.kildevakt.digest.Draft;
import no.kildevakt.digest.Period;
import no.kildevakt.digest.Selection;
import no.kildevakt.store.DraftEdits;
import no.kildevakt.store.SourceState;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoreException;
import no.kildevakt.store.StoredItem;

/**
 * What the review page can do, apart from HTTP: list a period's candidates, record decisions and
 * edits (with their time), build the draft, report on the sources, crawl one again, and show the
 * latest link report. Pages and API both go through here, so a decision made by a script and one
 * made by a click are the same decision. Which items are candidates, in which section and order, is
 * the digest's rule ({@link Candidates}), so the page shows what {@code kildevakt digest} would.
 */
public final class Review {
    private final Config config;
    private final Store store;
    private final Candidates candidates;
    private final Recrawler recrawler;
    private final HealthRule health;
    private final LinkReports links;
    private final Clock clock;

    public Review(Config config, Store store, Candidates candidates, Recrawler recrawler, HealthRule health, LinkReports links,
            Clock clock) {
        this.config = config;
        this.store = store;
        this.candidates = candidates;
        this.recrawler = recrawler;
        this.health = health;
        this.links = links;
        this.clock = clock;
    }

    public Config config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The candidates of a period whatever their review status, in newsletter order: the editor sees
     * what is decided beside what is not.
     *
     * @param all include items below the relevance threshold too
     */
    public Digest candidates(Period period, boolean all) throws StoreException {
        return candidates.select(store, period, new Selection(all, Selection.ANY_STATUS));
    }

    /**
     * A page of {@code ordered} (candidates in newsletter order, perhaps filtered) after the item a
     * cursor names.
     *
     * @throws IllegalArgumentException when the cursor is not one {@link ItemPage} gave, or names no stored item
     */
    ItemPage page(List<DigestEntry> ordered, Optional<String> cursor, int limit) throws StoreException {
        Optional<DigestEntry> after = Optional.empty();
        if (cursor.isPresent()) {
            long id = ItemPage.itemOf(cursor.get());
            after = Optional.of(item(id).orElseThrow(
                    () -> new IllegalArgumentException("cursor names item " + id + ", which is not stored; start again without it")));
        }
        return ItemPage.of(ordered, after, candidates.order(), limit);
    }

    /** One stored item with its section and score, whether or not it is a candidate of any period. */
    public Optional<DigestEntry> item(long id) throws StoreException {
        return store.items().get(id).map(this::entry);
    }

    /** One stored item as issue {@code issue} sees it (its decision, section and place there). */
    public Optional<DigestEntry> item(long id, String issue) throws StoreException {
        return store.items().get(id, issue).map(this::entry);
    }

    private DigestEntry entry(StoredItem item) {
        String sourceName = config.source(item.source()).map(SourceConfig::name).orElse(item.source());
        return new DigestEntry(item, candidates.sectionOf(item), sourceName, candidates.score(item));
    }

    /**
     * Records a decision now.
     *
     * @param note null keeps the note, empty clears it
     * @throws IllegalArgumentException when the decision is not accepted, rejected or new, or the note is too long
     * @throws StoreException           when there is no such item or the database fails
     */
    public DigestEntry decide(long id, String decision, String note) throws StoreException {
        return decide(id, decision, note, null);
    }

    /**
     * Records a decision now for one issue; another issue's decisions and draft are not changed.
     *
     * @param issue the issue ({@link Period#issue()}), or null for the quarter of the item's date
     */
    public DigestEntry decide(long id, String decision, String note, String issue) throws StoreException {
        return entry(store.decisions().decide(id, decision, note, clock.instant(), issue));
    }

    /** What the editors arrange in an issue's draft: sections, order, hand-written entries, group names. */
    public DraftEdits draftEdits() {
        return store.draftEdits();
    }

    /**
     * Sets the draft's title and summary of an item; null keeps, blank removes the edit.
     *
     * @throws IllegalArgumentException when a text is too long
     */
    public DigestEntry edit(long id, String title, String summary) throws StoreException {
        return edit(id, title, summary, null);
    }

    /** As {@link #edit(long, String, String)}, for one issue's draft only ({@link Period#issue()}; null: every issue). */
    public DigestEntry edit(long id, String title, String summary, String issue) throws StoreException {
        return entry(store.decisions().edit(id, title, summary, issue));
    }

    /**
     * The next issue as it stands: the period's accepted items (whatever their score) when there
     * are any, otherwise its candidates that are not rejected; the digest's rule ({@link Draft#of}).
     */
    public Draft draft(Period period) throws StoreException {
        return Draft.of(candidates, store, period);
    }

    /** The draft as {@code kildevakt draft --format} writes it. */
    public String draftText(Draft draft, DraftFormat format) {
        return format.writer().write(draft);
    }

    /** A configured source with its health. */
    public record SourceHealth(SourceConfig source, SourceState state, String health) {
        public static final String FAILING = "failing";
        public static final String WARNING = "warning";
        public static final String OK = "ok";

        /**
         * What the editor must do about the source: {@code failing} (its last round failed: fix or wait),
         * {@code warning} (it works but something is off: quiet, moved, stale, warnings of its last round,
         * never crawled) or {@code ok}.
         */
        public String standing() {
            if (state.lastOutcome() != null && state.lastOutcome().isFailure()) {
                return FAILING;
            }
            boolean fine = health.equals("ok") || health.equals("not_modified");
            return fine && no.kildevakt.crawl.HealthRules.warning(state) == null ? OK : WARNING;
        }
    }

    /** Every configured source, in feeds.yml order, with its state and health word. */
    public List<SourceHealth> sources() throws StoreException {
        Map<String, SourceState> states = store.sources().states();
        Instant now = clock.instant();
        List<SourceHealth> out = new ArrayList<>();
        for (SourceConfig s : config.sources()) {
            SourceState state = states.getOrDefault(s.id(), SourceState.empty(s.id()));
            out.add(new SourceHealth(s, state, health.health(state, now)));
        }
        return out;
    }

    /**
     * Every configured source as the editor should look at them: failing first, then those with a
     * warning, then the rest, each group in feeds.yml order.
     */
    public List<SourceHealth> sourcesWorstFirst() throws StoreException {
        List<String> order = List.of(SourceHealth.FAILING, SourceHealth.WARNING, SourceHealth.OK);
        List<SourceHealth> all = new ArrayList<>(sources());
        all.sort(java.util.Comparator.comparingInt(h -> order.indexOf(h.standing()))); // stable: feeds.yml order within
        return all;
    }

    /** Crawls one configured source now. @throws IllegalArgumentException when there is no such source */
    public SourceReport recrawl(String sourceId) throws Recrawler.Busy, StoreException {
        if (config.source(sourceId).isEmpty()) {
            throw new IllegalArgumentException("no source \"" + sourceId + "\" in " + config.file());
        }
        return recrawler.recrawl(sourceId);
    }

    public Optional<LinkReports.Report> latestLinkReport() throws StoreException {
        return links.latest();
    }
}
