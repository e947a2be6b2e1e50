package no.kildevakt.digest;

import static no.kildevakt.digest.Fixtures.keywords;
import static no.kildevakt.digest.Fixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import no.kildevakt.config.Config;
import no.kildevakt.rank.Relevance;
import no.kildevakt.rank.Score;
import no.kildevakt.store.ReviewStatus;
import no.kildevakt.store.StoredItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which items a period's digest lists, under which section, in which order. */
class CandidatesTest {
    private static final Period MARCH = Period.parse("2025-03");
    private static final Instant MID_MARCH = Instant.parse("2025-03-15T10:00:00Z");

    @TempDir
    Path dir;

    private Candidates candidates;

    @BeforeEach
    void setUp() throws Exception {
        Config config = Fixtures.config(dir);
        candidates = new Candidates(config, keywords(5, "menneskehandel", 10, "tvangsarbeid", 6, "barn", 2));
    }

    private static List<Long> ids(Digest d) {
        return d.entries().stream().map(e -> e.item().id()).toList();
    }

    @Test
    void thresholdLeavesOutWeakItemsUnlessAllAreAsked() {
        List<StoredItem> items = List.of(
                stored(1, "reg-jd", "norske", "Ny handlingsplan mot menneskehandel", MID_MARCH),
                stored(2, "reg-jd", "norske", "Statsbudsjettet for barn", MID_MARCH),
                stored(3, "reg-jd", "norske", "Valg i kommunen", MID_MARCH));
        assertEquals(List.of(1L), ids(candidates.arrange(MARCH, items, Selection.DEFAULT)));
        assertEquals(List.of(1L, 2L, 3L), ids(candidates.arrange(MARCH, items, new Selection(true, Selection.DEFAULT_STATUSES))));
    }

    /** A ranking that learns asks the store for its evidence per snapshot: a digest takes one, not one per item. */
    @Test
    void aDigestRanksEveryItemAgainstOneSnapshotOfTheRanking() throws Exception {
        Relevance fixed = keywords(5, "menneskehandel", 10);
        java.util.concurrent.atomic.AtomicInteger snapshots = new java.util.concurrent.atomic.AtomicInteger();
        Relevance learning = new Relevance() {
            @Override
            public Score score(StoredItem item) {
                throw new AssertionError("a pass over many items scores a snapshot, not the live ranking");
            }

            @Override
            public double threshold() {
                return fixed.threshold();
            }

            @Override
            public Relevance snapshot() {
                snapshots.incrementAndGet();
                return fixed;
            }
        };
        List<StoredItem> items = List.of(
                stored(1, "reg-jd", "norske", "Ny handlingsplan mot menneskehandel", MID_MARCH),
                stored(2, "reg-jd", "norske", "Menneskehandel i Norden", MID_MARCH),
                stored(3, "reg-jd", "norske", "Valg i kommunen", MID_MARCH));
        Digest d = new Candidates(Fixtures.config(dir), learning).arrange(MARCH, items, Selection.DEFAULT);
        assertEquals(Set.of(1L, 2L), Set.copyOf(ids(d)));
        assertEquals(1, snapshots.get());
    }

    @Test
    void scoreAndMatchedTermsTravelWithTheEntry() {
        Digest d = candidates.arrange(MARCH, List.of(stored(1, "reg-jd", "norske", "Tvangsarbeid og menneskehandel", MID_MARCH)),
                Selection.DEFAULT);
        DigestEntry e = d.entries().get(0);
        assertEquals(16, e.score().value());
        assertEquals(List.of("menneskehandel", "tvangsarbeid"), e.matched());
        assertEquals("Justis- og beredskapsdepartementet", e.source());
    }

