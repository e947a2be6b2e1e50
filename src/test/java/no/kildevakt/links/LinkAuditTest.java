package no.kildevakt.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.kildevakt.links.check.ArchiveLookup;
import no.kildevakt.links.check.CheckListener;
import no.kildevakt.links.check.CheckRuntime;
import no.kildevakt.links.check.CheckSettings;
import no.kildevakt.links.check.LinkChecker;
import no.kildevakt.store.LinkStatus;
import no.kildevakt.links.extract.ExtractedDocument;
import no.kildevakt.links.extract.LinkOccurrence;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole run: grouping citations, the cache, history across runs, archive suggestions, order. */
class LinkAuditTest {
    @TempDir
    Path dir;

    private MockWebServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean planAlive = true;
    /** Whether /plan's result was in the history while /slow was still being answered. */
    private final java.util.concurrent.atomic.AtomicBoolean planRecordedDuringSlow = new java.util.concurrent.atomic.AtomicBoolean();
    private Store store;

    @BeforeEach
    void start() throws IOException, StoreException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.incrementAndGet();
                String path = request.getUrl().encodedPath();
                if (path.equals("/web/http://site.test:" + server.getPort() + "/gone")) {
                    return new MockResponse.Builder().code(302)
                            .addHeader("Location", "/web/20230101000000/http://site.test:" + server.getPort() + "/gone").build();
                }
                if (path.equals("/slow")) {
                    long until = System.nanoTime() + 1_500_000_000L;
                    while (System.nanoTime() < until && !planRecordedDuringSlow.get()) {
                        try {
                            planRecordedDuringSlow.set(!store.links().checks(List.of(url("/plan"))).isEmpty());
                            Thread.sleep(20);
                        } catch (StoreException | InterruptedException e) {
                            break;
                        }
                    }
                    return page("Treg side");
                }
                return switch (path) {
                    case "/plan" -> planAlive ? page("Handlingsplan") : new MockResponse.Builder().code(404).build();
                    case "/moved" -> new MockResponse.Builder().code(301).addHeader("Location", "/new-home").build();
                    case "/new-home" -> page("Ny adresse");
                    case "/forbidden" -> new MockResponse.Builder().code(403).build();
                    default -> new MockResponse.Builder().code(404).build();
                };
            }
        });
        server.start();
        store = Store.open(dir.resolve("k.db"));
    }

    @AfterEach
    void stop() throws StoreException {
        server.close();
        store.close();
    }

    private static MockResponse page(String title) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html><title>" + title + "</title><h1>" + title + "</h1></html>").build();
    }

    private String url(String path) {
        return "http://site.test:" + server.getPort() + path;
    }

    private static LinkChecker checker(Instant now) {
        CheckSettings settings = new CheckSettings("kildevakt/test", Duration.ofSeconds(2), 4, 2, Duration.ZERO, 0, 5, 64 * 1024);
        CheckRuntime runtime = CheckRuntime.defaults().withClock(Clock.fixed(now, ZoneOffset.UTC)).withSleeper(d -> { }).withDns(host -> {
            if (host.endsWith(".test")) {
                return List.of(InetAddress.getByName("localhost"));
            }
            throw new UnknownHostException(host);
        });
        return new LinkChecker(settings, runtime);
    }

    private List<ExtractedDocument> issue() {
        return List.of(
                new ExtractedDocument("2024-4.pdf", "pdf", "Nyhetsbrev", List.of(
                        new LinkOccurrence(url("/plan"), "2024-4.pdf", "page 1", "Handlingsplanen"),
                        new LinkOccurrence(url("/gone"), "2024-4.pdf", "page 2", "Rapport"),
                        new LinkOccurrence("mailto:post@example.org", "2024-4.pdf", "page 3", "Skriv til oss"),
                        new LinkOccurrence(url("/plan#tiltak"), "2024-4.pdf", "page 4", "tiltak 3")), List.of()),
                new ExtractedDocument("2025-1.md", "markdown", "", List.of(
                        new LinkOccurrence(url("/moved"), "2025-1.md", "line 3", ""),
                        new LinkOccurrence(url("/forbidden"), "2025-1.md", "line 5", ""),
                        new LinkOccurrence(url("/plan"), "2025-1.md", "line 8", "")), List.of("front matter unreadable")));
    }

    private LinkReport run(Instant now, Duration maxAge, ArchiveLookup archive, LinkChecker checker) throws Exception {
        return new LinkAudit(checker, store.links(), archive, Clock.fixed(now, ZoneOffset.UTC)).run(issue(), maxAge, CheckListener.NONE);
    }

    @Test
    void eachLinkIsCheckedOnceAndListsEveryCitationInReportOrder() throws Exception {
        try (LinkChecker checker = checker(Instant.parse("2025-03-01T08:00:00Z"))) {
            LinkReport report = run(Instant.parse("2025-03-01T08:00:00Z"), Duration.ZERO, null, checker);
            assertEquals(List.of(LinkStatus.BROKEN, LinkStatus.BLOCKED, LinkStatus.REDIRECT, LinkStatus.OK, LinkStatus.SKIPPED),
                    report.links().stream().map(l -> l.result().status()).toList());
            CheckedLink plan = report.links().get(3);
            assertEquals(url("/plan"), plan.url());
            assertEquals(List.of("page 1", "page 4", "line 8"), plan.occurrences().stream().map(LinkOccurrence::location).toList());
            assertEquals(5, requests.get(), "plan once, gone once, moved twice (two hops), forbidden once");
            assertEquals(5, report.requests());
            assertEquals(2, report.documents());
            assertEquals(List.of("2025-1.md: front matter unreadable"), report.warnings());
            assertEquals("e-mail address, not checked", report.links().get(4).result().error());
            assertTrue(report.anyBroken());
        }
    }

    @Test
    void aFreshWorkingResultIsReusedButFailuresAreCheckedAgain() throws Exception {
        try (LinkChecker checker = checker(Instant.parse("2025-03-01T08:00:00Z"))) {
            run(Instant.parse("2025-03-01T08:00:00Z"), Duration.ZERO, null, checker);
        }
        requests.set(0);
        try (LinkChecker checker = checker(Instant.parse("2025-03-01T20:00:00Z"))) {
            LinkReport second = run(Instant.parse("2025-03-01T20:00:00Z"), Duration.ofDays(1), null, checker);
            assertEquals(2, requests.get(), "only the broken and the blocked link are fetched again");
            CheckedLink plan = second.links().stream().filter(l -> l.url().equals(url("/plan"))).findFirst().orElseThrow();
            assertTrue(plan.result().cached());
            assertEquals(Instant.parse("2025-03-01T08:00:00Z"), plan.result().checkedAt());
            CheckedLink moved = second.links().stream().filter(l -> l.url().equals(url("/moved"))).findFirst().orElseThrow();
            assertTrue(moved.result().cached());
            assertEquals(url("/new-home"), moved.result().finalUrl());
        }
        requests.set(0);
        try (LinkChecker checker = checker(Instant.parse("2025-03-03T08:00:00Z"))) {
            run(Instant.parse("2025-03-03T08:00:00Z"), Duration.ofDays(1), null, checker);
            assertEquals(5, requests.get(), "older than a day: everything is fetched");
        }
    }

    @Test
    void historyAcrossRunsSaysSinceWhenALinkIsDead() throws Exception {
        try (LinkChecker checker = checker(Instant.parse("2025-03-01T08:00:00Z"))) {
            run(Instant.parse("2025-03-01T08:00:00Z"), Duration.ZERO, null, checker);
        }
        planAlive = false;
        try (LinkChecker checker = checker(Instant.parse("2025-03-02T08:00:00Z"))) {
            run(Instant.parse("2025-03-02T08:00:00Z"), Duration.ZERO, null, checker);
        }
        try (LinkChecker checker = checker(Instant.parse("2025-03-05T08:00:00Z"))) {
            LinkReport third = run(Instant.parse("2025-03-05T08:00:00Z"), Duration.ZERO, null, checker);
            CheckedLink plan = third.links().stream().filter(l -> l.url().equals(url("/plan"))).findFirst().orElseThrow();
            assertEquals(LinkStatus.BROKEN, plan.result().status());
            assertEquals(Instant.parse("2025-03-02T08:00:00Z"), plan.history().firstSeenBroken());
            assertEquals(Instant.parse("2025-03-01T08:00:00Z"), plan.history().lastOk());
            assertEquals(2, plan.history().consecutiveFailures());
            CheckedLink gone = third.links().stream().filter(l -> l.url().equals(url("/gone"))).findFirst().orElseThrow();
            assertEquals(3, gone.history().consecutiveFailures());
            assertNull(gone.history().lastOk());
        }
    }

    @Test
    void brokenLinksGetTheirArchivedCopy() throws Exception {
        try (LinkChecker checker = checker(Instant.parse("2025-03-01T08:00:00Z"))) {
            ArchiveLookup archive = new ArchiveLookup(checker.client(), "http://archive.test:" + server.getPort(), Duration.ofSeconds(2));
            LinkReport report = run(Instant.parse("2025-03-01T08:00:00Z"), Duration.ZERO, archive, checker);
            CheckedLink gone = report.links().get(0);
            assertEquals(url("/gone"), gone.url());
            assertEquals("http://archive.test:" + server.getPort() + "/web/20230101000000/" + url("/gone"), gone.archiveUrl());
            assertTrue(report.links().stream().skip(1).allMatch(l -> l.archiveUrl() == null), "only broken links are looked up");
        }
    }

    /** The history is written as results come, not all after the last check (when the network sits idle). */
    @Test
    void resultsAreRecordedWhileOthersAreStillBeingChecked() throws Exception {
        List<ExtractedDocument> doc = List.of(new ExtractedDocument("a.md", "markdown", "", List.of(
                new LinkOccurrence(url("/slow"), "a.md", "line 1", ""),
                new LinkOccurrence(url("/plan"), "a.md", "line 2", "")), List.of()));
        try (LinkChecker checker = checker(Instant.parse("2025-03-01T08:00:00Z"))) {
            LinkReport report = new LinkAudit(checker, store.links(), null, Clock.systemUTC()).run(doc, Duration.ZERO, CheckListener.NONE);
            assertTrue(report.links().stream().allMatch(l -> l.result().status() == LinkStatus.OK), report.links().toString());
            assertTrue(report.links().stream().allMatch(l -> l.history() != null && l.history().checks() == 1), report.links().toString());
        }
        assertTrue(planRecordedDuringSlow.get(), "/plan was recorded only after /slow finished");
        assertEquals(2, store.links().checks(List.of(url("/plan"), url("/slow"))).size());
    }

    @Test
    void whenNoSiteAnswersNothingIsCalledBrokenOrRecordedAsDead() throws Exception {
        List<ExtractedDocument> offline = List.of(new ExtractedDocument("a.md", "markdown", "", List.of(
                new LinkOccurrence("https://www.regjeringen.invalid/plan", "a.md", "line 1", ""),
                new LinkOccurrence("https://www.politiet.invalid/", "a.md", "line 2", "")), List.of()));
        try (LinkChecker checker = checker(Instant.parse("2025-03-01T08:00:00Z"))) {
            LinkReport report = new LinkAudit(checker, store.links(), null, Clock.systemUTC()).run(offline, Duration.ZERO, CheckListener.NONE);
            assertTrue(report.links().stream().allMatch(l -> l.result().status() == LinkStatus.ERROR), report.links().toString());
            assertTrue(report.warnings().get(0).startsWith("network looks down"), report.warnings().toString());
            assertNull(report.links().get(0).history().firstSeenBroken(), "no dead-since clock started");
        }
    }

    /** Behind a proxy that does not answer, the warning names it: it, not every site, is the first suspect. */
    @Test
    void whenNoSiteAnswersThroughAProxyTheWarningNamesIt() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        List<ExtractedDocument> cited = List.of(new ExtractedDocument("a.md", "markdown", "", List.of(
                new LinkOccurrence("http://www.regjeringen.test/plan", "a.md", "line 1", ""),
                new LinkOccurrence("http://www.politiet.test/", "a.md", "line 2", "")), List.of()));
        CheckSettings settings = new CheckSettings("kildevakt/test", Duration.ofSeconds(2), 4, 2, Duration.ZERO, 0, 5, 64 * 1024,
                no.kildevakt.config.Proxies.of("127.0.0.1:" + closed, List.of(), "http_proxy"));
        try (LinkChecker checker = new LinkChecker(settings, CheckRuntime.defaults().withSleeper(d -> { }))) {
            LinkReport report = new LinkAudit(checker, store.links(), null, Clock.systemUTC()).run(cited, Duration.ZERO, CheckListener.NONE);
            assertTrue(report.links().stream().allMatch(l -> l.result().status() == LinkStatus.ERROR), report.links().toString());
            assertEquals("network looks down: no site answered through the proxy http://127.0.0.1:" + closed
                    + " (http_proxy), so no link is called broken this time", report.warnings().get(0));
        }
    }

    @Test
    void oneDeadHostAmongLiveOnesIsStillBroken() throws Exception {
        List<ExtractedDocument> mixed = List.of(new ExtractedDocument("a.md", "markdown", "", List.of(
                new LinkOccurrence("https://www.regjeringen.invalid/plan", "a.md", "line 1", ""),
                new LinkOccurrence(url("/plan"), "a.md", "line 2", "")), List.of()));
        try (LinkChecker checker = checker(Instant.parse("2025-03-01T08:00:00Z"))) {
            LinkReport report = new LinkAudit(checker, null, null, Clock.systemUTC()).run(mixed, Duration.ZERO, CheckListener.NONE);
            assertEquals(LinkStatus.BROKEN, report.links().get(0).result().status());
            assertTrue(report.warnings().isEmpty());
        }
    }

    @Test
    void withoutAStoreNothingIsCachedOrRemembered() throws Exception {
        try (LinkChecker checker = checker(Instant.now())) {
            LinkReport report = new LinkAudit(checker, null, null, Clock.systemUTC()).run(issue(), Duration.ofDays(1), CheckListener.NONE);
            assertTrue(report.links().stream().allMatch(l -> l.history() == null));
            assertEquals(5, requests.get());
        }
    }

    @Test
    void aUrlLongerThanServersAcceptIsSkippedNotSent() throws Exception {
        String huge = url("/plan?q=" + "a".repeat(LinkAudit.MAX_URL_LENGTH));
        List<ExtractedDocument> docs = List.of(new ExtractedDocument("lang.md", "markdown", "", List.of(
                new LinkOccurrence(huge, "lang.md", "line 1", "")), List.of()));
        try (LinkChecker checker = checker(Instant.parse("2025-03-01T08:00:00Z"))) {
            LinkReport report = new LinkAudit(checker, store.links(), null, Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"),
                    ZoneOffset.UTC)).run(docs, Duration.ZERO, CheckListener.NONE);
            assertEquals(0, requests.get());
            CheckedLink link = report.links().get(0);
            assertEquals(LinkStatus.SKIPPED, link.result().status());
            assertEquals("a URL of " + huge.length() + " characters, longer than servers accept (" + LinkAudit.MAX_URL_LENGTH
                    + "); not checked", link.result().error());
            assertEquals(0, report.requests());
        }
    }
}
