package no.kildevakt.review.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Refuses writes that do not come from this server's own pages (403). A browser on any other site
 * can make the editor's browser POST here; three checks stop it, each enough on its own for the
 * attacks it covers:
 * <ul>
 * <li>{@code Sec-Fetch-Site}, when sent, must be {@code same-origin};
 * <li>{@code Origin}, when sent, must be this server's origin: {@code http://} (or {@code https://},
 *     behind a TLS proxy) + the Host, which the {@link HostCheck} or the access token already vouch for;
 * <li>the per-process token, which only this server's pages know (a meta tag), must come back in
 *     {@code X-Kildevakt-Token}; a custom header also forces a CORS preflight, which this server
 *     never grants.
 * </ul>
 * Safe methods pass untouched: they change nothing.
 */
public final class CsrfGuard implements Filter {
    public static final String HEADER = "X-Kildevakt-Token";

    private final byte[] token;

    public CsrfGuard(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Response filter(Request request, Handler next) throws Exception {
        if (request.isUnsafe()) {
            check(request);
        }
        return next.handle(request);
    }

    private void check(Request request) {
        String site = request.header("Sec-Fetch-Site").orElse(null);
        if (site != null && !site.equals("same-origin")) {
            throw HttpError.forbidden("cross-site request refused (Sec-Fetch-Site: " + site + ")");
        }
        String origin = request.header("Origin").orElse(null);
        if (origin != null) {
            String host = request.header("Host").orElse("");
            if (host.isEmpty() || !(origin.equalsIgnoreCase("http://" + host) || origin.equalsIgnoreCase("https://" + host))) {
                throw HttpError.forbidden("cross-origin request refused (Origin: " + origin + ")");
            }
        }
        String sent = request.header(HEADER).orElse("");
        if (!MessageDigest.isEqual(token, sent.getBytes(StandardCharsets.UTF_8))) {
            throw HttpError.forbidden(sent.isEmpty() ? "missing " + HEADER + " header; reload the page"
                    : "wrong " + HEADER + "; the server was restarted, reload the page");
        }
    }
}