    @Test
    void statusFilterDefaultsToNewAndAccepted() {
        List<StoredItem> items = List.of(
                stored(1, "reg-jd", "norske", "menneskehandel a", "", MID_MARCH, null, MID_MARCH, "new"),
                stored(2, "reg-jd", "norske", "menneskehandel b", "", MID_MARCH, null, MID_MARCH, "accepted"),
                stored(3, "reg-jd", "norske", "menneskehandel c", "", MID_MARCH, null, MID_MARCH, "rejected"));
        assertEquals(Set.of(1L, 2L), Set.copyOf(ids(candidates.arrange(MARCH, items, Selection.DEFAULT))));
        assertEquals(List.of(3L), ids(candidates.arrange(MARCH, items, new Selection(false, Set.of(ReviewStatus.REJECTED)))));
        assertEquals(Set.of(2L, 3L), Set.copyOf(ids(candidates.arrange(MARCH, items,
                new Selection(false, Selection.statuses(List.of("accepted,rejected")))))));
        assertEquals(Set.of("new", "rejected"), Selection.statuses(List.of("new", " Rejected ")).stream().map(ReviewStatus::code).collect(Collectors.toSet()));
        assertThrows(IllegalArgumentException.class, () -> Selection.statuses(List.of("new,pending")));
    }

    @Test
    void itemsOutsideThePeriodAreLeftOut() {
        List<StoredItem> items = List.of(
                // 23:30 UTC on 28 February is 00:30 on 1 March in Oslo: in
                stored(1, "reg-jd", "norske", "menneskehandel i mars", Instant.parse("2025-02-28T23:30:00Z")),
                // 22:30 UTC on 31 March is 00:30 on 1 April in Oslo (summer time): out
                stored(2, "reg-jd", "norske", "menneskehandel i april", Instant.parse("2025-03-31T22:30:00Z")),
                // undated: its first sighting counts
                stored(3, "reg-jd", "norske", "menneskehandel udatert", "", null, null, MID_MARCH, "new"));
        assertEquals(Set.of(1L, 3L), Set.copyOf(ids(candidates.arrange(MARCH, items, Selection.DEFAULT))));
    }

    @Test
    void eventsCountByTheirEventDateWheneverAnnounced() {
        Instant january = Instant.parse("2025-01-10T10:00:00Z");
        List<StoredItem> items = List.of(
                // announced in January, takes place in April: a candidate for March
                stored(1, "events", "arrangementer", "Konferanse om menneskehandel", "", january, LocalDate.parse("2025-04-20"), january, "new"),
                // announced in March, took place in February: not coming any more
                stored(2, "events", "arrangementer", "Seminar om menneskehandel", "", MID_MARCH, LocalDate.parse("2025-02-20"), MID_MARCH, "new"),
                // on the period's first day: still coming
                stored(3, "events", "arrangementer", "Kurs om menneskehandel", "", january, LocalDate.parse("2025-03-01"), january, "new"),
                // an event date outside an events section does not pull an old item in
                stored(4, "reg-jd", "norske", "Høring om menneskehandel", "", january, LocalDate.parse("2025-04-20"), january, "new"));
        Digest d = candidates.arrange(MARCH, items, Selection.DEFAULT);
        assertEquals(Set.of(1L, 3L), Set.copyOf(ids(d)));
        assertEquals("arrangementer", d.sections().get(0).id());
        assertTrue(d.sections().get(0).events());
    }

