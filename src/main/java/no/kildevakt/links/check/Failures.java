package no.kildevakt.links.check;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Map;
import no.kildevakt.fetch.FetchFailures;
import no.kildevakt.store.LinkStatus;

/**
 * Turns the many I/O exceptions of a request into a verdict and a short cause. The line between
 * broken and error is the editor's question "is this link dead?": a host that does not exist or
 * refuses connections is dead; a timeout or a TLS failure says nothing certain.
 */
final class Failures {
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"), Map.entry(303, "See Other"),
            Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
            Map.entry(408, "Request Timeout"), Map.entry(410, "Gone"), Map.entry(429, "Too Many Requests"),
            Map.entry(451, "Unavailable For Legal Reasons"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"), Map.entry(999, "Request Denied"));

    private Failures() {}

    /** "HTTP 404 Not Found": the standard reason, so reports do not depend on a server's wording. */
    static String statusLine(int code) {
        String reason = REASONS.get(code);
        return reason == null ? "HTTP " + code : "HTTP " + code + " " + reason;
    }

    /** The verdict for a request that failed with {@code e}. */
    static LinkStatus statusOf(IOException e) {
        if (e instanceof UnknownHostException || e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return LinkStatus.BROKEN;
        }
        return LinkStatus.ERROR;
    }

    /** A timeout, as opposed to an interrupt (also an InterruptedIOException). */
    static boolean isTimeout(IOException e) {
        return FetchFailures.isTimeout(e);
    }

    /**
     * What the crawler would ask again, except a refused connection or an unreachable route: for a
     * cited link the answer would be the same, and an editor is waiting.
     */
    static boolean isRetryable(IOException e) {
        return !(e instanceof ConnectException || e instanceof NoRouteToHostException) && FetchFailures.isRetryable(e);
    }

    /**
     * "unknown host x.invalid", "connection refused", "timed out", "TLS failure: ...": the crawler's
     * words ({@link FetchFailures#describe}), shorter where a link report needs no more: a timeout
     * without the JDK's detail, a refused connection without the address it tried.
     */
    static String describe(IOException e) {
        if (isTimeout(e)) {
            return "timed out";
        }
        if (e instanceof ConnectException && String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("refused")) {
            return "connection refused";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        return FetchFailures.describe(e);
    }
}
