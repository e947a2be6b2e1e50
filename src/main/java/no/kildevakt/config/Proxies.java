package no.kildevakt.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The web proxy every request goes through, as feeds.yml ({@code settings.proxy}, {@code settings.no_proxy})
 * or the environment ({@code https_proxy}, {@code http_proxy}, {@code all_proxy}, {@code no_proxy}, in either
 * case) name it. Why: on an office or a server network the way out is often only through a proxy, and
 * curl, wget and most Linux tools find it in those variables; a crawl from cron must find it in the same
 * place, or in feeds.yml when cron's environment does not carry them.
 *
 * <p>A value only: which request goes where is decided by the HTTP client ({@code fetch.ProxyRoutes}).
 * Loopback addresses ({@code localhost}, 127.0.0.0/8, {@code ::1}) never go through a proxy, as in
 * Go's and Python's clients: a proxy cannot reach this machine's own services.
 *
 * @param https   the proxy for https URLs, or null to go direct
 * @param http    the proxy for http URLs, or null to go direct
 * @param noProxy hosts reached directly: a name ({@code example.no} also covers its subdomains; a leading
 *                {@code .} or {@code *.} is the same), an address, a CIDR range ({@code 10.0.0.0/8}), any of them
 *                with {@code :port}; or {@code *} for every host
 * @param from    where this came from, for messages ({@code "https_proxy"}, {@code "feeds.yml settings.proxy"});
 *                empty when nothing was configured, and then the JVM's own proxy properties apply
 *                ({@code -Dhttps.proxyHost}, which a user can pass in {@code KILDEVAKT_EXTRA_JAVA_OPTS})
 */
public record Proxies(URI https, URI http, List<String> noProxy, String from) {
    /** Nothing configured: the JVM's own proxy settings (none, unless given as system properties). */
    public static final Proxies UNSET = new Proxies(null, null, List.of(), "");

    /** The password of a proxy URL as typed ({@code user:password@}, with or without a scheme), for starring. */
    private static final java.util.regex.Pattern PASSWORD = java.util.regex.Pattern.compile("^((?:[a-zA-Z][a-zA-Z0-9+.-]*://)?[^:/@]*):[^@/]*@");

    /** The schemes a proxy URL may have: an HTTP proxy (CONNECT for https), or SOCKS 5. */
    private static final Map<String, Integer> SCHEMES = Map.of("http", 1080, "socks5", 1080, "socks5h", 1080, "socks", 1080);

