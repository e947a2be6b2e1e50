package no.kildevakt.digest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import no.kildevakt.config.Config;
import no.kildevakt.config.Section;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.store.DraftEdits;
import no.kildevakt.store.ItemQuery;
import no.kildevakt.store.ReviewStatus;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoreException;
import no.kildevakt.store.StoredItem;

/**
 * The next issue of the newsletter in its own structure: sections in the newsletter's order, within a
 * section the groups the newsletter uses (the international section by body, the Norwegian one by short
 * topic headings), and the entries, each with the text the newsletter would print. Its entries are the
 * items the editors accepted for this issue and the entries they wrote by hand, where they put and ordered
 * them; while nothing is accepted or written yet, the candidates above the threshold, so a draft is
 * useful before the review as well as after it. Decisions of other issues never change it.
 *
 * @param period   the issue's period
 * @param accepted true when the entries are what the editors chose, false when they are candidates
 * @param sections the sections with entries, in the newsletter's order (empty ones are left out, so the
 *                 draft pastes without headings to delete)
 */
public record Draft(Period period, boolean accepted, List<DraftSection> sections) {
    /** Accepted items are drafted whatever their score: the editor's decision outranks the ranking. */
    static final Selection ACCEPTED = new Selection(true, Set.of(ReviewStatus.ACCEPTED));

    public Draft {
        Objects.requireNonNull(period, "period");
        sections = List.copyOf(sections);
    }

    /** A section of the draft: its groups in order; entries outside any group come first, in a group named "". */
    public record DraftSection(String id, String title, boolean events, List<DraftGroup> groups) {
        public DraftSection {
            groups = List.copyOf(groups);
        }

        /** The section's entries, group after group. */
        public List<DraftEntry> entries() {
            return groups.stream().flatMap(g -> g.entries().stream()).toList();
        }
    }

    /**
     * A group of a section's entries.
     *
     * @param name  the group as sources name it in feeds.yml (the key an editor's renaming is kept under)
     * @param title the heading printed: the editors' name for the issue, else {@code name}; empty for none
     * @param names every configured group shown under this heading (more than one when the editors merged groups)
     */
    public record DraftGroup(String name, String title, List<String> names, List<DraftEntry> entries) {
        public DraftGroup {
            names = List.copyOf(names);
            entries = List.copyOf(entries);
        }
    }

    /**
     * One entry of the draft.
     *
     * @param key       {@code item:ID} for a crawled item, {@code entry:ID} for a hand-written one; what the
     *                  page's move and order actions name
     * @param title     the heading: the editor's title, else the source's
     * @param text      the paragraph: the editor's text, else the house-style suggestion ({@link HouseStyle})
     * @param edited    true when {@code text} is the editor's own
     * @param summary   the crawled summary, kept one click away from the suggestion; empty for a hand-written entry
     * @param url       the link "se her" points to, or null
     * @param day       the day shown: the event's for an event, else the publication day; null when unknown
     * @param item      the crawled item with its section and score, or null for a hand-written entry
     * @param publisher who published it (the source's name up to its first dash), empty when unknown
     */
    public record DraftEntry(String key, String title, String text, boolean edited, String summary, String url, LocalDate day,
            DigestEntry item, String publisher) {
        public boolean handwritten() {
            return item == null;
        }
    }

    /** Every entry, section after section. */
    public List<DraftEntry> entries() {
        return sections.stream().flatMap(s -> s.entries().stream()).toList();
    }

    public int size() {
        return entries().size();
    }

    public boolean isEmpty() {
        return sections.isEmpty();
    }

    /** The issue's draft from the store: its accepted items, hand-written entries, their places and group names. */
    public static Draft of(Candidates candidates, Store store, Period period) throws StoreException {
        String issue = period.issue();
        ItemQuery query = new ItemQuery(null, period.earliestDated(), period.to(), 0, null, period.firstDay()).forIssue(issue);
        List<StoredItem> stored = store.items().list(query);
        List<DraftEdits.Handwritten> written = issue == null ? List.of() : store.draftEdits().entries(issue);
        Map<String, Map<String, String>> names = issue == null ? Map.of() : store.draftEdits().groupNames(issue);
        return of(candidates, period, stored, written, names);
    }

    /** The draft of {@code stored} with nothing written by hand and no group renamed. */
    public static Draft of(Candidates candidates, Period period, List<StoredItem> stored) {
        return of(candidates, period, stored, List.of(), Map.of());
    }

