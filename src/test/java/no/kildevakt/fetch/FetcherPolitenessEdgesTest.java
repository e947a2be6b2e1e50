package no.kildevakt.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.kildevakt.fetch.TestSupport.RecordingSleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Politeness at the edges: robots.txt that says "slow down", a body that stalls, one host on two ports. */
class FetcherPolitenessEdgesTest {
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<AutoCloseable> closeables = new ArrayList<>();

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

    private Fetcher fetcher(no.kildevakt.config.Settings settings, FetcherOptions options) {
        Fetcher f = new Fetcher(settings, options);
        closeables.add(f);
        return f;
    }

    /**
     * robots.txt answered with 429 and "Retry-After: 3600" means "back off for an hour", not
     * "no robots.txt, crawl everything": the feed must not be requested right after, and the
     * allow-all must not be cached for a day.
     */
    @Test
    void robotsTxtAnswered429MeansBackOffNotAllowAll() throws Exception {
        MockWebServer server = newServer();
        List<String> paths = new CopyOnWriteArrayList<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                paths.add(request.getTarget());
                return request.getUrl().encodedPath().equals("/robots.txt")
                        ? new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").body("slow down").build()
                        : new MockResponse.Builder().body("<rss/>").build();
            }
        });
        Fetcher fetcher = fetcher(TestSupport.settings(), TestSupport.options(sleeper).withObeyRobots(true));
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(FetchRequest.of(server.url("/feed").uri())));
        assertEquals(List.of("/robots.txt"), paths, "the feed was requested although the host said 429, wait an hour");
        assertEquals(FetchException.Kind.BLOCKED, e.kind());
        assertEquals(Duration.ofHours(1), e.retryAfter(), "the wait is passed on, so the crawler reschedules");
        assertTrue(e.getMessage().contains("robots.txt answered HTTP 429"), e.getMessage());
    }

    /**
     * A timeout while the body streams (server sends headers, then stalls) is a timeout like any
     * other; the issue asks for retries on timeouts. Here the second attempt would succeed.
     */
    @Test
    void aStallMidBodyIsRetriedLikeAnyOtherTimeout() throws Exception {
        MockWebServer server = newServer();
        server.enqueue(new MockResponse.Builder().body("<rss>" + "x".repeat(100) + "</rss>")
                .throttleBody(10, 2, TimeUnit.SECONDS).build());
        server.enqueue(new MockResponse.Builder().body("<rss/>").build());
        Fetcher fetcher = fetcher(TestSupport.settings().withTimeout(Duration.ofMillis(500)), TestSupport.options(sleeper));
        FetchResponse response = fetcher.fetch(FetchRequest.of(server.url("/feed").uri()));
        assertEquals(200, response.status());
        assertEquals(2, server.getRequestCount());
    }

    /**
     * http://host/ and https://host/ (here: two ports of localhost) are one host to the site
     * owner: a redirect from one to the other must still wait per_host_delay.
     */
    @Test
    void perHostDelayHoldsAcrossPortsOfOneHost() throws Exception {
        MockWebServer a = newServer();
        MockWebServer b = newServer();
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        a.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                arrivals.add(System.nanoTime());
                return new MockResponse.Builder().code(301).setHeader("Location", b.url("/feed").toString()).build();
            }
        });
        b.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                arrivals.add(System.nanoTime());
                return new MockResponse.Builder().body("<rss/>").build();
            }
        });
        Fetcher fetcher = fetcher(TestSupport.settings().withPerHostDelay(Duration.ofSeconds(1)), TestSupport.options(sleeper));
        fetcher.fetch(FetchRequest.of(a.url("/old").uri()));
        long gapMillis = (arrivals.get(1) - arrivals.get(0)) / 1_000_000;
        assertTrue(gapMillis >= 900, "second request to localhost came " + gapMillis + " ms after the first; per_host_delay is 1 s");
    }
}
