package no.kildevakt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import no.kildevakt.store.LinkRecords.CheckOutcome;
import no.kildevakt.store.LinkRecords.IssueLink;
import no.kildevakt.store.LinkStatus;
import no.kildevakt.store.Store;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The links view reads the link checker's records: no report before a check, then the problems worst first. */
class StoredLinkReportsTest {
    private static final Instant ADDED = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant CHECKED = Instant.parse("2025-03-02T11:30:00Z");

    @TempDir
    Path dir;

    @Test
    void noReportUntilACitedLinkIsCheckedThenTheProblemsWorstFirst() throws Exception {
        try (Store store = Store.open(dir.resolve("k.db"))) {
            StoredLinkReports reports = new StoredLinkReports(store);
            assertTrue(reports.latest().isEmpty(), "no issues stored");
            store.links().saveIssue("nyhetsbrev-2024-4.pdf", "Nyhetsbrev 4/2024", "2024-Q4", "pdf", List.of(
                    new IssueLink("https://ok.example/a", "https://ok.example/a", "side 1", "a"),
                    new IssueLink("https://moved.example/b", "https://moved.example/b", "side 2", "b"),
                    new IssueLink("https://gone.example/c#x", "https://gone.example/c", "side 3", "c"),
                    new IssueLink("https://gone.example/c", "https://gone.example/c", "side 5", "c again")), ADDED);
            assertTrue(reports.latest().isEmpty(), "stored, never checked");

            store.links().record(List.of(new CheckOutcome("https://ok.example/a", LinkStatus.OK, 200, null, null, CHECKED),
                    new CheckOutcome("https://moved.example/b", LinkStatus.REDIRECT, 301, "https://moved.example/new", null, CHECKED),
                    new CheckOutcome("https://gone.example/c", LinkStatus.BROKEN, 404, null, "404 Not Found", CHECKED.minusSeconds(60))));
            LinkReports.Report report = reports.latest().orElseThrow();
            assertEquals(CHECKED, report.checkedAt());
            assertEquals("Nyhetsbrev 4/2024", report.scope());
            assertEquals(List.of("broken", "redirect"), report.links().stream().map(l -> l.status().code()).toList());
            LinkReports.Link gone = report.links().get(0);
            assertEquals("https://gone.example/c#x", gone.url());
            assertEquals(404, gone.httpStatus());
            assertEquals(List.of(new LinkReports.Place("Nyhetsbrev 4/2024", "side 3", "c"), new LinkReports.Place("Nyhetsbrev 4/2024", "side 5", "c again")),
                    gone.where());
            assertEquals("https://moved.example/new", report.links().get(1).finalUrl());
        }
    }

    @Test
    void theLinksPageShowsTheStoredReport() throws Exception {
        try (ReviewFixture fixture = new ReviewFixture(dir)) {
            fixture.store.links().saveIssue("https://example.org/nyhetsbrev/2024-4", "Nyhetsbrev 4/2024", "2024-Q4", "html",
                    List.of(new IssueLink("https://gone.example/c", "https://gone.example/c", "linje 12", "c")), ADDED);
            fixture.store.links().record(List.of(new CheckOutcome("https://gone.example/c", LinkStatus.BROKEN, 410, null, null, CHECKED)));
            fixture.links = new StoredLinkReports(fixture.store);
            Http http = new Http(fixture.start(Lang.NB));
            Document page = Jsoup.parse(http.get("/links").body());
            assertEquals("død (410)", page.selectFirst("tr.link-broken .badge").text());
            assertEquals("https://gone.example/c", page.selectFirst("tr.link-broken a").attr("href"));
            assertEquals("Nyhetsbrev 4/2024, linje 12: «c»", page.selectFirst("tr.link-broken td:nth-child(3)").text());
            assertTrue(page.text().contains("Sjekket 2. mars 2025 12:30"), page.text());
        }
    }

    /** Issue 9: an issue published behind basic authentication must not show its password on the page. */
    @Test
    void passwordsInStoredUrlsAreHidden() throws Exception {
        try (Store store = Store.open(dir.resolve("k.db"))) {
            store.links().saveIssue("https://redaksjon:hemmelig@example.org/nyhetsbrev/4", "", "2024-Q4", "html", List.of(
                    new IssueLink("https://u:pw@gone.example/c", "https://u:pw@gone.example/c", "linje 2", "c")), ADDED);
            store.links().record(List.of(new CheckOutcome("https://u:pw@gone.example/c", LinkStatus.BROKEN, 404, null,
                    "https://u:pw@gone.example/c: 404 Not Found", CHECKED)));
            LinkReports.Report report = new StoredLinkReports(store).latest().orElseThrow();
            LinkReports.Link gone = report.links().get(0);
            assertEquals("https://u:***@gone.example/c", gone.url());
            assertEquals("https://u:***@gone.example/c: 404 Not Found", gone.error());
            assertEquals("https://redaksjon:***@example.org/nyhetsbrev/4", report.scope());
            assertEquals(List.of(new LinkReports.Place("https://redaksjon:***@example.org/nyhetsbrev/4", "linje 2", "c")), gone.where());
        }
    }
}
