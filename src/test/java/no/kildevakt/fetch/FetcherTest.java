package no.kildevakt.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.kildevakt.config.Settings;
import no.kildevakt.fetch.FetchException.Kind;
import no.kildevakt.fetch.TestSupport.RecordingSleeper;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher end to end against loopback MockWebServers. */
class FetcherTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private MockWebServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = newServer();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private MockWebServer newServer() throws IOException {
        MockWebServer s = new MockWebServer();
        s.start();
        closeables.add(s);
        return s;
    }

    private Fetcher fetcher(Settings settings) {
        return fetcher(settings, TestSupport.options(sleeper));
    }

    private Fetcher fetcher(Settings settings, FetcherOptions options) {
        Fetcher f = new Fetcher(settings, options);
        closeables.add(f);
        return f;
    }

    private URI url(String path) {
        return server.url(path).uri();
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("status " + code).build();
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().body(body).build();
    }

    private static MockResponse redirect(int code, String location) {
        return new MockResponse.Builder().code(code).setHeader("Location", location).build();
    }

    private FetchException fails(Fetcher fetcher, URI url) {
        return assertThrows(FetchException.class, () -> fetcher.fetch(FetchRequest.of(url)));
    }

    // --- basics -------------------------------------------------------------------------------

    @Test
    void sendsUserAgentAndReturnsBodyAndValidators() throws Exception {
        server.enqueue(new MockResponse.Builder().body("<rss/>").setHeader("Content-Type", "application/rss+xml")
                .setHeader("ETag", "\"v1\"").setHeader("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT").build());

        FetchResponse response = fetcher(TestSupport.settings()).fetch(FetchRequest.of(url("/feed")));

        assertEquals(TestSupport.USER_AGENT, server.takeRequest().getHeaders().get("User-Agent"));
        assertEquals(200, response.status());
        assertArrayEquals("<rss/>".getBytes(StandardCharsets.UTF_8), response.body());
        assertEquals("application/rss+xml", response.contentType());
        assertEquals("\"v1\"", response.etag());
        assertEquals("Wed, 21 Oct 2015 07:28:00 GMT", response.lastModified());
        assertEquals(url("/feed"), response.finalUrl());
        assertNull(response.movedTo());
        assertEquals(1, response.attempts());
    }

    @Test
    void sendsValidatorsAndReportsNotModified() throws Exception {
        server.enqueue(new MockResponse.Builder().code(304).build());

        FetchResponse response = fetcher(TestSupport.settings()).fetch(
                FetchRequest.of(url("/feed")).withValidators("\"v1\"", "Wed, 21 Oct 2015 07:28:00 GMT"));

        RecordedRequest sent = server.takeRequest();
        assertEquals("\"v1\"", sent.getHeaders().get("If-None-Match"));
        assertEquals("Wed, 21 Oct 2015 07:28:00 GMT", sent.getHeaders().get("If-Modified-Since"));
        assertTrue(response.notModified());
        assertEquals(0, response.body().length);
    }

    @Test
    void sendsNoValidatorsWhenNoneAreKnown() throws Exception {
        server.enqueue(ok("x"));
        fetcher(TestSupport.settings()).fetch(FetchRequest.of(url("/feed")));
        RecordedRequest sent = server.takeRequest();
        assertNull(sent.getHeaders().get("If-None-Match"));
        assertNull(sent.getHeaders().get("If-Modified-Since"));
    }

    @Test
    void unsendableValidatorIsDropped() throws Exception {
        server.enqueue(ok("x"));
        FetchResponse response = fetcher(TestSupport.settings()).fetch(
                FetchRequest.of(url("/feed")).withValidators("\"caf\u00e9\n\"", "Wed, 21 Oct 2015 07:28:00 GMT"));
        assertEquals(200, response.status());
        RecordedRequest sent = server.takeRequest();
        assertNull(sent.getHeaders().get("If-None-Match"));
        assertEquals("Wed, 21 Oct 2015 07:28:00 GMT", sent.getHeaders().get("If-Modified-Since"));
    }

    @Test
    void notFoundIsGone() {
        server.enqueue(status(404));
        FetchException e = fails(fetcher(TestSupport.settings()), url("/feed"));
        assertEquals(Kind.GONE, e.kind());
        assertEquals(404, e.httpStatus());
        assertEquals(url("/feed") + ": HTTP 404 Not Found", e.getMessage());
        assertEquals(1, server.getRequestCount(), "a 404 is not retried");
    }

    @Test
    void otherClientErrorsAreClientError() {
        server.enqueue(status(400));
        assertEquals(Kind.CLIENT_ERROR, fails(fetcher(TestSupport.settings()), url("/feed")).kind());
    }

    @Test
    void keepsOneIdleConnectionPerHostItCrawlsAtOnce() throws Exception {
        // eight hosts crawled side by side: OkHttp's default pool kept five idle connections, so a
        // crawl of many hosts opened (and for https shook hands on) a new one for nearly every request
        Settings s = TestSupport.settings();
        Settings eightAtOnce = new Settings(s.userAgent(), s.perHostDelay(), s.timeout(), s.maxBody(), s.interval(),
                s.retries(), s.maxRetryAfter(), s.maxRedirects(), 8);
        Fetcher fetcher = fetcher(eightAtOnce);
        List<MockWebServer> hosts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            MockWebServer host = i == 0 ? server : newServer();
            host.enqueue(ok("first"));
            host.enqueue(ok("second"));
            hosts.add(host);
        }
        for (MockWebServer host : hosts) {
            fetcher.fetch(FetchRequest.of(host.url("/feed").uri()));
        }
        assertEquals(8, fetcher.client().connectionPool().idleConnectionCount());
        for (MockWebServer host : hosts) {
            fetcher.fetch(FetchRequest.of(host.url("/other").uri()));
            host.takeRequest();
            assertEquals(1, host.takeRequest().getExchangeIndex(), "the second request went over the first one's connection");
        }
    }

    // --- retries ------------------------------------------------------------------------------

    @Test
    void retriesServerErrorsThenSucceeds() throws Exception {
        server.enqueue(status(503));
        server.enqueue(status(502));
        server.enqueue(ok("finally"));

        FetchResponse response = fetcher(TestSupport.settings()).fetch(FetchRequest.of(url("/feed")));

        assertEquals("finally", new String(response.body(), StandardCharsets.UTF_8));
        assertEquals(3, response.attempts());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeper.waits, "backoff ceilings 1 s, 2 s");
    }

    @Test
    void honoursRetryAfterSeconds() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "1").build());
        server.enqueue(ok("ok"));

        FetchResponse response = fetcher(TestSupport.settings()).fetch(FetchRequest.of(url("/feed")));

        assertEquals(200, response.status());
        assertEquals(List.of(Duration.ofSeconds(1)), sleeper.waits);
    }

    @Test
    void retryAfterAboveTheCapFailsAtOnceWithTheRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "3600").build());
        server.enqueue(ok("never asked for"));

        FetchException e = fails(fetcher(TestSupport.settings()), url("/feed"));

        assertEquals(Kind.SERVER_ERROR, e.kind());
        assertEquals(Duration.ofHours(1), e.retryAfter());
        assertEquals(1, server.getRequestCount());
        assertTrue(sleeper.waits.isEmpty(), "did not wait");
        assertTrue(e.getMessage().contains("Retry-After 3600 s exceeds the 10 s"), e.getMessage());
    }

    @Test
    void tooManyRequestsForeverIsBlocked() {
        server.setDispatcher(always(new MockResponse.Builder().code(429).build()));

        FetchException e = fails(fetcher(TestSupport.settings()), url("/feed"));

        assertEquals(Kind.BLOCKED, e.kind());
        assertEquals(429, e.httpStatus());
        assertEquals(3, server.getRequestCount());
        assertEquals(2, sleeper.waits.size());
    }

    @Test
    void serverErrorForeverReportsAttempts() {
        server.setDispatcher(always(status(500)));

        FetchException e = fails(fetcher(TestSupport.settings()), url("/feed"));

        assertEquals(Kind.SERVER_ERROR, e.kind());
        assertEquals(500, e.httpStatus());
        assertEquals(3, server.getRequestCount());
        assertEquals(url("/feed") + ": HTTP 500 Internal Server Error after 3 attempts", e.getMessage());
    }

    @Test
    void headerTimeoutIsRetriedThenTimeout() {
        server.setDispatcher(always(new MockResponse.Builder().body("late").headersDelay(1, TimeUnit.SECONDS).build()));
        Settings settings = TestSupport.settings().withTimeout(Duration.ofMillis(300)).withRetries(1);

        long start = System.nanoTime();
        FetchException e = fails(fetcher(settings), url("/feed"));

        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(e.isNetworkFailure());
        assertEquals(2, server.getRequestCount());
        assertTrue(e.getMessage().endsWith("after 2 attempts"), e.getMessage());
        assertTrue(elapsedMillis(start) < 3000);
    }

    @Test
    void aDrippingBodyHitsTheAttemptDeadline() {
        // one byte per 50 ms never trips a 300 ms read timeout; the 600 ms attempt deadline stops it
        server.enqueue(new MockResponse.Builder().body("x".repeat(200)).throttleBody(1, 50, TimeUnit.MILLISECONDS).build());
        Settings settings = TestSupport.settings().withTimeout(Duration.ofMillis(300));

        long start = System.nanoTime();
        FetchException e = fails(fetcher(settings), url("/feed"));

        assertEquals(Kind.TIMEOUT, e.kind(), e.getMessage());
        assertTrue(elapsedMillis(start) < 5000, "gave up long before the 10 s the body would take");
    }

    @Test
    void headersDrippedByteByByteHitTheAttemptDeadline() throws Exception {
        // one header byte per 50 ms never trips a 300 ms read timeout, and the headers never end:
        // without a deadline on the whole attempt this waits for ever (a cron crawl held its lock past 300 s)
        DrippingServer dripping = new DrippingServer(Duration.ofMillis(50));
        closeables.add(dripping);
        Settings settings = TestSupport.settings().withTimeout(Duration.ofMillis(300)).withRetries(1);
        Fetcher fetcher = fetcher(settings);

        long start = System.nanoTime();
        FetchException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(FetchException.class, () -> fetcher.fetch(FetchRequest.of(dripping.url("/feed")))));

        assertTrue(elapsedMillis(start) < 3000, "two attempts of at most 600 ms each, took " + elapsedMillis(start) + " ms");
        assertEquals(Kind.TIMEOUT, e.kind(), e.getMessage());
        assertEquals(2, dripping.requestCount(), "a timed-out attempt is retried like any timeout");
        assertEquals(dripping.url("/feed") + ": timed out (no complete response within 600 ms) after 2 attempts", e.getMessage());
    }

    /** Each hop of a redirect asks for what the caller asked for; a request that names nothing asks for anything. */
    @Test
    void asksForWhatTheRequestNamesOnEveryHopInTheNewslettersLanguages() throws Exception {
        server.enqueue(redirect(301, "/ny"));
        server.enqueue(ok("<rss/>"));
        server.enqueue(ok("x"));
        Fetcher fetcher = fetcher(TestSupport.settings());

        fetcher.fetch(FetchRequest.of(url("/feed")).withAccept(AcceptHeaders.FEED));
        fetcher.fetch(FetchRequest.of(url("/any")));

        for (String path : List.of("/feed", "/ny")) {
            RecordedRequest hop = server.takeRequest();
            assertEquals(path, hop.getUrl().encodedPath());
            assertEquals(AcceptHeaders.FEED, hop.getHeaders().get("Accept"), path);
            assertEquals(AcceptHeaders.LANGUAGE, hop.getHeaders().get("Accept-Language"), path);
        }
        RecordedRequest plain = server.takeRequest();
        assertEquals("*/*", plain.getHeaders().get("Accept"));
        assertEquals(AcceptHeaders.LANGUAGE, plain.getHeaders().get("Accept-Language"));
    }

    // --- redirects ----------------------------------------------------------------------------

    @Test
    void permanentRedirectChainReportsMovedTo() throws Exception {
        server.enqueue(redirect(301, "/b"));
        server.enqueue(redirect(308, "/c"));
        server.enqueue(ok("here"));

        FetchResponse response = fetcher(TestSupport.settings()).fetch(FetchRequest.of(url("/a")));

        assertEquals(url("/c"), response.movedTo());
        assertEquals(url("/c"), response.finalUrl());
        assertEquals(url("/a"), response.requestedUrl());
        assertEquals(3, response.attempts());
        assertEquals("/a", server.takeRequest().getUrl().encodedPath());
        assertEquals("/b", server.takeRequest().getUrl().encodedPath());
        RecordedRequest last = server.takeRequest();
        assertEquals("/c", last.getUrl().encodedPath());
        assertEquals(TestSupport.USER_AGENT, last.getHeaders().get("User-Agent"));
    }

    /** A source whose certificate this Java does not trust: the report says so in words, not in PKIX. */
    @Test
    void anUntrustedCertificateIsSaidInWords() throws Exception {
        okhttp3.tls.HeldCertificate selfSigned = new okhttp3.tls.HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        MockWebServer https = new MockWebServer();
        closeables.add(https);
        https.useHttps(new okhttp3.tls.HandshakeCertificates.Builder().heldCertificate(selfSigned).build().sslSocketFactory());
        https.start();
        FetchException e = fails(fetcher(TestSupport.settings()), https.url("/feed").uri());
        assertEquals(FetchException.Kind.TLS, e.kind());
        assertTrue(e.getMessage().endsWith(": TLS failure: the server's certificate is not trusted by this Java (self-signed,"
                + " from an unknown authority, or sent without its intermediate certificates)"), e.getMessage());
    }

    /**
     * A site that sets a cookie and redirects to itself (a consent or session check) is fetched on the
     * second visit; the crawl had called it a redirect loop. The cookie lives for one run.
     */
    @Test
    void aSiteThatSetsACookieAndRedirectsToItselfIsFetched() throws Exception {
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Set-Cookie", "samtykke=1; Path=/")
                .setHeader("Location", "/feed").build());
        server.enqueue(ok("<rss/>"));
        server.enqueue(ok("<rss/>"));

        FetchResponse response = fetcher(TestSupport.settings()).fetch(FetchRequest.of(url("/feed")));

        assertEquals(200, response.status());
        assertEquals(2, response.attempts());
        assertNull(server.takeRequest().getHeaders().get("Cookie"));
        assertEquals("samtykke=1", server.takeRequest().getHeaders().get("Cookie"));
        fetcher(TestSupport.settings()).fetch(FetchRequest.of(url("/feed")));
        assertNull(server.takeRequest().getHeaders().get("Cookie"), "a new run starts without cookies");
    }

    @Test
    void aRedirectToItselfWithoutANewCookieIsALoop() throws Exception {
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Set-Cookie", "samtykke=1; Path=/")
                .setHeader("Location", "/feed").build());
        server.enqueue(redirect(302, "/feed"));

        FetchException e = fails(fetcher(TestSupport.settings()), url("/feed"));
        assertEquals(FetchException.Kind.REDIRECT_LOOP, e.kind());
    }

    @Test
    void temporaryRedirectHasNoMovedTo() throws Exception {
        server.enqueue(redirect(302, "/b"));
        server.enqueue(ok("here"));

        FetchResponse response = fetcher(TestSupport.settings()).fetch(FetchRequest.of(url("/a")));

        assertNull(response.movedTo());
        assertEquals(url("/b"), response.finalUrl());
    }

    @Test
    void movedToStopsAtTheFirstTemporaryHop() throws Exception {
        server.enqueue(redirect(301, "/b"));
        server.enqueue(redirect(302, "/c"));
        server.enqueue(redirect(301, "/d"));
        server.enqueue(ok("here"));

        FetchResponse response = fetcher(TestSupport.settings()).fetch(FetchRequest.of(url("/a")));

        assertEquals(url("/b"), response.movedTo());
        assertEquals(url("/d"), response.finalUrl());
    }

    @Test
    void redirectLoopIsDetected() {
        server.enqueue(redirect(302, "/b"));
        server.enqueue(redirect(302, "/a"));

        FetchException e = fails(fetcher(TestSupport.settings()), url("/a"));

        assertEquals(Kind.REDIRECT_LOOP, e.kind());
        assertEquals(2, server.getRequestCount());
        assertTrue(e.getMessage().startsWith(url("/a") + ": redirect loop back to " + url("/a")), e.getMessage());
    }

    @Test
    void tooManyRedirects() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(redirect(302, "/r" + (i + 1)));
        }
        FetchException e = fails(fetcher(TestSupport.withMaxRedirects(TestSupport.settings(), 2)), url("/r0"));

        assertEquals(Kind.TOO_MANY_REDIRECTS, e.kind());
        assertEquals(3, server.getRequestCount(), "two redirects followed, the third refused");
    }

    @Test
    void relativeLocationIsResolvedAgainstTheHop() throws Exception {
        server.enqueue(redirect(301, "../new/feed.xml?x=1"));
        server.enqueue(ok("here"));

        FetchResponse response = fetcher(TestSupport.settings()).fetch(FetchRequest.of(url("/old/dir/feed")));

        assertEquals(url("/old/new/feed.xml?x=1"), response.finalUrl());
        server.takeRequest();
        assertEquals("/old/new/feed.xml?x=1", server.takeRequest().getTarget());
    }

    @Test
    void failureAfterRedirectNamesTheHop() {
        server.enqueue(redirect(302, "/gone"));
        server.enqueue(status(410));
        FetchException e = fails(fetcher(TestSupport.settings()), url("/feed"));
        assertEquals(Kind.GONE, e.kind());
        assertEquals(url("/feed") + ": HTTP 410 Gone at " + url("/gone"), e.getMessage());
    }

    // --- robots.txt ---------------------------------------------------------------------------

    private Fetcher robotsFetcher(Settings settings) {
        return fetcher(settings, TestSupport.options(sleeper).withObeyRobots(true));
    }

    private final List<String> paths = new CopyOnWriteArrayList<>();

    private void serveRobots(MockResponse robots) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                paths.add(request.getTarget());
                return request.getUrl().encodedPath().equals("/robots.txt") ? robots : ok("content");
            }
        });
    }

    @Test
    void robotsDisallowNeverRequestsTheTarget() throws Exception {
        serveRobots(ok("User-agent: *\nDisallow: /private/\n"));

        FetchException e = fails(robotsFetcher(TestSupport.settings()), url("/private/feed"));

        assertEquals(Kind.ROBOTS_DISALLOWED, e.kind());
        assertEquals(List.of("/robots.txt"), paths);
        assertEquals(TestSupport.USER_AGENT, server.takeRequest().getHeaders().get("User-Agent"), "robots.txt fetched as us");
        assertEquals(url("/private/feed") + ": robots.txt disallows /private/feed for kildevakt", e.getMessage());
    }

    @Test
    void robotsGroupForOurNameApplies() {
        serveRobots(ok("User-agent: *\nAllow: /\n\nUser-agent: kildevakt\nDisallow: /\n"));
        assertEquals(Kind.ROBOTS_DISALLOWED, fails(robotsFetcher(TestSupport.settings()), url("/feed")).kind());
    }

    @Test
    void robotsNotFoundAllowsAndIsCached() throws Exception {
        serveRobots(status(404));
        Fetcher fetcher = robotsFetcher(TestSupport.settings());

        fetcher.fetch(FetchRequest.of(url("/feed")));
        FetchResponse second = fetcher.fetch(FetchRequest.of(url("/other")));

        assertEquals(200, second.status());
        assertEquals(List.of("/robots.txt", "/feed", "/other"), paths, "robots.txt fetched once");
        assertEquals(1, second.attempts(), "the robots.txt request is not counted as an attempt");
    }

    @Test
    void robotsServerErrorDisallowsForTenMinutesOnly() throws Exception {
        serveRobots(status(503));
        TestSupport.MutableClock clock = new TestSupport.MutableClock(java.time.Instant.parse("2025-01-01T00:00:00Z"));
        Settings noRetries = TestSupport.settings().withRetries(0);
        Fetcher fetcher = fetcher(noRetries, TestSupport.options(sleeper).withObeyRobots(true).withClock(clock));

        FetchException e = fails(fetcher, url("/feed"));
        assertEquals(Kind.ROBOTS_DISALLOWED, e.kind());
        assertTrue(e.getMessage().contains("robots.txt unavailable (HTTP 503 Service Unavailable)"), e.getMessage());
        fails(fetcher, url("/feed"));
        assertEquals(List.of("/robots.txt"), paths, "failure cached");

        clock.advance(Duration.ofMinutes(11));
        fails(fetcher, url("/feed"));
        assertEquals(List.of("/robots.txt", "/robots.txt"), paths, "asked again after ten minutes");
    }

    @Test
    void robotsRulesAreKeptForADay() throws Exception {
        serveRobots(ok("User-agent: *\nDisallow: /private/\n"));
        TestSupport.MutableClock clock = new TestSupport.MutableClock(java.time.Instant.parse("2025-01-01T00:00:00Z"));
        Fetcher fetcher = fetcher(TestSupport.settings(), TestSupport.options(sleeper).withObeyRobots(true).withClock(clock));

        fetcher.fetch(FetchRequest.of(url("/feed")));
        clock.advance(Duration.ofHours(23));
        fetcher.fetch(FetchRequest.of(url("/feed")));
        assertEquals(List.of("/robots.txt", "/feed", "/feed"), paths);

        clock.advance(Duration.ofHours(2));
        fetcher.fetch(FetchRequest.of(url("/feed")));
        assertEquals(List.of("/robots.txt", "/feed", "/feed", "/robots.txt", "/feed"), paths);
    }

    @Test
    void robotsChecksEveryRedirectHop() throws Exception {
        MockWebServer other = newServer();
        other.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                paths.add("other" + request.getTarget());
                return request.getUrl().encodedPath().equals("/robots.txt")
                        ? ok("User-agent: *\nDisallow: /\n") : ok("content");
            }
        });
        MockResponse toOther = redirect(302, other.url("/feed").toString());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                paths.add(request.getTarget());
                return request.getUrl().encodedPath().equals("/robots.txt") ? status(404) : toOther;
            }
        });

        FetchException e = fails(robotsFetcher(TestSupport.settings()), url("/feed"));

        assertEquals(Kind.ROBOTS_DISALLOWED, e.kind());
        assertEquals(List.of("/robots.txt", "/feed", "other/robots.txt"), paths);
    }

    @Test
    void unreachableRobotsReportsTheNetworkFailure() throws Exception {
        int port = closedPort();
        FetchException e = fails(robotsFetcher(TestSupport.settings()), URI.create("http://127.0.0.1:" + port + "/feed"));
        assertEquals(Kind.CONNECTION_FAILED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("robots.txt unreachable"), e.getMessage());
    }

    // --- pacing -------------------------------------------------------------------------------

    @Test
    void perHostDelaySeparatesRequestsToOneHost() throws Exception {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                arrivals.add(System.nanoTime());
                return ok("x");
            }
        });
        Fetcher fetcher = fetcher(TestSupport.settings().withPerHostDelay(Duration.ofMillis(200)));

        fetcher.fetch(FetchRequest.of(url("/a")));
        fetcher.fetch(FetchRequest.of(url("/b")));

        long gapMillis = TimeUnit.NANOSECONDS.toMillis(arrivals.get(1) - arrivals.get(0));
        assertTrue(gapMillis >= 200, "gap was " + gapMillis + " ms");
    }

    @Test
    void differentHostsProceedInParallel() throws Exception {
        // each server answers only once the other one has a request in flight: serial fetching would deadlock
        MockWebServer second = newServer();
        CountDownLatch bothInFlight = new CountDownLatch(2);
        Dispatcher meetInTheMiddle = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                bothInFlight.countDown();
                return bothInFlight.await(5, TimeUnit.SECONDS) ? ok("met") : status(500);
            }
        };
        server.setDispatcher(meetInTheMiddle);
        second.setDispatcher(meetInTheMiddle);
        Fetcher fetcher = fetcher(TestSupport.settings().withPerHostDelay(Duration.ofSeconds(5)).withRetries(0)
                .withTimeout(Duration.ofSeconds(8)));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // two host names for the loopback: the pacer keys on the name, not the port
            URI first = server.url("/a").newBuilder().host("localhost").build().uri();
            URI other = second.url("/b").newBuilder().host("127.0.0.1").build().uri();
            Future<FetchResponse> a = pool.submit(() -> fetcher.fetch(FetchRequest.of(first)));
            Future<FetchResponse> b = pool.submit(() -> fetcher.fetch(FetchRequest.of(other)));
            assertEquals(200, a.get(10, TimeUnit.SECONDS).status());
            assertEquals(200, b.get(10, TimeUnit.SECONDS).status());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void atMostOneRequestInFlightPerHost() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                Thread.sleep(20);
                inFlight.decrementAndGet();
                return ok("x".repeat(10_000));
            }
        });
        Fetcher fetcher = fetcher(TestSupport.settings());

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<FetchResponse>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                results.add(pool.submit(() -> fetcher.fetch(FetchRequest.of(url("/item/" + n)))));
            }
            for (Future<FetchResponse> r : results) {
                assertEquals(10_000, r.get(10, TimeUnit.SECONDS).body().length);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(12, server.getRequestCount());
        assertEquals(1, maxInFlight.get());
    }

    // --- body limits --------------------------------------------------------------------------

    @Test
    void chunkedBodyOverTheCapIsTooLarge() {
        server.enqueue(new MockResponse.Builder().chunkedBody("x".repeat(5000), 1000).build());
        FetchException e = fails(fetcher(TestSupport.settings().withMaxBody(4096)), url("/feed"));
        assertEquals(Kind.TOO_LARGE, e.kind());
        assertEquals(url("/feed") + ": body exceeds the 4 KB limit", e.getMessage());
    }

    @Test
    void bodyExactlyAtTheCapIsFine() throws Exception {
        server.enqueue(new MockResponse.Builder().chunkedBody("x".repeat(4096), 1000).build());
        assertEquals(4096, fetcher(TestSupport.settings().withMaxBody(4096)).fetch(FetchRequest.of(url("/feed"))).body().length);
    }

    @Test
    void contentLengthOverTheCapFailsBeforeReading() {
        server.enqueue(ok("x".repeat(5000)));
        FetchException e = fails(fetcher(TestSupport.settings().withMaxBody(4096)), url("/feed"));
        assertEquals(Kind.TOO_LARGE, e.kind());
        assertTrue(e.getMessage().contains("Content-Length 5000 exceeds the 4 KB limit"), e.getMessage());
    }

    @Test
    void gzipBombFailsFastWithLittleMemory() throws Exception {
        Buffer bomb = new Buffer();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bomb.outputStream())) {
            byte[] zeros = new byte[64 * 1024];
            for (int i = 0; i < 1024; i++) {
                gzip.write(zeros); // 64 MB of zeros
            }
        }
        assertTrue(bomb.size() < 1024 * 1024, "compressed to " + bomb.size());
        server.enqueue(new MockResponse.Builder().setHeader("Content-Encoding", "gzip").body(bomb).build());
        Fetcher fetcher = fetcher(TestSupport.settings().withMaxBody(1024 * 1024));

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        FetchException e = fails(fetcher, url("/bomb"));
        long allocatedMb = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / (1024 * 1024);

        assertEquals(Kind.TOO_LARGE, e.kind());
        assertTrue(elapsedMillis(start) < 3000);
        assertTrue(allocatedMb < 24, "allocated " + allocatedMb + " MB for a 1 MB cap");
    }

    @Test
    void transparentGzipIsDecompressed() throws Exception {
        Buffer gz = new Buffer();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gz.outputStream())) {
            gzip.write("<rss>hello</rss>".getBytes(StandardCharsets.UTF_8));
        }
        server.enqueue(new MockResponse.Builder().setHeader("Content-Encoding", "gzip").body(gz).build());

        FetchResponse response = fetcher(TestSupport.settings()).fetch(FetchRequest.of(url("/feed")));

        assertEquals("<rss>hello</rss>", new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("gzip", server.takeRequest().getHeaders().get("Accept-Encoding"), "OkHttp asked for gzip itself");
    }

    @Test
    void truncatedGzipIsIo() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Encoding", "gzip")
                .body(new Buffer().write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0})).build());
        // a body cut short is retried like any other broken transfer; without retries it is IO
        assertEquals(Kind.IO, fails(fetcher(TestSupport.settings().withRetries(0)), url("/feed")).kind());
    }

    // --- network failures ---------------------------------------------------------------------

    @Test
    void unknownHost() {
        FetchException e = fails(fetcher(TestSupport.settings(), TestSupport.options(sleeper).withObeyRobots(true)),
                URI.create("http://kildevakt-test.invalid/feed"));
        assertEquals(Kind.UNKNOWN_HOST, e.kind(), e.getMessage());
        assertTrue(e.isNetworkFailure());
    }

    @Test
    void refusedConnection() throws Exception {
        URI refused = URI.create("http://127.0.0.1:" + closedPort() + "/feed");
        FetchException e = fails(fetcher(TestSupport.settings()), refused);
        assertEquals(Kind.CONNECTION_FAILED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith(refused + ": connection failed"), e.getMessage());
        assertTrue(e.getMessage().endsWith("after 3 attempts"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void nonHttpUrlIsRefused() {
        assertEquals(Kind.IO, fails(fetcher(TestSupport.settings()), URI.create("ftp://example.test/feed")).kind());
    }

    // --- bot walls ----------------------------------------------------------------------------

    @Test
    void cloudflareChallengeIsBlockedAndNotRetried() {
        server.setDispatcher(always(new MockResponse.Builder().code(503).setHeader("Server", "cloudflare")
                .body("<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
                        + "<body><script src=\"/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1\"></script></body></html>")
                .build()));

        FetchException e = fails(fetcher(TestSupport.settings()), url("/feed"));

        assertEquals(Kind.BLOCKED, e.kind());
        assertEquals(url("/feed") + ": bot challenge (Cloudflare), HTTP 503 Service Unavailable", e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void cloudflareChallenge403IsBlocked() {
        server.enqueue(new MockResponse.Builder().code(403).setHeader("cf-mitigated", "challenge").body("...").build());
        FetchException e = fails(fetcher(TestSupport.settings()), url("/feed"));
        assertEquals(Kind.BLOCKED, e.kind());
        assertTrue(e.getMessage().contains("Cloudflare"), e.getMessage());
    }

    @Test
    void challengeServedWith200IsNotContent() {
        server.enqueue(new MockResponse.Builder().setHeader("cf-mitigated", "challenge").body("<html>...</html>").build());
        FetchException e = fails(fetcher(TestSupport.settings()), url("/feed"));
        assertEquals(Kind.BLOCKED, e.kind());
        assertEquals(200, e.httpStatus());
    }

    @Test
    void aChallengePageServedAsHtmlWith200IsBlockedButAFeedMentioningOneIsContent() throws Exception {
        String page = "<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
                + "<body><script>window._cf_chl_opt={cvId:'3'};</script></body></html>";
        server.enqueue(new MockResponse.Builder().setHeader("Server", "cloudflare")
                .setHeader("Content-Type", "text/html; charset=UTF-8").body(page).build());
        FetchException e = fails(fetcher(TestSupport.settings()), url("/feed"));
        assertEquals(Kind.BLOCKED, e.kind());
        assertTrue(e.getMessage().contains("bot challenge (Cloudflare) instead of content (HTTP 200)"), e.getMessage());

        // a feed item quoting such a page is a feed item, not a wall
        String feed = "<rss version=\"2.0\"><channel><item><title>Just a moment...</title>"
                + "<description>window._cf_chl_opt</description></item></channel></rss>";
        server.enqueue(new MockResponse.Builder().setHeader("Server", "cloudflare")
                .setHeader("Content-Type", "application/rss+xml").body(feed).build());
        assertEquals(200, fetcher(TestSupport.settings()).fetch(FetchRequest.of(url("/feed"))).status());
    }

    // --- helpers ------------------------------------------------------------------------------

    private static Dispatcher always(MockResponse response) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return response;
            }
        };
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
