package no.kildevakt.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import no.kildevakt.config.Proxies;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Which URL goes through which proxy: by scheme, never for loopback, never for no_proxy hosts. */
class ProxyRoutesTest {
    private static final Proxy HTTPS = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("p.example", 3128));
    private static final Proxy HTTP = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("q.example", 8080));

    private static ProxyRoutes routes(String noProxy) {
        Proxies proxies = Proxies.fromEnvironment(Map.of("https_proxy", "p.example:3128", "http_proxy", "http://q.example:8080",
                "no_proxy", noProxy));
        return (ProxyRoutes) ProxyRoutes.install(new OkHttpClient.Builder(), proxies).build().proxySelector();
    }

    private static Proxy selected(ProxyRoutes routes, String url) {
        List<Proxy> proxies = routes.select(URI.create(url));
        assertEquals(1, proxies.size());
        return proxies.get(0);
    }

    @Test
    void eachSchemeGoesThroughItsProxy() {
        ProxyRoutes routes = routes("");
        assertEquals(HTTPS, selected(routes, "https://www.regjeringen.no/no/rss/Rss/2581966/"));
        assertEquals(HTTP, selected(routes, "http://www.stortinget.no/rss"));
        Proxy socks = ((ProxyRoutes) ProxyRoutes.install(new OkHttpClient.Builder(),
                Proxies.fromEnvironment(Map.of("all_proxy", "socks5h://s.example:1081"))).build().proxySelector())
                .select(URI.create("https://x.example/")).get(0);
        assertEquals(new Proxy(Proxy.Type.SOCKS, InetSocketAddress.createUnresolved("s.example", 1081)), socks);
    }

    @Test
    void loopbackIsAlwaysDirect() {
        ProxyRoutes routes = routes("");
        for (String url : List.of("http://localhost:8080/", "https://LOCALHOST./x", "http://app.localhost/", "http://127.0.0.1/",
                "http://127.9.8.7:81/", "http://[::1]:8080/")) {
            assertEquals(Proxy.NO_PROXY, selected(routes, url), url);
        }
        assertEquals(HTTP, selected(routes, "http://128.0.0.1/"));
    }

    /** Asserts which of {@code hosts} ("name" for port 80, or "name#port") go direct, as {@code direct} says. */
    private static void assertDirect(ProxyRoutes routes, boolean direct, String... hosts) {
        for (String host : hosts) {
            int hash = host.indexOf('#');
            String name = hash < 0 ? host : host.substring(0, hash);
            int port = hash < 0 ? 80 : Integer.parseInt(host.substring(hash + 1));
            assertEquals(direct, routes.direct(name, port), host);
        }
    }

    @Test
    void noProxyNamesCoverTheirSubdomainsButNotLookAlikes() {
        ProxyRoutes routes = routes("example.no, .intern.test,*.lokal");
        assertDirect(routes, true, "example.no#443", "www.EXAMPLE.no#443", "intern.test", "a.b.intern.test", "server.lokal");
        assertDirect(routes, false, "badexample.no#443", "regjeringen.no#443");
        assertEquals(Proxy.NO_PROXY, selected(routes, "https://www.example.no/sak"));
    }

    @Test
    void noProxyPortsAddressesRangesAndStar() {
        ProxyRoutes routes = routes("intranett:8080, 192.168.1.5, 10.0.0.0/8, [fd00::1], fe80::/10, [fd00::9]:8443, 172.16.0.1:81, bad:port");
        assertDirect(routes, true, "intranett#8080", "192.168.1.5", "10.200.3.4", "[fd00::1]", "[fe80::abcd]", "[fd00::9]#8443",
                "172.16.0.1#81");
        assertDirect(routes, false, "intranett", "192.168.1.6", "11.0.0.1", "[fd00::2]", "[fd00::9]", "172.16.0.1", "bad",
                "10.example"); // an address range never matches a name
        assertEquals(HTTP, selected(routes, "http://intranett/"));
        assertEquals(Proxy.NO_PROXY, selected(routes, "http://intranett:8080/"));
        assertDirect(routes("*"), true, "www.regjeringen.no#443");
    }
}
