package no.kildevakt.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proxy URLs read as curl reads them, from the environment and from feeds.yml. */
class ProxiesTest {

    @Test
    void noVariableIsUnsetAndLeavesTheJvmsOwn() {
        assertSame(Proxies.UNSET, Proxies.fromEnvironment(Map.of("PATH", "/usr/bin", "no_proxy", "intern")));
        assertSame(Proxies.UNSET, Proxies.fromEnvironment(Map.of("https_proxy", "  ")));
        assertFalse(Proxies.UNSET.isSet());
    }

    @Test
    void hostAndPortIsAnHttpProxyAndEachSchemeHasItsOwnVariable() {
        Proxies p = Proxies.fromEnvironment(Map.of("https_proxy", "proxy.example.no:3128"));
        assertEquals(URI.create("http://proxy.example.no:3128"), p.https());
        assertNull(p.http(), "http_proxy unset: http URLs go direct");
        assertEquals("https_proxy", p.from());

        Proxies both = Proxies.fromEnvironment(Map.of("HTTPS_PROXY", "http://a.example:8080", "http_proxy", "http://b.example"));
        assertEquals(URI.create("http://a.example:8080"), both.https());
        assertEquals(URI.create("http://b.example:1080"), both.http(), "no port: 1080, as curl");
        assertEquals("https_proxy and http_proxy", both.from());
    }

    @Test
    void lowerCaseWinsAndAllProxyCoversWhatIsLeft() {
        Proxies p = Proxies.fromEnvironment(Map.of("https_proxy", "http://lower:1", "HTTPS_PROXY", "http://upper:2",
                "ALL_PROXY", "socks5h://alle:1081", "NO_PROXY", "intranett.example.no, .lokal 10.0.0.0/8"));
        assertEquals(URI.create("http://lower:1"), p.https());
        assertEquals(URI.create("socks5h://alle:1081"), p.http());
        assertEquals(List.of("intranett.example.no", ".lokal", "10.0.0.0/8"), p.noProxy());
        assertEquals("https_proxy and all_proxy", p.from());
        assertEquals(URI.create("socks5://s:1080"), Proxies.fromEnvironment(Map.of("all_proxy", "socks://s")).https());
    }

    @Test
    void credentialsAreDecodedAndNeverShown() {
        Proxies p = Proxies.fromEnvironment(Map.of("https_proxy", "http://bruker:p%40ss%3Aord@proxy.example.no:3128"));
        assertArrayEquals(new String[] {"bruker", "p@ss:ord"}, Proxies.credentials(p.https()));
        assertEquals("http://bruker:***@proxy.example.no:3128", Proxies.shown(p.https()));
        assertEquals("https http://bruker:***@proxy.example.no:3128, http direct (https_proxy)", p.describe());
        assertNull(Proxies.credentials(URI.create("http://proxy:3128")));
    }

    @Test
    void whatCannotBeAProxyIsRefusedNamingTheVariable() {
        assertEquals("https_proxy: \"https://ola:***@p.example\": a proxy spoken to over TLS (https://) is not supported;"
                + " use http://host:port or socks5://host:port", assertThrows(IllegalArgumentException.class,
                () -> Proxies.fromEnvironment(Map.of("https_proxy", "https://ola:hemmelig@p.example"))).getMessage(), "no password in a message");
        assertEquals("http_proxy: \"ola:***@p.example:99999\": port 99999 is not between 1 and 65535", assertThrows(IllegalArgumentException.class,
                () -> Proxies.fromEnvironment(Map.of("http_proxy", "ola:hem:melig@p.example:99999"))).getMessage());
        IllegalArgumentException tls = assertThrows(IllegalArgumentException.class,
                () -> Proxies.fromEnvironment(Map.of("https_proxy", "https://proxy.example.no:3129")));
        assertEquals("https_proxy: \"https://proxy.example.no:3129\": a proxy spoken to over TLS (https://) is not supported;"
                + " use http://host:port or socks5://host:port", tls.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Proxies.fromEnvironment(Map.of("http_proxy", "ftp://p:21")))
                .getMessage().startsWith("http_proxy: \"ftp://p:21\" is not a proxy URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Proxies.fromEnvironment(Map.of("all_proxy", "http://:8080")))
                .getMessage().startsWith("all_proxy: \"http://:8080\""));
        assertEquals("all_proxy: \"socks5://ola:***@s.example:1080\": a SOCKS proxy that asks for a user name and password is not"
                + " supported; use an HTTP proxy for that", assertThrows(IllegalArgumentException.class,
                () -> Proxies.fromEnvironment(Map.of("all_proxy", "socks5://ola:hemmelig@s.example:1080"))).getMessage());
        assertEquals("https_proxy: \"proxy:99999\": port 99999 is not between 1 and 65535", assertThrows(IllegalArgumentException.class,
                () -> Proxies.fromEnvironment(Map.of("https_proxy", "proxy:99999"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Proxies.fromEnvironment(Map.of("https_proxy", "http://proxy\n:3128")))
                .getMessage().startsWith("https_proxy: \"http://proxy\\n:3128\" is not a proxy URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Proxies.of("proxy example", List.of(), "feeds.yml settings.proxy"))
                .getMessage().startsWith("feeds.yml settings.proxy: \"proxy example\" is not a proxy URL"));
    }

    @Test
    void feedsYmlGivesOneProxyForBothOrNone() {
        Proxies p = Proxies.of("http://proxy.example.no:3128", List.of(" Intranett.Example.NO "), "feeds.yml settings.proxy");
        assertEquals(p.https(), p.http());
        assertEquals(List.of("intranett.example.no"), p.noProxy());
        assertEquals("http://proxy.example.no:3128 (feeds.yml settings.proxy), not for intranett.example.no", p.describe());

        Proxies none = Proxies.of("none", List.of(), "feeds.yml settings.proxy");
        assertTrue(none.isSet(), "none is a choice: the environment's proxy is not used");
        assertNull(none.https());
        assertSame(none, none.or(Proxies.fromEnvironment(Map.of("https_proxy", "p:1"))));
        assertEquals("none (feeds.yml settings.proxy)", none.describe());
    }
}
