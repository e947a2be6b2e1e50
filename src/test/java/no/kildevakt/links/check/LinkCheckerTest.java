package no.kildevakt.links.check;

import static no.kildevakt.links.check.LoopbackSites.html;
import static no.kildevakt.links.check.LoopbackSites.redirect;
import static no.kildevakt.links.check.LoopbackSites.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import no.kildevakt.store.LinkStatus;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every classification case of the issue, against a local server. */
class LinkCheckerTest {
    private LoopbackSites sites;
    private LinkChecker checker;

    @BeforeEach
    void start() throws IOException {
        sites = new LoopbackSites();
        checker = sites.checker();
    }

    @AfterEach
    void stop() {
        checker.close();
        sites.close();
    }

    private LinkResult check(String path) {
        return checker.check(sites.url(path));
    }

    @Test
    void theWarmUpBuildsAClientReadyForHttpsWithoutTheNetwork() {
        // the warm-up must get as far as the TLS set-up, not stop at the settings
        assertTrue(LinkChecker.warmUp());
    }

    @Test
    void aWorkingPageIsOkInOneGetWithTheCrawlersUserAgent() {
        sites.route("/plan", html(LoopbackSites.PAGE));
        LinkResult r = check("/plan");
        assertEquals(LinkStatus.OK, r.status());
        assertEquals(200, r.httpStatus());
        assertNull(r.finalUrl());
        assertEquals(1, r.requests());
        assertEquals(1, sites.requests.size());
        assertEquals("GET", sites.requests.get(0).getMethod());
        assertEquals(LoopbackSites.USER_AGENT, sites.requests.get(0).getHeaders().get("User-Agent"));
    }

