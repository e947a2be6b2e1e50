package no.kildevakt.review.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses requests whose {@code Host} is not this server's loopback name, against DNS rebinding: a
 * page on {@code evil.example} whose name is made to resolve to 127.0.0.1 reaches this server from
 * the editor's browser as same-origin, but its requests carry {@code Host: evil.example}. Used for
 * loopback binds, where there is no access token to stop it.
 *
 * <p>Whatever the bind, a request must carry exactly one {@code Host}, and not an empty one (a 400
 * otherwise, as HTTP/1.1 requires): with two, the name checked and the name a proxy or the page's
 * links go by could differ.
 */
public final class HostCheck implements Filter {
    private final Set<String> names;
    private final int port;

    /**
     * @param names the host names (lower case, IPv6 literals in brackets) this server answers to; empty
     *              for any name (a server guarded by an access token, reached by names it cannot know)
     * @param port  the port it listens on; a Host naming another port is refused too
     */
    public HostCheck(Set<String> names, int port) {
        this.names = Set.copyOf(names);
        this.port = port;
    }

    /** Only the form of the header: one, not empty, any name. */
    public static HostCheck anyName() {
        return new HostCheck(Set.of(), 0);
    }

    @Override
    public Response filter(Request request, Handler next) throws Exception {
        List<String> hosts = request.headers("Host");
        if (hosts.size() > 1) {
            throw HttpError.badRequest("the request has " + hosts.size() + " Host headers; one is allowed");
        }
        String host = hosts.isEmpty() ? "" : hosts.get(0).strip();
        if (host.isEmpty()) {
            throw HttpError.badRequest("the request has no Host header, or an empty one");
        }
        if (!names.isEmpty() && !accepts(host)) {
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
