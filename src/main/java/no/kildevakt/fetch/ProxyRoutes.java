package no.kildevakt.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import no.kildevakt.config.Proxies;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Which requests go through the configured {@link Proxies} and how they sign in to it: a
 * {@link ProxySelector} that picks the proxy by scheme and sends loopback and {@code no_proxy} hosts
 * direct, and an {@link Authenticator} that answers a proxy's 407 with the user name and password of
 * its URL (Basic, once: a second 407 is the proxy's refusal and ends the request). Installed on every
 * client by {@link ClientBase}; when nothing is configured the client keeps OkHttp's default, the JVM's
 * own selector.
 *
 * <p>No name is resolved here: through a proxy, the proxy resolves the target (inside a network where
 * only the proxy knows public names), and a {@code no_proxy} address or range matches only hosts
 * written as addresses, as curl does.
 */
final class ProxyRoutes extends ProxySelector {
    private final Proxies proxies;
    private final Proxy https;
    private final Proxy http;

    private ProxyRoutes(Proxies proxies) {
        this.proxies = proxies;
        this.https = proxy(proxies.https());
        this.http = proxy(proxies.http());
    }

    /** {@code builder} routed as {@code proxies} say; unchanged when they are {@link Proxies#UNSET}. */
    static OkHttpClient.Builder install(OkHttpClient.Builder builder, Proxies proxies) {
        if (!proxies.isSet()) {
            return builder;
        }
        ProxyRoutes routes = new ProxyRoutes(proxies);
        return builder.proxySelector(routes).proxyAuthenticator(routes.authenticator());
    }

    @Override
    public List<Proxy> select(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Proxy proxy = scheme.equals("https") ? https : scheme.equals("http") ? http : Proxy.NO_PROXY;
        if (proxy == Proxy.NO_PROXY || direct(uri.getHost(), uri.getPort() < 0 ? defaultPort(scheme) : uri.getPort())) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(proxy);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // one proxy per scheme: nothing to fall back to, and the request says why it failed
    }

    /** Whether {@code host} (as the URL writes it) is reached without the proxy. */
    boolean direct(String host, int port) {
        if (host == null) {
            return true;
        }
        String name = bare(host.toLowerCase(Locale.ROOT));
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.equals("localhost") || name.endsWith(".localhost") || isLoopbackLiteral(name)) {
            return true;
        }
        for (String entry : proxies.noProxy()) {
            if (matches(entry, name, port)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String entry, String host, int port) {
        if (entry.equals("*")) {
            return true;
        }
        String pattern = entry;
        String portText = null;
        if (pattern.startsWith("[")) { // [v6] or [v6]:port
            int close = pattern.indexOf(']');
            if (close > 0 && pattern.startsWith(":", close + 1)) {
                portText = pattern.substring(close + 2);
            }
            if (close > 0) { // what follows the bracket is the port, or a CIDR suffix ("[fe80::]/10")
                pattern = pattern.substring(1, close) + (portText != null ? "" : pattern.substring(close + 1));
            }
        } else if (pattern.indexOf(':') >= 0 && pattern.indexOf(':') == pattern.lastIndexOf(':')) { // name:port, v4:port
            portText = pattern.substring(pattern.indexOf(':') + 1);
            pattern = pattern.substring(0, pattern.indexOf(':'));
        }
        if (portText != null && (portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(Character::isDigit))) {
            return false; // not a port: an entry that matches nothing rather than everything
        }
        if (portText != null && Integer.parseInt(portText) != port) {
            return false;
        }
        int slash = pattern.indexOf('/');
        if (slash >= 0) {
            return inRange(host, pattern.substring(0, slash), pattern.substring(slash + 1));
        }
        if (pattern.startsWith("*.")) {
            pattern = pattern.substring(2);
        } else if (pattern.startsWith(".")) {
            pattern = pattern.substring(1);
        }
        if (pattern.endsWith(".")) {
            pattern = pattern.substring(0, pattern.length() - 1);
        }
        if (isAddressLiteral(pattern) || isAddressLiteral(host)) {
            return isAddressLiteral(pattern) && isAddressLiteral(host) && sameAddress(pattern, host);
        }
        return host.equals(pattern) || host.endsWith("." + pattern);
    }

    private static boolean inRange(String host, String network, String bitsText) {
        if (!isAddressLiteral(host) || !isAddressLiteral(network) || bitsText.isEmpty()
                || !bitsText.chars().allMatch(Character::isDigit) || bitsText.length() > 3) {
            return false;
        }
        byte[] a = literal(host);
        byte[] n = literal(network);
        int bits = Integer.parseInt(bitsText);
        if (a == null || n == null || a.length != n.length || bits > a.length * 8) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((a[i / 8] & mask) != (n[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameAddress(String a, String b) {
        byte[] x = literal(a);
        byte[] y = literal(b);
        return x != null && java.util.Arrays.equals(x, y);
    }

    private static boolean isLoopbackLiteral(String host) {
        byte[] address = isAddressLiteral(host) ? literal(host) : null;
        try {
            return address != null && InetAddress.getByAddress(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * An IPv4 dotted quad or an IPv6 address (brackets removed), never a name. Only hex digits, colons
     * and dots count as IPv6, so the JDK parses it and never looks it up.
     */
    private static boolean isAddressLiteral(String host) {
        return host.indexOf(':') >= 0 ? host.matches("[0-9a-f:.]+") : host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    }

    /** The bytes of an address literal, without a lookup (a literal is parsed, never resolved); null if malformed. */
    private static byte[] literal(String host) {
        if (host.indexOf(':') < 0) {
            String[] parts = host.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return null;
                }
                bytes[i] = (byte) part;
            }
            return bytes;
        }
        try {
            return InetAddress.getByName(host).getAddress(); // an IPv6 literal: parsed, not looked up
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static Proxy proxy(URI url) {
        if (url == null) {
            return Proxy.NO_PROXY;
        }
        Proxy.Type type = url.getScheme().startsWith("socks") ? Proxy.Type.SOCKS : Proxy.Type.HTTP;
        return new Proxy(type, InetSocketAddress.createUnresolved(url.getHost(), url.getPort()));
    }

    /** Answers a 407 with the credentials in the proxy's URL, once; null (give up) otherwise. */
    private Authenticator authenticator() {
        return (Route route, Response response) -> {
            if (response.code() != 407 || route == null || response.request().header("Proxy-Authorization") != null) {
                return null;
            }
            URI url = route.proxy().equals(https) ? proxies.https() : route.proxy().equals(http) ? proxies.http() : null;
            String[] credentials = url == null ? null : Proxies.credentials(url);
            if (credentials == null) {
                return null;
            }
            Request request = response.request();
            return request.newBuilder()
                    .header("Proxy-Authorization", Credentials.basic(credentials[0], credentials[1], StandardCharsets.UTF_8))
                    .build();
        };
    }
}