    @Test
    void pagesAreAskedForAsABrowserAsksOnTheSharedClient() {
        sites.route("/plan", html(LoopbackSites.PAGE));
        check("/plan");
        assertEquals("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                sites.requests.get(0).getHeaders().get("Accept"));
        assertEquals("nb,no;q=0.9,nn;q=0.8,sv;q=0.7,da;q=0.7,en;q=0.6", sites.requests.get(0).getHeaders().get("Accept-Language"));
    }

    @ParameterizedTest(name = "HEAD {0} then GET 200")
    @CsvSource({"405", "404"})
    void aServerThatMishandlesHeadIsJudgedByItsGet(int headStatus) {
        sites.route("/page", req -> req.getMethod().equals("HEAD") ? status(headStatus) : html(LoopbackSites.PAGE));
        LinkResult r = check("/page");
        assertEquals(LinkStatus.OK, r.status());
        assertTrue(sites.requests.stream().noneMatch(q -> q.getMethod().equals("HEAD")), "no HEAD is trusted, none is sent");
    }

    @Test
    void aChainOfPermanentRedirectsIsARedirectToItsEnd() {
        sites.route("/old", redirect(301, "/older"));
        sites.route("/older", redirect(308, "/new"));
        sites.route("/new", html(LoopbackSites.PAGE));
        LinkResult r = check("/old");
        assertEquals(LinkStatus.REDIRECT, r.status());
        assertEquals(sites.url("/new"), r.finalUrl());
        assertEquals(3, r.requests());
    }

    @Test
    void aPermanentRedirectToATemporaryOneSuggestsThePermanentTarget() {
        sites.route("/old", redirect(301, "/moved"));
        sites.route("/moved", redirect(302, "/session-page"));
        sites.route("/session-page", html(LoopbackSites.PAGE));
        LinkResult r = check("/old");
        assertEquals(LinkStatus.REDIRECT, r.status());
        assertEquals(sites.url("/moved"), r.finalUrl());
    }

    @ParameterizedTest(name = "temporary {0} is ok")
    @CsvSource({"302", "303", "307"})
    void aTemporaryRedirectToAWorkingPageIsOk(int code) {
        sites.route("/now", redirect(code, "/current"));
        sites.route("/current", html(LoopbackSites.PAGE));
        LinkResult r = check("/now");
        assertEquals(LinkStatus.OK, r.status());
        assertNull(r.finalUrl(), "a temporary target is not a link to update to");
    }

    @Test
    void aRedirectLoopIsBroken() {
        sites.route("/a", redirect(302, "/b"));
        sites.route("/b", redirect(301, "/a"));
        LinkResult r = check("/a");
        assertEquals(LinkStatus.BROKEN, r.status());
        assertTrue(r.error().contains("redirect loop"), r.error());
        assertEquals(2, r.requests());
    }

    @Test
    void tooManyRedirectsIsBroken() {
        for (int i = 0; i < 10; i++) {
            sites.route("/r" + i, redirect(302, "/r" + (i + 1)));
        }
        LinkResult r = check("/r0");
        assertEquals(LinkStatus.BROKEN, r.status());
        assertTrue(r.error().contains("more than 5 redirects"), r.error());
    }

    @Test
    void aRedirectFromAPublicSiteToLoopbackIsRefusedNotFollowed() {
        String admin = "http://127.0.0.1:" + sites.server.getPort() + "/admin";
        sites.route("news.example", "/sak", redirect(301, admin));
        sites.route("/admin", html("<html><title>Router admin</title></html>"));
        LinkResult r = checker.check(sites.url("news.example", "/sak"));
        assertEquals(LinkStatus.ERROR, r.status(), "we chose not to look: could not verify, as with a timeout");
        assertEquals(301, r.httpStatus());
        assertEquals("refused: redirect from a public address to a loopback address (127.0.0.1) at " + admin, r.error());
        assertEquals(admin, r.finalUrl());
        assertEquals(0, sites.requestsTo("/admin"), "never followed");
    }

    @Test
    void aRedirectTargetThatResolvesPublicThenToLoopbackIsRefusedAtTheConnection() throws Exception {
        Map<String, Integer> lookups = new java.util.concurrent.ConcurrentHashMap<>();
        // DNS rebinding: other.example answers public to the check, then loopback to the connection
        okhttp3.Dns rebinding = host -> lookups.merge(host, 1, Integer::sum) == 1 ? LoopbackSites.DNS.lookup(host)
                : List.of(java.net.InetAddress.getByAddress("", java.net.InetAddress.getByName("localhost").getAddress()));
        String target = sites.url("other.example", "/admin");
        sites.route("news.example", "/sak", redirect(302, target));
        sites.route("/admin", html("<html><title>Router admin</title></html>"));
        try (LinkChecker rebound = new LinkChecker(sites.settings(), sites.runtime().withDns(rebinding))) {
            LinkResult r = rebound.check(sites.url("news.example", "/sak"));
            assertEquals(LinkStatus.ERROR, r.status());
            assertEquals("refused: redirect from a public address to a loopback address ("
                    + java.net.InetAddress.getByName("localhost").getHostAddress() + ") at " + target, r.error());
            assertEquals(0, sites.requestsTo("/admin"), "connected, but nothing sent");
        }
    }

    @Test
    void aLinkOnLoopbackMayRedirectToAnotherLoopbackPort() {
        String moved = "http://127.0.0.1:" + sites.server.getPort() + "/ny";
        sites.route("/gammel", redirect(301, moved));
        sites.route("/ny", html(LoopbackSites.PAGE));
        LinkResult r = check("/gammel");
        assertEquals(LinkStatus.REDIRECT, r.status(), String.valueOf(r.error()));
        assertEquals(moved, r.finalUrl());
    }

    @Test
    void aPermanentRedirectToAMissingPageIsBrokenAndSaysWhere() {
        sites.route("/old", redirect(301, "/gone"));
        sites.route("/gone", status(404));
        LinkResult r = check("/old");
        assertEquals(LinkStatus.BROKEN, r.status());
        assertEquals(404, r.httpStatus());
        assertEquals(sites.url("/gone"), r.finalUrl());
        assertTrue(r.error().contains("404") && r.error().contains("/gone"), r.error());
    }

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({"404, BROKEN", "410, BROKEN", "400, BROKEN", "401, BLOCKED", "403, BLOCKED", "999, BLOCKED", "451, BLOCKED"})
    void statusesWithoutRetry(int code, LinkStatus expected) {
        sites.route("/x", status(code));
        LinkResult r = check("/x");
        assertEquals(expected, r.status());
        assertEquals(code, r.httpStatus());
        assertEquals(1, r.requests(), "not retried");
    }

    @Test
    void tooManyRequestsWithRetryAfterIsHonouredThenOk() {
        List<MockResponse> answers = new ArrayList<>(List.of(
                new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build(), html(LoopbackSites.PAGE)));
        sites.route("/busy", req -> answers.size() > 1 ? answers.remove(0) : answers.get(0));
        LinkResult r = check("/busy");
        assertEquals(LinkStatus.OK, r.status());
        assertEquals(2, r.requests());
        assertEquals(List.of(Duration.ofSeconds(1)), sites.sleeper.waits);
    }

    @Test
    void tooManyRequestsForeverIsBlockedNotBroken() {
        sites.route("/busy", new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
        LinkResult r = check("/busy");
        assertEquals(LinkStatus.BLOCKED, r.status());
        assertEquals(429, r.httpStatus());
        assertEquals(3, r.requests(), "the first try and two retries");
        assertTrue(r.error().contains("after 3 requests"), r.error());
    }

    @Test
    void aRetryAfterLongerThanTheTimeoutIsNotWaitedFor() {
        sites.route("/busy", new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());
        LinkResult r = check("/busy");
        assertEquals(LinkStatus.BLOCKED, r.status());
        assertEquals(1, r.requests());
        assertTrue(sites.sleeper.waits.isEmpty());
    }

    @Test
    void aCloudflareChallengeIsBlocked() {
        sites.route("/wall", new MockResponse.Builder().code(403).addHeader("Server", "cloudflare")
                .addHeader("Content-Type", "text/html").body("<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
                        + "<body><script>window._cf_chl_opt={cType:'managed'};</script></body></html>").build());
        LinkResult r = check("/wall");
        assertEquals(LinkStatus.BLOCKED, r.status());
        assertTrue(r.error().contains("Cloudflare"), r.error());
    }

    @Test
    void aChallengeServedWith200IsBlockedNotOk() {
        sites.route("/wall", new MockResponse.Builder().code(200).addHeader("cf-mitigated", "challenge")
                .addHeader("Content-Type", "text/html").body("<html><title>Just a moment...</title></html>").build());
        assertEquals(LinkStatus.BLOCKED, check("/wall").status());
    }

    @Test
    void aChallengeWith503IsNotRetried() {
        sites.route("/wall", new MockResponse.Builder().code(503).addHeader("Server", "cloudflare")
                .addHeader("Content-Type", "text/html").body("<title>Just a moment...</title> challenge-platform").build());
        LinkResult r = check("/wall");
        assertEquals(LinkStatus.BLOCKED, r.status());
        assertEquals(1, r.requests());
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenAnError() {
        sites.route("/down", status(503));
        LinkResult r = check("/down");
        assertEquals(LinkStatus.ERROR, r.status());
        assertEquals(503, r.httpStatus());
        assertEquals(3, r.requests());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), sites.sleeper.waits);
    }

    @Test
    void aServerErrorThatPassesIsOk() {
        List<MockResponse> answers = new ArrayList<>(List.of(status(502), html(LoopbackSites.PAGE)));
        sites.route("/flaky", req -> answers.size() > 1 ? answers.remove(0) : answers.get(0));
        assertEquals(LinkStatus.OK, check("/flaky").status());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Norwegian title | <title>Fant ikke siden - Regjeringen.no</title><h1>Oops</h1>",
            "Norwegian body | <title>Bufdir</title><main><h2>Beklager</h2><p>Siden finnes ikke. Den kan være flyttet.</p></main>",
            "nynorsk | <title>Fann ikkje sida</title>",
            "Swedish heading | <title>Jämställdhetsmyndigheten</title><h1>Sidan finns inte</h1>",
            "Swedish text | <title>Polisen</title><p>Sidan kunde inte hittas.</p>",
            "Danish | <title>Politi</title><h1>Siden blev ikke fundet</h1>",
            "English | <title>Page not found | UNODC</title>",
            "404 in title | <title>404 - Europol</title><p>Hmm.</p>"})
    void softNotFoundPagesAreBroken(String language, String html) {
        sites.route("/article", html("<!doctype html><html><head>" + html + "</body></html>"));
        LinkResult r = check("/article");
        assertEquals(LinkStatus.BROKEN, r.status(), language);
        assertEquals(200, r.httpStatus());
        assertTrue(r.error().startsWith("soft 404"), r.error());
    }

