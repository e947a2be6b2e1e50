package no.kildevakt.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import no.kildevakt.config.Config;
import no.kildevakt.config.Section;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.rank.Relevance;
import no.kildevakt.rank.Score;
import no.kildevakt.store.ItemQuery;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoreException;
import no.kildevakt.store.StoredItem;

/**
 * Picks a period's candidates and arranges them as a {@link Digest}: which items belong to the period,
 * which pass the relevance threshold and the status filter, under which section each goes, and in which
 * order. The rules live here once, so the digest, the draft and the review page show the same items.
 *
 * <p>An item belongs to a calendar period when it is dated in it (published, or first seen when it has
 * no date, or none a source can mean: the store keeps year 9999 or 1970 as no date), or, in an {@code events: true} section, when its event is on or after the period's first day,
 * whenever it was announced (an announcement from last quarter of a conference next quarter belongs in
 * the next issue). An event that took place before the period is not a candidate, even if announced in
 * it. A {@link Period#running() running window} ({@code --since-last}) lists what was first seen in it:
 * items dated in it, items dated up to {@link Period#lateArrivals()} before it but first seen in it, and
 * coming events announced in it.
 */
public final class Candidates {
    private final Config config;
    private final Relevance relevance;

    public Candidates(Config config, Relevance relevance) {
        this.config = Objects.requireNonNull(config, "config");
        this.relevance = Objects.requireNonNull(relevance, "relevance");
    }

    /** The configuration whose sections, sources and groups this arranges by. */
    public Config config() {
        return config;
    }

    /**
     * The period's items in the store, selected and arranged. Rows are judged as the database reads
     * them, so only the selected ones are kept: a period of 150,000 stored items of which 800 pass the
     * threshold holds 800.
     */
    public Digest select(Store store, Period period, Selection selection) throws StoreException {
        Arrangement arrangement = new Arrangement(period, selection);
        // read as the period's issue sees the items: its decisions, sections and order, not another issue's
        store.items().forEach(new ItemQuery(null, period.earliestDated(), period.to(), 0, null, period.firstDay()).forIssue(period.issue()),
                arrangement::add);
        return arrangement.digest();
    }

    /**
     * Selects and arranges {@code items}: those not in the period, below the threshold (unless
     * {@link Selection#all()}) or of other statuses are left out.
     */
    public Digest arrange(Period period, List<StoredItem> items, Selection selection) {
        Arrangement arrangement = new Arrangement(period, selection);
        items.forEach(arrangement::add);
        return arrangement.digest();
    }

    /** The selected items of one digest, by section, as they are taken one at a time. */
    private final class Arrangement {
        private final Period period;
        private final Selection selection;
        /** One snapshot for the whole pass: the items are ranked against the same evidence, asked for once. */
        private final Relevance ranking = relevance.snapshot();
        private final Map<String, List<DigestEntry>> bySection = new LinkedHashMap<>();

        Arrangement(Period period, Selection selection) {
            this.period = period;
            this.selection = selection;
        }

        void add(StoredItem item) {
            String section = sectionOf(item);
            if (!selection.statuses().contains(item.status()) || !inPeriod(item, period, isEvents(section))) {
                return;
            }
            Score score = ranking.score(item);
            if (!selection.all() && score.value() < ranking.threshold()) {
                return;
            }
            bySection.computeIfAbsent(section, k -> new ArrayList<>()).add(new DigestEntry(item, section, sourceName(item.source()), score));
        }

        Digest digest() {
            List<DigestSection> sections = new ArrayList<>();
            for (Section s : config.sections()) {
                List<DigestEntry> entries = bySection.remove(s.id());
                if (entries != null) {
                    sections.add(new DigestSection(s.id(), s.title(), s.events(), true, sorted(entries)));
                }
            }
            // sections feeds.yml no longer has: last, by id, so the order does not depend on the store's
            new TreeMap<>(bySection).forEach((id, entries) -> sections.add(new DigestSection(id, id, false, false, sorted(entries))));
            return new Digest(period, sections,
                    selection.all() ? java.util.OptionalDouble.of(ranking.threshold()) : java.util.OptionalDouble.empty());
        }
    }

    /**
     * The section an item is filed under now: where the editor moved it for the issue it was read for,
     * else that of the first of its sources still in feeds.yml (an editor who moves a source moves its
     * items), else the section stored with it.
     */
    public String sectionOf(StoredItem item) {
        return sectionOf(config, item);
    }

    /** As {@link #sectionOf(StoredItem)}, for callers without a ranking (a null config keeps the stored section). */
    public static String sectionOf(Config config, StoredItem item) {
        if (item.placedSection() != null && (config == null || config.section(item.placedSection()).isPresent())) {
            return item.placedSection(); // the editor moved it there for this issue
        }
        if (config != null) {
            List<String> sources = item.sources().isEmpty() ? List.of(item.source()) : item.sources();
            for (String id : sources) {
                var source = config.source(id).map(SourceConfig::section);
                if (source.isPresent()) {
                    return source.get();
                }
            }
        }
        return item.section() == null ? "" : item.section();
    }

    /** The item's score under this ranking (for listings that show scores without selecting). */
    public Score score(StoredItem item) {
        return relevance.score(item);
    }

    private String sourceName(String id) {
        return config.source(id).map(SourceConfig::name).orElse(id == null ? "" : id);
    }

    private boolean isEvents(String section) {
        return config.section(section).map(Section::events).orElse(false);
    }

    private static boolean inPeriod(StoredItem item, Period period, boolean events) {
        if (events && item.eventDate() != null) {
            return !item.eventDate().isBefore(period.firstDay()) && (!period.running() || period.contains(item.firstSeen()));
        }
        Instant dated = item.published() != null ? item.published() : item.firstSeen();
        if (period.contains(dated)) {
            return true;
        }
        // a running window also takes what was listed late: first seen in it, dated shortly before it
        return period.running() && period.contains(item.firstSeen()) && dated != null
                && !dated.isBefore(period.earliestDated()) && dated.isBefore(period.to());
    }

    /**
     * As the editor ordered the issue's entries (their places first), then best first; among equals the
     * newest, then the higher id (newer row), so the order is total.
     */
    private static final Comparator<DigestEntry> WITHIN_SECTION = Comparator
            .comparing((DigestEntry e) -> e.item().position(), Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
            .thenComparing(Comparator.comparingDouble((DigestEntry e) -> e.score().value()).reversed())
            .thenComparing(DigestEntry::dated, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(e -> e.item().id(), Comparator.reverseOrder());

    private static List<DigestEntry> sorted(List<DigestEntry> entries) {
        entries.sort(WITHIN_SECTION);
        return entries;
    }

    /**
     * The order of {@link Digest#entries()} as one comparator: feeds.yml's sections in its order, then
     * sections it no longer has by id, best first within each. It places an entry that is not in a
     * digest where it would be, which is what a key-set cursor over the digest needs.
     */
    public Comparator<DigestEntry> order() {
        List<String> known = config.sections().stream().map(Section::id).toList();
        Comparator<DigestEntry> bySection = Comparator.comparingInt((DigestEntry e) -> {
            int i = known.indexOf(e.section());
            return i < 0 ? known.size() : i;
        }).thenComparing(e -> known.contains(e.section()) ? "" : e.section());
        return bySection.thenComparing(WITHIN_SECTION);
    }
}
