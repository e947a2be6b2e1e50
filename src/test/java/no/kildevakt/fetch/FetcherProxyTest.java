package no.kildevakt.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.kildevakt.config.Proxies;
import no.kildevakt.config.Settings;
import okhttp3.Credentials;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Through an HTTP proxy (a MockWebServer that answers absolute-form requests as a proxy does): the
 * target's name is the proxy's to resolve, a 407 is answered once with the URL's credentials, and a
 * no_proxy host is reached directly.
 */
class FetcherProxyTest {
    private final MockWebServer proxy = new MockWebServer();
    private final MockWebServer intranet = new MockWebServer();
    private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();

    @BeforeEach
    void start() throws Exception {
        proxy.start();
        intranet.start();
    }

    @AfterEach
    void stop() {
        proxy.close();
        intranet.close();
    }

    /** Knows the proxy's name and the intranet host's; every public name is unknown here, as inside a closed network. */
    private Dns closedNetwork() {
        return host -> {
            if (host.equals(proxy.getHostName()) || host.equals("intranett.example")) {
                return List.of(InetAddress.getLoopbackAddress());
            }
            throw new UnknownHostException(host + ": not resolvable on this network");
        };
    }

    private Fetcher fetcher(String proxyUrl) {
        Settings settings = TestSupport.settings()
                .withProxies(Proxies.of(proxyUrl, List.of("intranett.example"), "feeds.yml settings.proxy"));
        return new Fetcher(settings, TestSupport.options(sleeper).withDns(closedNetwork())
                .withAddressScope(address -> AddressScope.PUBLIC));
    }

    @Test
    void aSourceGoesThroughTheProxyWhichResolvesItsNameAndAsksForCredentialsOnce() throws Exception {
        proxy.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"kontor\"").build());
        proxy.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml").body("<rss/>").build());
        try (Fetcher fetcher = fetcher("http://bruker:hemme%40lig@" + proxy.getHostName() + ":" + proxy.getPort())) {
            FetchResponse response = fetcher.fetch(FetchRequest.of(URI.create("http://nyheter.example/feed")).withAccept(AcceptHeaders.FEED));
            assertEquals("<rss/>", new String(response.body(), StandardCharsets.UTF_8));
        }
        RecordedRequest first = proxy.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("GET http://nyheter.example/feed HTTP/1.1", first.getRequestLine());
        assertNull(first.getHeaders().get("Proxy-Authorization"), "no credentials before the proxy asks");
        RecordedRequest second = proxy.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("GET http://nyheter.example/feed HTTP/1.1", second.getRequestLine());
        assertEquals(Credentials.basic("bruker", "hemme@lig", StandardCharsets.UTF_8), second.getHeaders().get("Proxy-Authorization"));
        assertEquals(AcceptHeaders.FEED, second.getHeaders().get("Accept"));
    }

    @Test
    void aSecondRefusalByTheProxyEndsTheFetchInOneLine() throws Exception {
        for (int i = 0; i < 3; i++) {
            proxy.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"kontor\"").build());
        }
        try (Fetcher fetcher = fetcher("http://bruker:feil@" + proxy.getHostName() + ":" + proxy.getPort())) {
            FetchException e = assertThrows(FetchException.class,
                    () -> fetcher.fetch(FetchRequest.of(URI.create("http://nyheter.example/feed"))));
            assertTrue(e.getMessage().startsWith("http://nyheter.example/feed: "), e.getMessage());
            assertTrue(e.getMessage().contains("407"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
        assertEquals(2, proxy.getRequestCount(), "asked once more with credentials, then given up");
    }

    @Test
    void aProxyThatIsDownIsNamedByItsAddressInOneLine() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        try (Fetcher fetcher = fetcher("http://" + proxy.getHostName() + ":" + closed)) {
            FetchException e = assertThrows(FetchException.class,
                    () -> fetcher.fetch(FetchRequest.of(URI.create("http://nyheter.example/feed"))));
            assertTrue(e.getMessage().startsWith("http://nyheter.example/feed: connection failed: "), e.getMessage());
            assertTrue(e.getMessage().contains(":" + closed), "the proxy's address, not the unresolvable target's: " + e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }

    @Test
    void aNoProxyHostIsReachedDirectly() throws Exception {
        intranet.enqueue(new MockResponse.Builder().body("intern").build());
        try (Fetcher fetcher = fetcher("http://" + proxy.getHostName() + ":" + proxy.getPort())) {
            FetchResponse response = fetcher.fetch(FetchRequest.of(URI.create("http://intranett.example:" + intranet.getPort() + "/nytt")));
            assertEquals("intern", new String(response.body(), StandardCharsets.UTF_8));
        }
        assertEquals(0, proxy.getRequestCount());
        assertEquals("/nytt", intranet.takeRequest(1, TimeUnit.SECONDS).getTarget());
    }
}
