package no.kildevakt.review;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import no.kildevakt.review.http.AccessToken;

/**
 * Where and how the review server listens.
 *
 * <p>On loopback only the editor's own machine can connect, and the Host check and CSRF token keep
 * other web pages in the editor's browser out. Anywhere else, anyone on the network could connect,
 * so an access token is then required (from {@code KILDEVAKT_SERVE_TOKEN}) and every request must
 * present it; a server that would be open to the network without one is refused before it binds.
 *
 * @param bind        the address to listen on
 * @param port        the port; 0 picks a free one (tests)
 * @param lang        the page's language
 * @param accessToken the token every request must present; required when {@code bind} is not loopback,
 *                    ignored on loopback
 * @param readOnly    whether the database can only be read: the page is shown, every write is refused
 *                    with a 403 that says so (instead of failing in the database as a 500)
 * @param ioTimeout   how long a client may take to send a request's headers (and its body, and to take
 *                    the answer): a connection that dawdles holds one of the server's threads, so without
 *                    a bound a few unfinished requests would stop the server for everyone
 */
public record ServeOptions(InetAddress bind, int port, Lang lang, Optional<String> accessToken, boolean readOnly,
        Duration ioTimeout) {
    /** The environment variable the access token comes from. */
    public static final String TOKEN_ENV = "KILDEVAKT_SERVE_TOKEN";

    /**
     * Long enough for a browser on a slow network (it sends a request's headers in one packet), short
     * enough that a stalled client frees its thread soon.
     */
    public static final Duration DEFAULT_IO_TIMEOUT = Duration.ofSeconds(5);

    /** Read-write, with the default timeout. */
    public ServeOptions(InetAddress bind, int port, Lang lang, Optional<String> accessToken) {
        this(bind, port, lang, accessToken, false, DEFAULT_IO_TIMEOUT);
    }

    /**
     * @throws IllegalArgumentException when the port is out of range, or the address is not loopback
     *                                  and there is no valid access token (the message says what to do)
     */
    public ServeOptions {
        if (ioTimeout.isNegative() || ioTimeout.isZero()) {
            throw new IllegalArgumentException("the I/O timeout must be positive, got " + ioTimeout);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        }
        if (!bind.isLoopbackAddress()) {
            if (accessToken.isEmpty() || accessToken.get().isBlank()) {
                throw new IllegalArgumentException("refusing to serve on " + bind.getHostAddress()
                        + " without an access token: anyone on the network could read and decide items. Set "
                        + TOKEN_ENV + " (16+ characters of A-Z a-z 0-9 . _ ~ + / = -) or bind to 127.0.0.1");
            }
            if (!AccessToken.VALID.matcher(accessToken.get()).matches()) {
                throw new IllegalArgumentException(TOKEN_ENV + " must be at least 16 characters of A-Z a-z 0-9 . _ ~ + / = -");
            }
        }
    }

    /** The same options, serving a database that can only be read (or not). */
    public ServeOptions withReadOnly(boolean readOnly) {
        return new ServeOptions(bind, port, lang, accessToken, readOnly, ioTimeout);
    }

    /** The same options with another I/O timeout. */
    public ServeOptions withIoTimeout(Duration ioTimeout) {
        return new ServeOptions(bind, port, lang, accessToken, readOnly, ioTimeout);
    }

    /** Whether every request must present the access token. */
    public boolean needsAccessToken() {
        return !bind.isLoopbackAddress();
    }

    /** The host names a loopback server answers to (for the Host check against DNS rebinding). */
    public Set<String> loopbackNames() {
        Set<String> names = new LinkedHashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
        names.add(hostLiteral(bind));
        return names;
    }

    /** An address as it appears in a URL's host: IPv6 in brackets. */
    static String hostLiteral(InetAddress address) {
        String host = address.getHostAddress().toLowerCase(Locale.ROOT);
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
