package no.kildevakt.review.http;

/**
 * Headers every response carries, errors included. The page renders text from the open web; even
 * though all of it is escaped, the Content-Security-Policy is the second wall: no inline script, no
 * script or style from anywhere but this server, no plugins, no framing, no {@code <base>}, forms
 * only to this server. Pages and API answers change with every decision, so nothing is cached
 * unless a handler says otherwise (the static files do).
 */
public final class SecurityHeaders implements Filter {
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    public Response filter(Request request, Handler next) throws Exception {
        Response response = next.handle(request);
        return response
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Cross-Origin-Opener-Policy", "same-origin")
                .header("Cross-Origin-Resource-Policy", "same-origin")
                .headerIfAbsent("Cache-Control", "no-store");
    }
}
