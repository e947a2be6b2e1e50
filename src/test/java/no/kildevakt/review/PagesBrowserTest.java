package no.kildevakt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.kildevakt.crawl.HealthRules;
import no.kildevakt.crawl.SourceReport;
import no.kildevakt.digest.Candidates;
import no.kildevakt.store.LinkStatus;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.Round;
import no.kildevakt.store.SourceState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The sources and links pages in a real headless Chromium, as {@link ReviewBrowserTest} does the
 * review page: what an editor sees first, in which words, and whether it fits a tablet.
 */
class PagesBrowserTest {
    private static final List<String> CODES = List.of("server_error", "timeout", "http_error", "network_error", "parse_error",
            "not_modified", "failing", "broken", "redirect");

    @TempDir
    static Path dir;

    private static ReviewFixture fixture;
    private static ReviewServer server;
    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        fixture = new ReviewFixture(dir);
        // hostile fails (a server error twice), events went quiet, reg-jd and unodc are fine
        round("hostile", "norske", Outcome.SERVER_ERROR, "hostile: https://evil.example/feed.xml: HTTP 503 after 3 attempts", 2, 0, 2);
        round("events", "arrangementer", Outcome.EMPTY, null, 0, 0, 4);
        Recrawler recrawler = sourceId -> {
            round(sourceId, "norske", Outcome.OK, null, 0, 3, 3);
            return new SourceReport(sourceId, Outcome.OK, 1, 3, null, null, Duration.ofMillis(5));
        };
        LinkReports links = () -> Optional.of(new LinkReports.Report(Instant.parse("2025-03-02T11:30:00Z"), "Nyhetsbrev 2024-Q4",
                List.of(new LinkReports.Link("https://gone.example/rapport", LinkStatus.BROKEN, 404, null, "404 Not Found", List.of(
                                new LinkReports.Place("Nyhetsbrev 2024-Q4", "line 1, link 1", "rapporten"),
                                new LinkReports.Place("Nyhetsbrev 2024-Q4", "line 1, link 3", "se her"))),
                        new LinkReports.Link("https://slow.example/", LinkStatus.ERROR, 0, null, "timeout", List.of(
                                new LinkReports.Place("Nyhetsbrev 2024-Q4", "page 2", "Slow"))),
                        new LinkReports.Link("https://walled.example/", LinkStatus.BLOCKED, 403, null, null, List.of(
                                new LinkReports.Place("Nyhetsbrev 2024-Q4", "paragraph 4, link 2", "UNODC"))),
                        new LinkReports.Link("https://old.example/", LinkStatus.REDIRECT, 301, "https://new.example/", null, List.of(
                                new LinkReports.Place("Nyhetsbrev 2024-Q4", "line 7", "ny adresse"))))));
        Review review = new Review(fixture.config, fixture.store, new Candidates(fixture.config, ReviewFixture.RELEVANCE), recrawler,
                HealthRules::health, links, fixture.clock);
        server = ReviewServer.start(new ServeOptions(InetAddress.getLoopbackAddress(), 0, Lang.NB, Optional.empty()), review);
        chromium = HeadlessChromium.start(server.uri(), 1280, 1000);
        browser = chromium.driver;
    }

    /** A round of a source as a crawl records it, at the fixture's "now". */
    private static void round(String source, String section, Outcome outcome, String error, int failures, int items, int ever) {
        try {
            Instant at = ReviewFixture.NOW.minusSeconds(3600 - failures * 60L - items * 10L);
            Instant success = outcome.isFailure() ? Instant.parse("2025-03-10T06:00:01Z") : at.plusSeconds(1);
            SourceState state = new SourceState(source, null, null, at, success, outcome, error, failures, items, ever, null, null);
            fixture.store.items().recordRound(new Round(source, section, at, at.plusSeconds(1), outcome, outcome.isFailure() ? 503 : 200,
                    error, "https://example.org/" + source, 100, List.of(), state));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private static void open(String path) {
        chromium.open(path);
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        HeadlessChromium.waitUntil(what, condition::getAsBoolean);
    }

    private static void assertNoCodes(String text) {
        for (String code : CODES) {
            assertFalse(text.contains(code), code + " shown to the editor: " + text);
        }
    }

    @Test
    void sourcesFailingFirstInNorwegianAndARecrawledRowUpdatesInPlace() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        open("/sources");
        List<String> order = browser.findElements(By.cssSelector("tbody tr")).stream().map(r -> r.getAttribute("data-source")).toList();
        assertEquals(List.of("hostile", "events", "reg-jd", "unodc"), order, "failing, then warning, then ok; feeds.yml order within");
        assertEquals("1 av 4 kilder feiler · 1 med advarsel", browser.findElement(By.id("sources-summary")).getText());
        WebElement hostile = browser.findElement(By.id("source-hostile"));
        assertEquals("feiler", hostile.findElement(By.cssSelector(".health")).getText());
        assertEquals("serverfeil", hostile.findElement(By.cssSelector(".remark .outcome")).getText());
        assertTrue(hostile.findElement(By.cssSelector(".remark .detail")).getText().contains("HTTP 503"));
        assertEquals("stille", browser.findElement(By.cssSelector("#source-events .health")).getText());
        assertNoCodes(browser.findElement(By.tagName("main")).getText());

        String attemptBefore = hostile.findElement(By.cssSelector(".last-attempt")).getText();
        hostile.findElement(By.cssSelector("button.recrawl")).click();
        waitUntil("the row is updated", () -> browser.findElement(By.cssSelector("#source-hostile .health")).getText().equals("ok"));
        WebElement row = browser.findElement(By.id("source-hostile"));
        assertEquals("ok", row.findElement(By.cssSelector(".remark .outcome")).getText());
        assertTrue(row.findElements(By.cssSelector(".remark .detail")).isEmpty(), "the old error is gone");
        assertEquals("3", row.findElement(By.cssSelector(".items-last-time")).getText());
        assertEquals("0", row.findElement(By.cssSelector(".failures")).getText());
        assertFalse(attemptBefore.equals(row.findElement(By.cssSelector(".last-attempt")).getText()), "a new last attempt");
        assertEquals("Hentet: ok, 1 nye saker", row.findElement(By.cssSelector(".recrawl-result")).getText());
        assertEquals("0 av 4 kilder feiler · 1 med advarsel", browser.findElement(By.id("sources-summary")).getText());
        assertEquals("hostile", browser.findElements(By.cssSelector("tbody tr")).get(0).getAttribute("data-source"),
                "the row stays where the editor clicked");
    }

    @Test
    void atATabletsWidthNoButtonIsOffScreenAndNothingScrollsSideways() {
        browser.manage().window().setSize(new Dimension(820, 1180));
        try {
            for (String path : List.of("/sources", "/links")) {
                open(path);
                Long innerWidth = (Long) browser.executeScript("return window.innerWidth;");
                for (WebElement button : browser.findElements(By.cssSelector("button.recrawl"))) {
                    Number right = (Number) browser.executeScript("return arguments[0].getBoundingClientRect().right;", button);
                    assertTrue(right.doubleValue() <= innerWidth, path + ": a button ends at " + right + " of " + innerWidth);
                }
                Long overflow = (Long) browser.executeScript(
                        "const w = document.querySelector('.table-wrap'); return w.scrollWidth - w.clientWidth;");
                assertEquals(0L, overflow, path + ": the table is wider than its box");
                Long page = (Long) browser.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertEquals(0L, page, path + ": the page scrolls sideways");
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    void linksInNorwegianWithEachCitationsPlaceAndAnchorText() {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        open("/links");
        List<String> statuses = browser.findElements(By.cssSelector("tbody tr .badge")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("død (404)", "feil", "sperret (403)", "flyttet (301)"), statuses);
        List<String> places = browser.findElements(By.cssSelector("tr.link-broken .place")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Nyhetsbrev 2024-Q4, linje 1, lenke 1: «rapporten»", "Nyhetsbrev 2024-Q4, linje 1, lenke 3: «se her»"), places);
        assertEquals("Nyhetsbrev 2024-Q4, side 2: «Slow»", browser.findElement(By.cssSelector("tr.link-error .place")).getText());
        assertEquals("Nyhetsbrev 2024-Q4, avsnitt 4, lenke 2: «UNODC»", browser.findElement(By.cssSelector("tr.link-blocked .place")).getText());
        assertNoCodes(browser.findElement(By.cssSelector("tbody")).getText().replace("timeout", ""));
    }
}
