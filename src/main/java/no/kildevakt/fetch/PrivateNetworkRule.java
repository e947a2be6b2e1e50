package no.kildevakt.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import no.kildevakt.fetch.FetchException.Kind;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps the public internet out of the editor's own network, as browsers' Private Network Access
 * does: a chain of requests that began at a public address (a configured source, a cited link) is
 * not sent on — by a redirect, or to a page the source links to — to a loopback, link-local,
 * private or unspecified address ({@link AddressScope}). Otherwise any site could make kildevakt
 * read a local admin page, a router or a cloud metadata service and store or report what it says.
 *
 * <p>A chain that began on such an address itself (a source on an intranet host, a test on
 * 127.0.0.1) may go anywhere, other ports of the same machine included: whoever configured it
 * already pointed kildevakt at that network, and the rule is about which network, not which port.
 *
 * <p>Two checks, one rule. {@link #refusal} is asked before a hop is taken, on the target's
 * resolved addresses, so that nothing at all — not its robots.txt, not a TCP handshake — reaches
 * a refused address. And the rule is an OkHttp <em>network</em> interceptor that looks at the
 * address each connection actually reached, which also catches a name that resolves to a public
 * address first and to a private one a moment later (DNS rebinding); such a connection is made but
 * no request is sent on it. Through a proxy the target's address is the proxy's business, and only
 * the first check applies.
 *
 * <p>The classification is a constructor argument so tests can declare a loopback test server
 * "public" (see the tests' resolvers); production uses {@link AddressScope#of}.
 */
public final class PrivateNetworkRule implements Interceptor {
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private final Dns dns;
    private final Function<InetAddress, AddressScope> scopeOf;

    /**
     * @param dns     the resolver the HTTP client uses, so the check sees the addresses it will connect to
     * @param scopeOf the classification of an address, normally {@link AddressScope#of}
     */
    public PrivateNetworkRule(Dns dns, Function<InetAddress, AddressScope> scopeOf) {
        this.dns = Objects.requireNonNull(dns, "dns");
        this.scopeOf = Objects.requireNonNull(scopeOf, "scopeOf");
    }

    /**
     * Where one chain of requests began: the address class every later hop is judged against. It
     * rides on the {@link Call} as a tag (a request's tags become its call's), so one fetch with all
     * its redirects and retries shares one; the link checker, whose hops are separate calls, tags
     * each of them with the same one. Used by one thread at a time.
     */
    public static final class Origin {
        private final String what;
        private final HttpUrl first;
        private volatile AddressScope scope;

        private Origin(String what, HttpUrl first, AddressScope scope) {
            this.what = what;
            this.first = first;
            this.scope = scope;
        }

        /**
         * A chain that begins at {@code start} and whose first connection's address decides: a fetch and
         * its redirects, a checked link.
         */
        public static Origin firstConnection(HttpUrl start) {
            return new Origin("redirect from a public address", start, null);
        }
    }

    /** The origin of {@code call}: its tag, or a new one beginning at the call's URL. */
    public static Origin originOf(Call call) {
        return call.tag(Origin.class, () -> Origin.firstConnection(call.request().url()));
    }

    /**
     * The origin of a page that {@code source} links to (an item of a feed or listing): the
     * source's own addresses decide, and it counts as public unless every one of them is not
     * (or when it no longer resolves — the strict reading).
     */
    public Origin originAt(URI source) {
        String host = source.getHost();
        AddressScope scope = host == null ? AddressScope.PUBLIC : scopeOfOrigin(host);
        return new Origin("link from the public source " + source, null, scope);
    }

    /**
     * Why a request of the chain begun at {@code origin} must not go to {@code target}, or empty
     * when it may: one line such as "refused: redirect from a public address to a loopback address
     * (127.0.0.1)". A target that does not resolve is left to fail as an unknown host.
     */
    public Optional<String> refusal(Origin origin, HttpUrl target) {
        AddressScope from = origin.scope;
        if (from == null) { // no connection seen (through a proxy): judge the origin by its name
            from = scopeOfOrigin(origin.first.host());
        }
        if (!from.isPublic()) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : resolve(target.host())) {
                AddressScope scope = scopeOf.apply(address);
                if (!scope.isPublic()) {
                    return Optional.of(refusalText(origin, scope, address));
                }
            }
        } catch (UnknownHostException unknown) {
            // the request itself will say so
        }
        return Optional.empty();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Origin origin = originOf(chain.call());
        HttpUrl url = chain.request().url();
        Connection connection = chain.connection();
        if (connection != null && connection.route().proxy().type() == Proxy.Type.DIRECT) {
            InetAddress address = connection.route().socketAddress().getAddress();
            AddressScope scope = scopeOf.apply(address);
            if (origin.scope == null) {
                origin.scope = scope;
            } else if (origin.scope.isPublic() && !scope.isPublic()) {
                String cause = url.equals(origin.first)
                        ? "refused: " + url.host() + " was at a public address and is now at a " + scope.label()
                                + " address (" + address.getHostAddress() + ")"
                        : refusalText(origin, scope, address);
                boolean hop = !url.equals(chain.call().request().url());
                throw FetchFailures.interceptorFailure(chain, Kind.PRIVATE_ADDRESS, 0, cause + (hop ? " at " + url : ""));
            }
        }
        return chain.proceed(chain.request());
    }

    private AddressScope scopeOfOrigin(String host) {
        try {
            List<InetAddress> addresses = resolve(host);
            AddressScope scope = AddressScope.PUBLIC;
            for (InetAddress address : addresses) {
                AddressScope s = scopeOf.apply(address);
                if (s.isPublic()) {
                    return AddressScope.PUBLIC;
                }
                scope = s;
            }
            return scope;
        } catch (UnknownHostException unknown) {
            return AddressScope.PUBLIC;
        }
    }

    /** As OkHttp does: an address literal is the address, anything else is asked of the resolver. */
    private List<InetAddress> resolve(String host) throws UnknownHostException {
        if (host.indexOf(':') >= 0 || IPV4_LITERAL.matcher(host).matches()) {
            return List.of(InetAddress.getByName(host)); // a literal: parsed, never looked up
        }
        return dns.lookup(host);
    }

    private static String refusalText(Origin origin, AddressScope scope, InetAddress address) {
        return "refused: " + origin.what + " to a " + scope.label() + " address (" + address.getHostAddress() + ")";
    }
}
