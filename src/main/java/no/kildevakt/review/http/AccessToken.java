package no.kildevakt.review.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The shared secret a non-loopback server demands of every request, static files included: anyone
 * on the network could otherwise read and decide items. The editor opens {@code /?token=SECRET} once;
 * the server answers with an HttpOnly, SameSite=Strict cookie and sends the browser on to the same
 * address without the token (so it stays out of history and screenshots). Scripts may send
 * {@code Authorization: Bearer SECRET} instead.
 */
public final class AccessToken implements Filter {
    public static final String COOKIE = "kildevakt_access";

    /** At least this long and cookie-safe: a token is typed once and then lives in a cookie. */
    public static final Pattern VALID = Pattern.compile("[A-Za-z0-9._~+/=-]{16,}");
    private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9/._-]*");

    private final byte[] secret;

    /** @throws IllegalArgumentException when the secret is not {@link #VALID} */
    public AccessToken(String secret) {
        if (secret == null || !VALID.matcher(secret).matches()) {
            throw new IllegalArgumentException("an access token must be at least 16 characters of A-Z a-z 0-9 . _ ~ + / = -");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Response filter(Request request, Handler next) throws Exception {
        var login = request.param("token");
        if (login.isPresent() && request.method().equals("GET")) {
            if (!matches(login.get())) {
                throw HttpError.forbidden("wrong access token");
            }
            return Response.seeOther(withoutToken(request))
                    .header("Set-Cookie", COOKIE + "=" + login.get() + "; Path=/; HttpOnly; SameSite=Strict");
        }
        String presented = request.cookie(COOKIE)
                .or(() -> request.header("Authorization")
                        .filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7))
                        .map(a -> a.substring(7).strip()))
                .orElse(null);
        if (presented == null) {
            throw HttpError.forbidden("this server needs its access token: open it once as /?token=… (KILDEVAKT_SERVE_TOKEN)");
        }
        if (!matches(presented)) {
            throw HttpError.forbidden("wrong access token");
        }
        return next.handle(request);
    }

    private boolean matches(String presented) {
        return MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The request's path and query without {@code token}, re-encoded. */
    private static String withoutToken(Request request) {
        String rest = request.query().entrySet().stream()
                .filter(e -> !e.getKey().equals("token"))
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        // only a plain path goes back into Location: nothing to smuggle a header or another host in
        String path = PLAIN_PATH.matcher(request.path()).matches() && !request.path().startsWith("//") ? request.path() : "/";
        return rest.isEmpty() ? path : path + "?" + rest;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