    @Test
    void runningWindowTakesLateListingsAndOnlyNewlyAnnouncedEvents() {
        Instant lastEnd = Instant.parse("2025-03-10T06:00:00Z");
        Period window = Period.sinceLast(java.util.Optional.of(lastEnd), Instant.parse("2025-03-11T06:00:00Z"));
        Instant seen = Instant.parse("2025-03-10T12:00:00Z");
        List<StoredItem> items = List.of(
                // dated three days before, first listed in the window: in
                stored(1, "reg-jd", "norske", "menneskehandel sent", "", lastEnd.minusSeconds(3 * 86400), null, seen, "new"),
                // dated three days before, already seen then: the last digest had it
                stored(2, "reg-jd", "norske", "menneskehandel gammel", "", lastEnd.minusSeconds(3 * 86400), null,
                        lastEnd.minusSeconds(3 * 86400), "new"),
                // a new source's backlog from last year: out
                stored(3, "reg-jd", "norske", "menneskehandel i fjor", "", Instant.parse("2024-03-01T00:00:00Z"), null, seen, "new"),
                // a coming event announced long ago: was in an earlier mail
                stored(4, "events", "arrangementer", "konferanse menneskehandel", "", Instant.parse("2025-01-01T00:00:00Z"),
                        LocalDate.parse("2025-05-01"), Instant.parse("2025-01-01T00:00:00Z"), "new"),
                // a coming event announced now: in
                stored(5, "events", "arrangementer", "kurs menneskehandel", "", seen, LocalDate.parse("2025-05-02"), seen, "new"));
        assertEquals(Set.of(1L, 5L), Set.copyOf(ids(candidates.arrange(window, items, Selection.DEFAULT))));
        // a calendar period takes neither late listings nor ignores old announcements
        assertEquals(Set.of(4L, 5L), Set.copyOf(ids(candidates.arrange(Period.days("2025-03-10", "2025-03-11"), items, Selection.DEFAULT))));
    }

    @Test
    void sectionsInTheNewslettersOrderThenScoreThenNewestFirst() {
        Instant early = Instant.parse("2025-03-02T10:00:00Z");
        Instant late = Instant.parse("2025-03-20T10:00:00Z");
        List<StoredItem> items = List.of(
                stored(1, "ilo", "internasjonale", "forced labour: tvangsarbeid", early),
                stored(2, "reg-jd", "norske", "menneskehandel tidlig", early),
                stored(3, "reg-jd", "norske", "menneskehandel sent", late),
                stored(4, "reg-jd", "norske", "menneskehandel og tvangsarbeid", early),
                stored(5, "verdt", "verdt", "tvangsarbeid", late),
                // a source feeds.yml no longer has, filed under a section it no longer has: last, under its id
                stored(6, "gone", "nedlagt", "menneskehandel", late),
                // a source that is still there but was stored under another section: the current one counts
                stored(7, "ilo", "norske", "tvangsarbeid i ILO", late));
        Digest d = candidates.arrange(MARCH, items, Selection.DEFAULT);
        assertEquals(List.of("verdt", "norske", "internasjonale", "nedlagt"), d.sections().stream().map(DigestSection::id).toList());
        assertEquals(List.of("Verdt å merke seg", "Aktuelle norske tiltak, rapporter og forskning",
                "Aktuelle internasjonale tiltak, rapporter og forskning", "nedlagt"), d.sections().stream().map(DigestSection::title).toList());
        assertFalse(d.sections().get(3).known());
        // norske: 16 (id 4), then 10 newest first (3, 2)
        assertEquals(List.of(4L, 3L, 2L), d.sections().get(1).entries().stream().map(e -> e.item().id()).toList());
        // internasjonale: same score, newest first
        assertEquals(List.of(7L, 1L), d.sections().get(2).entries().stream().map(e -> e.item().id()).toList());
        assertEquals(7, d.size());
    }

    @Test
    void sectionOfAnItemIsThatOfItsFirstSourceStillConfigured() {
        StoredItem moved = new StoredItem(1, "k", "gone", List.of("gone", "ilo", "reg-jd"), "norske", "t", "https://x.no/", null, "",
                MID_MARCH, null, null, MID_MARCH, MID_MARCH, ReviewStatus.NEW, null, null, null, null);
        assertEquals("internasjonale", candidates.sectionOf(moved));
        assertEquals("norske", Candidates.sectionOf(null, moved));
    }

    @Test
    void emptyDigestHasNoSections() {
        Digest d = candidates.arrange(MARCH, List.of(), Selection.DEFAULT);
        assertTrue(d.isEmpty());
        assertEquals(List.of(), d.sections());
    }
}
