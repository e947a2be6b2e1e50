package no.kildevakt.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.kildevakt.fetch.FetchException.Kind;
import no.kildevakt.fetch.TestSupport.RecordingSleeper;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public-to-private rule in the fetcher: a source on the internet may not redirect, or link,
 * kildevakt into the editor's own network. {@code .example} names stand for the internet
 * ({@link StandInInternet}); every server is really on loopback.
 */
class PrivateNetworkRuleTest {
    private final List<AutoCloseable> closeables = new ArrayList<>();
    /** "host path" of every request to {@link #site}, and of every one to {@link #intranet}. */
    private final List<String> siteRequests = new CopyOnWriteArrayList<>();
    private final List<String> intranetRequests = new CopyOnWriteArrayList<>();
    private MockWebServer site;
    private MockWebServer intranet;
    private volatile MockResponse feedAnswer;

    @BeforeEach
    void start() throws IOException {
        site = server(siteRequests, request -> request.getUrl().encodedPath().equals("/robots.txt")
                ? new MockResponse.Builder().code(404).build() : feedAnswer);
        intranet = server(intranetRequests, request -> new MockResponse.Builder().body("admin page").build());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private MockWebServer server(List<String> log, java.util.function.Function<RecordedRequest, MockResponse> answer) throws IOException {
        MockWebServer s = new MockWebServer();
        s.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                log.add(request.getUrl().host() + " " + request.getUrl().encodedPath());
                return answer.apply(request);
            }
        });
        s.start();
        closeables.add(s);
        return s;
    }

    private Fetcher fetcher() {
        return fetcher(StandInInternet.DNS);
    }

    /** Robots obeyed, so a robots.txt request to a refused host would show too. */
    private Fetcher fetcher(Dns dns) {
        Fetcher f = new Fetcher(TestSupport.settings(), TestSupport.options(new RecordingSleeper()).withObeyRobots(true)
                .withDns(dns).withAddressScope(StandInInternet.SCOPE));
        closeables.add(f);
        return f;
    }

    private URI publicUrl(String path) {
        return URI.create("http://news.example:" + site.getPort() + path);
    }

    private static MockResponse redirect(int code, String location) {
        return new MockResponse.Builder().code(code).setHeader("Location", location).build();
    }

    private static String loopbackIp() throws IOException {
        return InetAddress.getByName("localhost").getHostAddress();
    }

    // --- redirects ----------------------------------------------------------------------------

    @Test
    void permanentRedirectFromPublicSourceToLoopbackPortIsRefused() throws Exception {
        String admin = "http://127.0.0.1:" + intranet.getPort() + "/admin";
        feedAnswer = redirect(301, admin);

        FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(FetchRequest.of(publicUrl("/feed"))));

        assertEquals(Kind.PRIVATE_ADDRESS, e.kind());
        assertEquals(publicUrl("/feed") + ": refused: redirect from a public address to a loopback address (127.0.0.1) at "
                + admin, e.getMessage());
        assertEquals(List.of(), intranetRequests, "not even robots.txt is asked of the refused address");
    }

    @Test
    void redirectFromPublicSourceToLoopbackNameIsRefused() throws Exception {
        feedAnswer = redirect(302, "http://intranet.test:" + intranet.getPort() + "/admin");

        FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(FetchRequest.of(publicUrl("/feed"))));

        assertEquals(Kind.PRIVATE_ADDRESS, e.kind());
        assertTrue(e.getMessage().contains("refused: redirect from a public address to a loopback address (" + loopbackIp() + ")"),
                e.getMessage());
        assertEquals(List.of(), intranetRequests);
    }

    @Test
    void sourceOnLoopbackMayRedirectToAnotherLoopbackPort() throws Exception {
        feedAnswer = redirect(301, "http://127.0.0.1:" + intranet.getPort() + "/feed");

        FetchResponse response = fetcher().fetch(FetchRequest.of(URI.create("http://localhost:" + site.getPort() + "/feed")));

        assertEquals(200, response.status());
        assertEquals("http://127.0.0.1:" + intranet.getPort() + "/feed", String.valueOf(response.movedTo()));
    }

    @Test
    void redirectBetweenPublicAddressesIsFollowed() throws Exception {
        feedAnswer = redirect(302, "http://other.example:" + intranet.getPort() + "/feed");

        assertEquals(200, fetcher().fetch(FetchRequest.of(publicUrl("/feed"))).status());
        assertEquals(List.of("other.example /robots.txt", "other.example /feed"), intranetRequests);
    }

    @Test
    void nameThatTurnsFromPublicToLoopbackBetweenConnectionsIsRefused() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        // DNS rebinding: the first answer is public, later ones the machine itself
        Dns rebinding = host -> lookups.incrementAndGet() == 1 ? StandInInternet.DNS.lookup(host)
                : List.of(InetAddress.getByAddress("", InetAddress.getByName("localhost").getAddress()));
        feedAnswer = new MockResponse.Builder().code(503).setHeader("Connection", "close").build();

        FetchException e = assertThrows(FetchException.class, () -> fetcher(rebinding).fetch(FetchRequest.of(publicUrl("/feed"))));

        assertEquals(Kind.PRIVATE_ADDRESS, e.kind(), e.getMessage());
        assertTrue(e.getMessage().endsWith("refused: news.example was at a public address and is now at a loopback address ("
                + loopbackIp() + ")"), e.getMessage());
    }

    // --- pages a source links to (enrichment) ---------------------------------------------------

    @Test
    void pageLinkedFromPublicSourceOnLoopbackIsRefused() throws Exception {
        URI item = URI.create("http://localhost:" + intranet.getPort() + "/item");

        FetchException e = assertThrows(FetchException.class,
                () -> fetcher().fetch(FetchRequest.of(item).withOrigin(publicUrl("/news/"))));

        assertEquals(Kind.PRIVATE_ADDRESS, e.kind());
        assertEquals(item + ": refused: link from the public source " + publicUrl("/news/") + " to a loopback address ("
                + loopbackIp() + ")", e.getMessage());
        assertEquals(List.of(), intranetRequests);
    }

    @Test
    void pageLinkedFromPublicSourceThatRedirectsToLoopbackIsRefused() throws Exception {
        feedAnswer = redirect(302, "http://localhost:" + intranet.getPort() + "/item");

        FetchException e = assertThrows(FetchException.class,
                () -> fetcher().fetch(FetchRequest.of(publicUrl("/item")).withOrigin(publicUrl("/news/"))));

        assertEquals(Kind.PRIVATE_ADDRESS, e.kind());
        assertTrue(e.getMessage().contains("refused: link from the public source"), e.getMessage());
        assertEquals(List.of(), intranetRequests);
    }

    @Test
    void pageLinkedFromLoopbackSourceIsFetched() throws Exception {
        URI item = URI.create("http://localhost:" + intranet.getPort() + "/item");

        FetchResponse response = fetcher().fetch(FetchRequest.of(item).withOrigin(URI.create("http://127.0.0.1:" + site.getPort() + "/")));

        assertEquals(200, response.status());
    }

    // --- the classification -----------------------------------------------------------------------

    @Test
    void addressesAreClassifiedAsPrivateNetworkAccessDoes() throws Exception {
        String[][] table = {
                {"127.0.0.1", "LOOPBACK"}, {"127.3.2.1", "LOOPBACK"}, {"::1", "LOOPBACK"},
                {"::ffff:127.0.0.1", "LOOPBACK"}, {"::127.0.0.1", "LOOPBACK"},
                {"10.1.2.3", "PRIVATE"}, {"172.16.0.1", "PRIVATE"}, {"172.31.255.255", "PRIVATE"}, {"192.168.1.1", "PRIVATE"},
                {"100.64.0.1", "PRIVATE"}, {"100.127.255.254", "PRIVATE"}, {"fc00::1", "PRIVATE"}, {"fd12:3456::1", "PRIVATE"},
                {"fec0::1", "PRIVATE"}, {"::ffff:192.168.0.1", "PRIVATE"},
                {"169.254.169.254", "LINK_LOCAL"}, {"fe80::1", "LINK_LOCAL"}, {"::ffff:169.254.169.254", "LINK_LOCAL"},
                {"0.0.0.0", "UNSPECIFIED"}, {"0.1.2.3", "UNSPECIFIED"}, {"::", "UNSPECIFIED"},
                {"8.8.8.8", "PUBLIC"}, {"172.32.0.1", "PUBLIC"}, {"172.15.0.1", "PUBLIC"}, {"100.128.0.1", "PUBLIC"},
                {"100.63.255.255", "PUBLIC"}, {"203.0.113.5", "PUBLIC"}, {"2001:db8::1", "PUBLIC"}, {"2a00:1450::1", "PUBLIC"},
                {"::ffff:8.8.8.8", "PUBLIC"},
        };
        for (String[] row : table) {
            assertEquals(AddressScope.valueOf(row[1]), AddressScope.of(InetAddress.getByName(row[0])), row[0]);
        }
        // Java turns a mapped address into IPv4 when it parses it; one built by hand stays IPv6
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        assertEquals(AddressScope.LOOPBACK, AddressScope.of(java.net.Inet6Address.getByAddress(null, mapped, -1)));
    }
}
