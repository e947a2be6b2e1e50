package no.kildevakt.fetch;

import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import no.kildevakt.fetch.FetchException.Kind;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows redirects itself instead of letting OkHttp do it, for three reasons: every hop must pass
 * the inner interceptors again (robots.txt of the new host, pacing, retries); a loop must be
 * reported as such rather than as "too many"; and the crawler wants to know when a feed has moved
 * <em>permanently</em> (301/308 from the very first hop on), so the editor can update feeds.yml.
 * And a hop from a public address into a private network is refused before it is taken
 * ({@link PrivateNetworkRule}), so neither the hop nor its robots.txt reaches the refused address.
 * The client must be built with {@code followRedirects(false)} for this to see the 3xx.
 *
 * <p>A hop back to a URL already visited is a loop only if it would carry the same cookies: a site
 * that sets a cookie and redirects to itself (a consent or session check) is answered on the second
 * visit, as a browser's is.
 */
final class RedirectInterceptor implements Interceptor {
    private final int maxRedirects;
    private final PrivateNetworkRule addressRule;
    private final RunCookieJar cookies;

    /** @param cookies the client's cookie jar, which tells a cookie check from a loop */
    RedirectInterceptor(int maxRedirects, PrivateNetworkRule addressRule, RunCookieJar cookies) {
        this.maxRedirects = Math.max(0, maxRedirects);
        this.addressRule = addressRule;
        this.cookies = cookies;
    }

    static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        FetchTrace trace = FetchTrace.of(chain.call());
        Request request = chain.request();
        Set<String> visited = new HashSet<>();
        visited.add(cookies.visit(request.url()));
        boolean permanentSoFar = true;
        for (int hops = 0; ; hops++) {
            Response response = chain.proceed(request);
            int code = response.code();
            String location = response.header("Location");
            if (!isRedirect(code) || location == null) {
                return response; // a 3xx without Location is reported by the caller as it stands
            }
            HttpUrl next = response.request().url().resolve(location);
            response.close(); // frees the connection and the host before the next hop
            if (next == null) {
                throw FetchFailures.interceptorFailure(chain, Kind.IO, code,
                        "HTTP " + code + " redirect to unusable Location \"" + location + "\"");
            }
            if (hops >= maxRedirects) {
                throw FetchFailures.interceptorFailure(chain, Kind.TOO_MANY_REDIRECTS, code,
                        "more than " + maxRedirects + " redirects (the last to " + next + ")");
            }
            if (!visited.add(cookies.visit(next))) {
                throw FetchFailures.interceptorFailure(chain, Kind.REDIRECT_LOOP, code,
                        "redirect loop back to " + next);
            }
            Optional<String> refused = addressRule.refusal(PrivateNetworkRule.originOf(chain.call()), next);
            if (refused.isPresent()) {
                throw FetchFailures.interceptorFailure(chain, Kind.PRIVATE_ADDRESS, code, refused.get() + " at " + next);
            }
            if (permanentSoFar && (code == 301 || code == 308)) {
                trace.movedTo(next);
            } else {
                permanentSoFar = false;
            }
            request = followUp(request, next, code);
        }
    }

    /** The request for the next hop: the same request at the new URL, with the method rules of RFC 9110. */
    private static Request followUp(Request previous, HttpUrl next, int code) {
        Request.Builder builder = previous.newBuilder().url(next);
        String method = previous.method();
        boolean becomesGet = (code == 303 && !method.equals("GET") && !method.equals("HEAD"))
                || ((code == 301 || code == 302) && method.equals("POST"));
        if (becomesGet) {
            builder.get().removeHeader("Content-Type").removeHeader("Content-Length");
        }
        if (!sameOrigin(previous.url(), next)) {
            builder.removeHeader("Authorization").removeHeader("Cookie");
        }
        return builder.build();
    }

    private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
    }
}