    /**
     * The draft of {@code stored} (the items of the period as the issue sees them), {@code written} (its
     * hand-written entries) and {@code groupNames} (section → configured group → the editors' name).
     */
    public static Draft of(Candidates candidates, Period period, List<StoredItem> stored,
            List<DraftEdits.Handwritten> written, Map<String, Map<String, String>> groupNames) {
        Config config = candidates.config();
        Digest chosen = candidates.arrange(period, stored, ACCEPTED);
        boolean accepted = !chosen.isEmpty() || !written.isEmpty();
        if (!accepted) {
            chosen = candidates.arrange(period, stored, Selection.DEFAULT);
        }
        Map<String, List<Placed>> bySection = new LinkedHashMap<>();
        for (DigestSection s : chosen.sections()) {
            int rank = 0;
            for (DigestEntry e : s.entries()) {
                bySection.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(new Placed(itemEntry(config, e),
                        groupOf(config, e), e.item().position(), rank++));
            }
        }
        for (DraftEdits.Handwritten h : written) {
            bySection.computeIfAbsent(h.section(), k -> new ArrayList<>()).add(new Placed(handwrittenEntry(h),
                    h.group() == null ? "" : h.group(), h.position(), Integer.MAX_VALUE));
        }
        List<DraftSection> sections = new ArrayList<>();
        for (Section s : config.sections()) {
            List<Placed> placed = bySection.remove(s.id());
            if (placed != null) {
                sections.add(section(s.id(), s.title(), s.events(), s.groups(), placed, config,
                        groupNames.getOrDefault(s.id(), Map.of())));
            }
        }
        // sections feeds.yml no longer has: last, by id
        bySection.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sections.add(
                section(e.getKey(), e.getKey(), false, List.of(), e.getValue(), config, groupNames.getOrDefault(e.getKey(), Map.of()))));
        return new Draft(period, accepted, sections);
    }

    /** An entry with what orders it: the editor's place, else (events) its day, else the digest's rank. */
    private record Placed(DraftEntry entry, String group, Integer position, int rank) {}

    private static DraftSection section(String id, String title, boolean events, List<String> groupOrder, List<Placed> placed,
            Config config, Map<String, String> names) {
        Comparator<Placed> order = Comparator.comparing(Placed::position, Comparator.nullsLast(Comparator.naturalOrder()));
        if (events) {
            // coming events are a calendar in the newsletter: soonest first
            order = order.thenComparing(p -> p.entry().day(), Comparator.nullsLast(Comparator.naturalOrder()));
        }
        order = order.thenComparingInt(Placed::rank).thenComparing(p -> p.entry().key());
        List<Placed> sorted = placed.stream().sorted(order).toList();
        if (events) {
            return new DraftSection(id, title, true, List.of(new DraftGroup("", "", List.of(), sorted.stream().map(Placed::entry).toList())));
        }
        // groups: the section's own order, then feeds.yml's order of first mention, then by name; "" first
        List<String> known = new ArrayList<>(groupOrder);
        config.sources().stream().filter(s -> s.section().equals(id)).map(SourceConfig::group)
                .filter(g -> !g.isEmpty() && !known.contains(g)).forEach(known::add);
        Map<String, List<String>> membersByTitle = new LinkedHashMap<>();
        Map<String, List<DraftEntry>> entriesByTitle = new LinkedHashMap<>();
        List<Placed> byGroupOrder = sorted.stream().sorted(Comparator.comparingInt((Placed p) -> groupRank(p.group(), known))
                .thenComparing(Placed::group)).toList();
        for (Placed p : byGroupOrder) {
            String shown = p.group().isEmpty() ? "" : names.getOrDefault(p.group(), p.group());
            List<String> members = membersByTitle.computeIfAbsent(shown, k -> new ArrayList<>());
            if (!members.contains(p.group())) {
                members.add(p.group());
            }
            entriesByTitle.computeIfAbsent(shown, k -> new ArrayList<>());
        }
        // within a (perhaps merged) group, the section's order holds
        for (Placed p : sorted) {
            String shown = p.group().isEmpty() ? "" : names.getOrDefault(p.group(), p.group());
            entriesByTitle.get(shown).add(p.entry());
        }
        List<DraftGroup> groups = new ArrayList<>();
        entriesByTitle.forEach((shown, entries) -> groups.add(new DraftGroup(membersByTitle.get(shown).get(0), shown,
                membersByTitle.get(shown), entries)));
        return new DraftSection(id, title, false, groups);
    }

    private static int groupRank(String group, List<String> known) {
        if (group.isEmpty()) {
            return -1;
        }
        int i = known.indexOf(group);
        return i < 0 ? known.size() : i;
    }

    /** The source's group, in the source's own section; an item the editor moved elsewhere is in no group there. */
    private static String groupOf(Config config, DigestEntry e) {
        return config.source(e.item().source()).filter(s -> s.section().equals(e.section())).map(SourceConfig::group).orElse("");
    }

    private static DraftEntry itemEntry(Config config, DigestEntry e) {
        StoredItem item = e.item();
        String publisher = HouseStyle.publisher(config.source(item.source()).map(SourceConfig::name).orElse(""),
                item.draftTitle(), item.summary());
        boolean edited = item.editedSummary() != null && !item.editedSummary().isBlank();
        String text = edited ? item.editedSummary().strip() : HouseStyle.suggest(e, publisher);
        String title = item.draftTitle() == null ? "" : item.draftTitle();
        return new DraftEntry("item:" + item.id(), title, text, edited, item.summary() == null ? "" : item.summary(),
                item.url(), e.day(), e, publisher);
    }

    private static DraftEntry handwrittenEntry(DraftEdits.Handwritten h) {
        return new DraftEntry("entry:" + h.id(), h.title(), h.text() == null ? "" : h.text(), true, "", h.url(), h.day(), null, "");
    }
}
