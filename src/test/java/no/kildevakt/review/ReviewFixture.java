package no.kildevakt.review;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import no.kildevakt.config.Config;
import no.kildevakt.config.ConfigLoader;
import no.kildevakt.crawl.SourceReport;
import no.kildevakt.digest.Candidates;
import no.kildevakt.item.Item;
import no.kildevakt.rank.Relevance;
import no.kildevakt.rank.Score;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.Round;
import no.kildevakt.store.SourceState;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoredItem;

/**
 * A store with a quarter's worth of items (hostile ones among them), the tests' feeds.yml, a ranking
 * that counts "menneskehandel", and a review server on a free loopback port. Items are stored the
 * way a crawl stores them ({@link no.kildevakt.store.Items#recordRound}).
 */
final class ReviewFixture implements AutoCloseable {
    /** 2025-03-15, in 2025-Q1: the page's default period. */
    static final Instant NOW = Instant.parse("2025-03-15T10:00:00Z");
    static final String HOSTILE_TITLE = "<script>alert('title')</script>Menneskehandel i \"anførsel\"";
    static final String HOSTILE_SUMMARY = "<img src=x onerror=alert('summary')> menneskehandel & <b>fet</b>";
    static final String HOSTILE_URL = "javascript:alert('url')";

    final Path dir;
    final Config config;
    final Store store;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    /** What the fake re-crawl answers; a test may make it busy. */
    final AtomicReference<Object> recrawlAnswer = new AtomicReference<>();
    final List<String> recrawled = new ArrayList<>();
    LinkReports links = LinkReports.none();
    ReviewServer server;

    ReviewFixture(Path dir) throws Exception {
        this(dir, "feeds.yml");
    }

    /** The same items under another of the review tests' feeds.yml files ({@code feeds-issue.yml}: all four sections, groups). */
    ReviewFixture(Path dir, String feeds) throws Exception {
        this.dir = dir;
        Path yml = dir.resolve("feeds.yml");
        try (InputStream in = ReviewFixture.class.getResourceAsStream(feeds)) {
            Files.copy(in, yml);
        }
        config = new ConfigLoader().load(yml);
        store = Store.open(dir.resolve("k.db"));
        crawled("reg-jd", "norske", List.of(
                item("jd-1", "https://www.regjeringen.no/no/aktuelt/handlingsplan/id1", "Ny handlingsplan mot menneskehandel",
                        "Regjeringen legger fram en handlingsplan mot menneskehandel og tvangsarbeid.", "2025-02-10T09:00:00Z"),
                item("jd-2", "https://www.regjeringen.no/no/aktuelt/budsjett/id2", "Statsbudsjettet for 2025",
                        "Budsjettet er lagt fram.", "2025-01-20T09:00:00Z"),
                item("jd-3", "https://www.regjeringen.no/no/aktuelt/rapport/id3", "Rapport om menneskehandel menneskehandel",
                        "Ny rapport om arbeidsmarkedskriminalitet og menneskehandel.", "2024-12-06T12:00:00Z")));
        crawled("unodc", "internasjonale", List.of(
                item("un-1", "https://www.unodc.org/report-2025", "Global report: menneskehandel rises",
                        "UNODC's global report on trafficking in persons.", "2025-03-01T08:00:00Z")));
        crawled("hostile", "norske", List.of(
                item("evil-1", HOSTILE_URL, HOSTILE_TITLE, HOSTILE_SUMMARY, "2025-02-01T08:00:00Z"),
                item("evil-2", "data:text/html,<script>alert(1)</script>", "Data-lenke om menneskehandel", "x", "2025-02-02T08:00:00Z")));
        crawled("events", "arrangementer", List.of(
                item("ev-1", "https://example.org/konferanse", "Nordisk konferanse om menneskehandel",
                        "Konferanse i Oslo.", "2025-01-05T08:00:00Z").withEventDate(LocalDate.parse("2025-05-15"))));
    }

    /** The ranking the tests use: 10 points for every "menneskehandel" in title and summary; threshold 5. */
    static final Relevance RELEVANCE = new Relevance() {
        @Override
        public Score score(StoredItem item) {
            String text = (item.title() + " " + item.summary()).toLowerCase(Locale.ROOT);
            int n = text.split("menneskehandel", -1).length - 1;
            return n == 0 ? Score.NONE : new Score(10.0 * n, List.of("menneskehandel"));
        }

        @Override
        public double threshold() {
            return 5;
        }
    };

    private static Item item(String key, String url, String title, String summary, String published) {
        return new Item(key, url, null, title, summary, Instant.parse(published), null);
    }

    void crawled(String source, String section, List<Item> items) throws Exception {
        Instant at = Instant.parse("2025-03-10T06:00:00Z");
        SourceState state = new SourceState(source, null, null, at, at.plusSeconds(1), Outcome.OK, null, 0, items.size(),
                items.size(), null, null);
        store.items().recordRound(new Round(source, section, at, at.plusSeconds(1), Outcome.OK, 200, null, "https://example.org/" + source,
                100, items, state));
    }

    /** The id of the item stored under a dedupe key. */
    long id(String key) throws Exception {
        return store.items().list(no.kildevakt.store.ItemQuery.all()).stream()
                .filter(i -> i.dedupeKey().equals(key)).findFirst().orElseThrow().id();
    }

    StoredItem stored(String key) throws Exception {
        return store.items().get(id(key)).orElseThrow();
    }

    Review review() {
        Recrawler recrawler = sourceId -> {
            recrawled.add(sourceId);
            Object answer = recrawlAnswer.get();
            if (answer instanceof Recrawler.Busy busy) {
                throw busy;
            }
            return new SourceReport(sourceId, Outcome.OK, 2, 7, null, null, java.time.Duration.ofMillis(12));
        };
        return new Review(config, store, new Candidates(config, RELEVANCE), recrawler,
                (state, now) -> state.lastAttempt() == null ? "never" : "ok", links, clock);
    }

    ReviewServer start(Lang lang) throws IOException {
        server = ReviewServer.start(new ServeOptions(InetAddress.getLoopbackAddress(), 0, lang, Optional.empty()), review());
        return server;
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.close();
        }
        store.close();
    }
}