    @Test
    void aSoftNotFoundIsReadInItsDeclaredCharset() {
        byte[] latin1 = "<html><head><title>Sidan hittades inte</title></head><body>Tyvärr</body></html>"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        sites.route("/sv", new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html; charset=iso-8859-1")
                .body(new Buffer().write(latin1)).build());
        assertEquals(LinkStatus.BROKEN, check("/sv").status());
    }

    @Test
    void aDeepLinkSentToTheHomePageIsBroken() {
        sites.route("/nyheter/2021/rapport", redirect(301, "/"));
        sites.route("/", html("<html><title>Forside</title><h1>Velkommen</h1></html>"));
        LinkResult r = check("/nyheter/2021/rapport");
        assertEquals(LinkStatus.BROKEN, r.status());
        assertTrue(r.error().contains("home page"), r.error());
    }

    @Test
    void aDeepLinkSentToALanguageHomePageIsBroken() {
        sites.route("/artikkel?id=7", redirect(302, "/no/"));
        sites.route("/no/", html("<html><title>Forside</title></html>"));
        sites.route("/artikkel", redirect(302, "/no/"));
        assertEquals(LinkStatus.BROKEN, check("/artikkel?id=7").status());
    }

    @Test
    void theHomePageMovingIsARedirectNotBroken() {
        sites.route("/", redirect(301, "/no/"));
        sites.route("/no/", html("<html><title>Forside</title></html>"));
        LinkResult r = check("/");
        assertEquals(LinkStatus.REDIRECT, r.status());
        assertEquals(sites.url("/no/"), r.finalUrl());
    }

