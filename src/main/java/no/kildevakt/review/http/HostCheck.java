package no.kildevakt.review.http;

import java.util.Locale;
import java.util.Set;

/**
 * Refuses requests whose {@code Host} is not this server's loopback name, against DNS rebinding: a
 * page on {@code evil.example} whose name is made to resolve to 127.0.0.1 reaches this server from
 * the editor's browser as same-origin, but its requests carry {@code Host: evil.example}. Used for
 * loopback binds, where there is no access token to stop it.
 */
public final class HostCheck implements Filter {
    private final Set<String> names;
    private final int port;

    /**
     * @param names the host names (lower case, IPv6 literals in brackets) this server answers to
     * @param port  the port it listens on; a Host naming another port is refused too
     */
    public HostCheck(Set<String> names, int port) {
        this.names = Set.copyOf(names);
        this.port = port;
    }

    @Override
    public Response filter(Request request, Handler next) throws Exception {
        String host = request.header("Host").orElse("");
        if (!accepts(host)) {
            throw HttpError.forbidden("Host \"" + host + "\" is not this server; open it as http://localhost:" + port + "/");
        }
        return next.handle(request);
    }

    /** Whether a Host header value names this server: one of the names, with this port or none (port 80). */
    public boolean accepts(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        String name = h;
        String portPart = null;
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && h.indexOf(']') < colon) {
            name = h.substring(0, colon);
            portPart = h.substring(colon + 1);
        }
        if (!names.contains(name)) {
            return false;
        }
        return portPart == null ? port == 80 : portPart.equals(Integer.toString(port));
    }
}