    public Proxies {
        noProxy = noProxy.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty()).toList();
        Objects.requireNonNull(from, "from");
    }

    /** Whether a proxy setting was given at all (even "none"): if so, the JVM's own properties are not used. */
    public boolean isSet() {
        return !from.isEmpty();
    }

    /** This, when set; else {@code fallback}. */
    public Proxies or(Proxies fallback) {
        return isSet() ? this : fallback;
    }

    /**
     * The proxies the environment names, as curl reads them: {@code https_proxy}, {@code http_proxy},
     * {@code all_proxy} for both, {@code no_proxy}; the lower-case name before the upper-case one.
     * {@link #UNSET} when none is set.
     *
     * @throws IllegalArgumentException when a variable's value is not a proxy URL: the message names it
     */
    public static Proxies fromEnvironment(Map<String, String> env) {
        String all = variable(env, "all_proxy");
        String https = variable(env, "https_proxy");
        String http = variable(env, "http_proxy");
        if (https == null && http == null && all == null) {
            return UNSET;
        }
        String httpsName = https != null ? "https_proxy" : all != null ? "all_proxy" : null;
        String httpName = http != null ? "http_proxy" : all != null ? "all_proxy" : null;
        URI httpsProxy = httpsName == null ? null : proxyUrl(https != null ? https : all, httpsName);
        URI httpProxy = httpName == null ? null : proxyUrl(http != null ? http : all, httpName);
        String from = httpsName == null ? httpName
                : httpName == null || httpName.equals(httpsName) ? httpsName : httpsName + " and " + httpName;
        String noProxy = variable(env, "no_proxy");
        return new Proxies(httpsProxy, httpProxy, noProxy == null ? List.of() : noProxyList(noProxy), from);
    }

    /**
     * One proxy for http and https, as feeds.yml gives it; {@code none} goes direct (and ignores the
     * environment's).
     *
     * @throws IllegalArgumentException when {@code value} is not a proxy URL
     */
    public static Proxies of(String value, List<String> noProxy, String from) {
        try {
            return ofUnnamed(value, noProxy, from);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(from + ": " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #of}, the message of a refusal not starting with {@code from}: for feeds.yml's reader,
     * whose messages name the file, line and key themselves.
     */
    static Proxies ofUnnamed(String value, List<String> noProxy, String from) {
        if (value.strip().equalsIgnoreCase("none")) {
            return new Proxies(null, null, List.of(), from);
        }
        URI proxy = proxyUrl(value);
        return new Proxies(proxy, proxy, noProxy, from);
    }

    /** A {@code no_proxy} value: entries separated by commas or spaces, empty ones dropped. */
    public static List<String> noProxyList(String value) {
        List<String> entries = new ArrayList<>();
        for (String entry : value.split("[,\\s]+")) {
            if (!entry.isBlank()) {
                entries.add(entry.strip().toLowerCase(Locale.ROOT));
            }
        }
        return entries;
    }

    /** The user name and password in a proxy URL, decoded; null when it carries none. */
    public static String[] credentials(URI proxy) {
        String info = proxy.getUserInfo(); // decoded
        if (info == null || info.isEmpty()) {
            return null;
        }
        int colon = info.indexOf(':');
        return colon < 0 ? new String[] {info, ""} : new String[] {info.substring(0, colon), info.substring(colon + 1)};
    }

    /** The proxy URL without its password, for messages and {@code validate}. */
    public static String shown(URI proxy) {
        return proxy.getScheme() + "://" + (proxy.getRawUserInfo() == null ? "" : credentials(proxy)[0] + ":***@")
                + proxy.getHost() + ":" + proxy.getPort();
    }

    /**
     * " through the proxy http://proxy.example.no:3128 (https_proxy)" when a proxy is in use, else
     * empty: for the one line that says no site answered, where the proxy is the first suspect.
     */
    public String through() {
        return https == null && http == null ? "" : " through the proxy " + describe();
    }

    /** What {@code validate} says of this, one line. */
    public String describe() {
        if (!isSet()) {
            return "none (the JVM's own proxy properties apply)";
        }
        if (https == null && http == null) {
            return "none (" + from + ")";
        }
        String via = Objects.equals(https, http) ? shown(https)
                : "https " + (https == null ? "direct" : shown(https)) + ", http " + (http == null ? "direct" : shown(http));
        return via + " (" + from + ")" + (noProxy.isEmpty() ? "" : ", not for " + String.join(", ", noProxy));
    }

    private static String variable(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            value = env.get(name.toUpperCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * A proxy URL as curl takes it: {@code host:port} is an HTTP proxy; the port defaults to 1080.
     * A proxy spoken to over TLS ({@code https://}) cannot be used by the HTTP client, so it is refused
     * now rather than failing every request later.
     */
    private static URI proxyUrl(String value, String name) {
        try {
            return proxyUrl(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /** The proxy URL {@code value} names; a refusal's message starts with the value as typed, its password starred. */
    private static URI proxyUrl(String value) {
        String text = value.strip();
        String typed = PASSWORD.matcher(text).replaceFirst("$1:***@"); // messages go to logs and cron mail
        String withScheme = text.contains("://") ? text : "http://" + text;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(ConfigText.quote(typed) + " is not a proxy URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            throw new IllegalArgumentException(ConfigText.quote(typed)
                    + ": a proxy spoken to over TLS (https://) is not supported; use http://host:port or socks5://host:port");
        }
        if (!SCHEMES.containsKey(scheme)) {
            throw new IllegalArgumentException(ConfigText.quote(typed)
                    + " is not a proxy URL (expected http://host:port or socks5://host:port)");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(ConfigText.quote(typed) + " names no proxy host (expected http://host:port)");
        }
        if (scheme.startsWith("socks") && uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(ConfigText.quote(typed)
                    + ": a SOCKS proxy that asks for a user name and password is not supported; use an HTTP proxy for that");
        }
        int port = uri.getPort() < 0 ? SCHEMES.get(scheme) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(ConfigText.quote(typed) + ": port " + port + " is not between 1 and 65535");
        }
        try {
            return new URI(scheme.equals("socks") ? "socks5" : scheme, uri.getRawUserInfo() == null ? null : uri.getUserInfo(),
                    uri.getHost(), port, null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(ConfigText.quote(typed) + " is not a proxy URL (" + e.getReason() + ")");
        }
    }
}