    @Test
    void anArticleThatMentionsMissingPagesLaterIsOk() {
        String filler = "Regjeringen har lagt fram en ny handlingsplan. ".repeat(30);
        sites.route("/ok", html("<html><title>Handlingsplan</title><h1>Handlingsplan</h1><p>" + filler
                + "</p><p>Page not found errors on old sites are common.</p></html>"));
        assertEquals(LinkStatus.OK, check("/ok").status());
    }

    @Test
    void aSlowServerPastTheTimeoutIsAnErrorNotBroken() {
        sites.route("/slow", new MockResponse.Builder().code(200).headersDelay(3, TimeUnit.SECONDS).body("late").build());
        LinkChecker impatient = sites.checker(sites.settings().withTimeout(Duration.ofMillis(300)).withRetries(0));
        try {
            LinkResult r = impatient.check(sites.url("/slow"));
            assertEquals(LinkStatus.ERROR, r.status());
            assertTrue(r.error().contains("timed out"), r.error());
        } finally {
            impatient.close();
        }
    }

    @Test
    void headersDrippedByteByByteEndWithinTheTimeout() throws Exception {
        // check-links --timeout 10 once waited 301 s on a server dripping its headers a byte a second
        try (no.kildevakt.fetch.DrippingServer dripping = new no.kildevakt.fetch.DrippingServer(Duration.ofMillis(50))) {
            LinkChecker impatient = sites.checker(sites.settings().withTimeout(Duration.ofMillis(300)).withRetries(1));
            try {
                long start = System.nanoTime();
                LinkResult r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                        () -> impatient.check(dripping.url("/rapport").toString()));
                long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(tookMillis < 3000, "two attempts of at most 300 ms each, took " + tookMillis + " ms");
                assertEquals(LinkStatus.ERROR, r.status(), r.toString());
                assertTrue(r.error().contains("timed out"), r.error());
            } finally {
                impatient.close();
            }
        }
    }

    @Test
    void aTlsFailureIsAnErrorNotBroken() throws IOException {
        // a certificate nobody vouches for: the page may well be there, so "could not verify", never "broken"
        okhttp3.tls.HeldCertificate selfSigned = new okhttp3.tls.HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        okhttp3.tls.HandshakeCertificates serverCertificates = new okhttp3.tls.HandshakeCertificates.Builder()
                .heldCertificate(selfSigned).build();
        try (mockwebserver3.MockWebServer https = new mockwebserver3.MockWebServer()) {
            https.useHttps(serverCertificates.sslSocketFactory());
            https.enqueue(html(LoopbackSites.PAGE));
            https.start();
            LinkResult r = checker.check(https.url("/rapport").toString());
            assertEquals(LinkStatus.ERROR, r.status(), r.toString());
            assertTrue(r.error().startsWith("TLS failure: the server's certificate is not trusted by this Java"), r.error());
        }
    }

    @Test
    void anUnknownHostIsBroken() {
        LinkResult r = checker.check("https://nettsted-som-ikke-finnes.invalid/rapport");
        assertEquals(LinkStatus.BROKEN, r.status());
        assertTrue(r.error().startsWith("unknown host"), r.error());
        assertEquals(0, r.httpStatus());
    }

    @Test
    void theDefaultDnsNeverAsksAboutInvalidNames() {
        LinkChecker real = new LinkChecker(sites.settings(), CheckRuntime.defaults().withSleeper(sites.sleeper));
        try {
            assertEquals(LinkStatus.BROKEN, real.check("http://gone.invalid/").status());
        } finally {
            real.close();
        }
    }

    @Test
    void aRefusedConnectionIsBrokenAndNotRetried() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LinkResult r = checker.check("http://localhost:" + port + "/x");
        assertEquals(LinkStatus.BROKEN, r.status());
        assertTrue(r.error().contains("refused") || r.error().contains("connection failed"), r.error());
        assertTrue(sites.sleeper.waits.isEmpty());
    }

    @Test
    void aRedirectToAnUnknownHostIsBrokenAndSaysWhere() {
        sites.route("/away", redirect(301, "http://parked.invalid/page"));
        LinkResult r = check("/away");
        assertEquals(LinkStatus.BROKEN, r.status());
        assertTrue(r.error().contains("parked.invalid"), r.error());
    }

    @Test
    void aPageThatSetsACookieAndRedirectsToItselfIsOk() {
        sites.route("/consent", req -> req.getHeaders().get("Cookie") != null && req.getHeaders().get("Cookie").contains("seen=1")
                ? html(LoopbackSites.PAGE)
                : new MockResponse.Builder().code(302).addHeader("Set-Cookie", "seen=1; Path=/").addHeader("Location", "/consent").build());
        LinkResult r = check("/consent");
        assertEquals(LinkStatus.OK, r.status());
        assertEquals(2, r.requests());
    }

    @Test
    void nonHttpLinksAreSkippedWithoutARequest() {
        for (String link : List.of("mailto:post@example.org", "tel:+4722000000", "javascript:void(0)", "ftp://ftp.example.org/x")) {
            LinkResult r = checker.check(link);
            assertEquals(LinkStatus.SKIPPED, r.status(), link);
            assertEquals(0, r.requests());
        }
        assertTrue(sites.requests.isEmpty());
    }

    @Test
    void aPdfIsSettledByItsStatusWithoutReadingIt() {
        byte[] pdf = new byte[2 * 1024 * 1024];
        sites.route("/rapport.pdf", new MockResponse.Builder().code(200).addHeader("Content-Type", "application/pdf")
                .body(new Buffer().write(pdf)).build());
        LinkResult r = check("/rapport.pdf");
        assertEquals(LinkStatus.OK, r.status());
        assertEquals(1, r.requests());
    }

    @Test
    void aLinkCitedManyTimesIsFetchedOnce() throws InterruptedException {
        sites.route("/plan", html(LoopbackSites.PAGE));
        List<String> cited = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cited.add(sites.url("/plan") + (i % 2 == 0 ? "" : "#section-" + i));
        }
        cited.add(sites.url("SITE.TEST", "/plan"));
        Map<String, LinkResult> results = checker.checkAll(cited, CheckListener.NONE);
        assertEquals(1, results.size());
        assertEquals(1, sites.requests.size());
        assertEquals(LinkStatus.OK, results.get(sites.url("/plan")).status());
    }

    @Test
    void noMoreThanTheLimitPerHostAreInFlight() throws InterruptedException {
        sites.latencyMillis = 40;
        sites.route("/p", html(LoopbackSites.PAGE));
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            urls.add(sites.url("/p?i=" + i));
        }
        List<Integer> done = new java.util.concurrent.CopyOnWriteArrayList<>();
        Map<String, LinkResult> results = checker.checkAll(urls, (r, n, total) -> done.add(n));
        assertEquals(12, results.size());
        assertTrue(results.values().stream().allMatch(r -> r.status() == LinkStatus.OK));
        assertEquals(2, sites.maxInFlight.get(), "two at a time on one host");
        assertEquals(12, done.size());
    }

    @Test
    void connectionsAreReusedAcrossLinksToOneHost() throws InterruptedException {
        sites.route("/p", html(LoopbackSites.PAGE));
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            urls.add(sites.url("/p?i=" + i));
        }
        LinkChecker onePerHost = sites.checker(sites.settings().withPerHost(1));
        try {
            onePerHost.checkAll(urls, CheckListener.NONE);
        } finally {
            onePerHost.close();
        }
        assertEquals(6, sites.requests.size());
        assertEquals(1, sites.requests.stream().mapToInt(r -> r.getConnectionIndex()).distinct().count(),
                "six links, one connection");
    }

    @Test
    void aBigPageIsSettledInOneRequest() {
        String big = "<html><head><title>Rapport</title></head><body>" + "<p>Menneskehandel i Norge.</p>".repeat(40_000) + "</body></html>";
        sites.route("/big", html(big));
        LinkResult r = check("/big");
        assertEquals(LinkStatus.OK, r.status());
        assertEquals(1, r.requests());
    }

    /**
     * The site with the most links sets how long a run takes (its links go at most per-host at a time),
     * so its links start first and follow one another, not one turn per round over every site.
     */
    @Test
    void theSiteWithTheMostLinksStartsFirstAndKeepsGoing() throws InterruptedException {
        sites.route("/p", html(LoopbackSites.PAGE));
        List<String> urls = new ArrayList<>();
        urls.add(sites.url("small-a.test", "/p"));
        urls.add(sites.url("small-b.test", "/p"));
        for (int i = 0; i < 4; i++) {
            urls.add(sites.url("big.test", "/p?i=" + i));
        }
        LinkChecker oneAtATime = sites.checker(sites.settings().withConcurrency(1).withPerHost(1));
        try {
            oneAtATime.checkAll(urls, CheckListener.NONE);
        } finally {
            oneAtATime.close();
        }
        List<String> hosts = sites.requests.stream().map(r -> r.getUrl().host()).toList();
        assertEquals(List.of("big.test", "big.test", "big.test", "big.test", "small-a.test", "small-b.test"), hosts);
    }

    @Test
    void differentHostsAreCheckedInParallel() throws InterruptedException {
        sites.latencyMillis = 40;
        sites.route("/p", html(LoopbackSites.PAGE));
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            urls.add(sites.url("host" + i + ".test", "/p"));
        }
        checker.checkAll(urls, CheckListener.NONE);
        assertTrue(sites.maxInFlight.get() > 2, "max in flight " + sites.maxInFlight.get());
    }
}
