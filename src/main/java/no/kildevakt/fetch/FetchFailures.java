package no.kildevakt.fetch;

import no.kildevakt.text.OneLine;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLException;
import no.kildevakt.fetch.FetchException.Kind;
import okhttp3.Interceptor;

/**
 * One place that turns Java's and OkHttp's many I/O exceptions into a {@link Kind} and a short
 * one-line cause, so the crawler's outcome and the editor's error message never depend on which
 * layer happened to notice the problem.
 */
public final class FetchFailures {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(300, "Multiple Choices"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
            Map.entry(303, "See Other"), Map.entry(305, "Use Proxy"),
            Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"), Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"),
            Map.entry(410, "Gone"), Map.entry(412, "Precondition Failed"), Map.entry(414, "URI Too Long"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(418, "I'm a teapot"),
            Map.entry(429, "Too Many Requests"), Map.entry(451, "Unavailable For Legal Reasons"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"), Map.entry(999, "Request Denied"));

    private FetchFailures() {}

    /** "HTTP 503 Service Unavailable", with the standard reason so messages do not depend on the server's wording. */
    static String statusLine(int code, String serverReason) {
        String reason = REASONS.get(code);
        if (reason == null) {
            reason = serverReason == null ? "" : oneLine(serverReason).strip();
        }
        return reason.isEmpty() ? "HTTP " + code : "HTTP " + code + " " + reason;
    }

    /** The kind for a final HTTP status that is neither 2xx nor 304. */
    static Kind kindForStatus(int code) {
        if (code == 401 || code == 403 || code == 429 || code == 999) {
            return Kind.BLOCKED;
        }
        if (code == 404 || code == 410) {
            return Kind.GONE;
        }
        if (code >= 400 && code < 500) {
            return Kind.CLIENT_ERROR;
        }
        if (code >= 500 && code < 600) {
            return Kind.SERVER_ERROR;
        }
        return Kind.IO; // a 3xx without a usable Location, or a status outside HTTP's classes
    }

    /** The kind for an exception thrown while fetching. */
    static Kind kindOf(IOException e) {
        if (e instanceof FetchException fe) {
            return fe.kind();
        }
        if (e instanceof UnknownHostException) {
            return Kind.UNKNOWN_HOST;
        }
        if (isTimeout(e)) {
            return Kind.TIMEOUT;
        }
        if (e instanceof SSLException) {
            return Kind.TLS;
        }
        if (e instanceof ConnectException || e instanceof SocketException) {
            return Kind.CONNECTION_FAILED; // refused, reset, no route, broken pipe
        }
        return Kind.IO;
    }

    /** A socket, read or call timeout — as opposed to a thread interrupt, which is also an InterruptedIOException. */
    public static boolean isTimeout(IOException e) {
        return e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
    }

    /**
     * Whether the same request may succeed when sent again: timeouts, refused or reset connections
     * and connections closed mid-response. Never for our own policy failures, unknown hosts, TLS
     * problems or interrupts, which another attempt would only repeat.
     */
    public static boolean isRetryable(IOException e) {
        if (e instanceof FetchException || e instanceof UnknownHostException || e instanceof SSLException) {
            return false;
        }
        if (e instanceof InterruptedIOException) {
            return isTimeout(e);
        }
        if (e instanceof SocketException || e instanceof EOFException) {
            return true;
        }
        String message = e.getMessage();
        return message != null && message.startsWith("unexpected end of stream");
    }

    /**
     * A short, one-line cause for an exception, e.g. "unknown host feeds.example.invalid"; the link
     * checker words a few causes shorter and leaves the rest to this.
     */
    public static String describe(IOException e) {
        if (e instanceof FetchException) {
            return oneLine(e.getMessage());
        }
        String message = e.getMessage() == null ? "" : oneLine(e.getMessage());
        if (e instanceof UnknownHostException) {
            return "unknown host" + (message.isEmpty() ? "" : " " + message.replaceFirst(":.*", ""));
        }
        if (isTimeout(e)) {
            return "timed out" + (message.isEmpty() || message.equals("timeout") ? "" : " (" + message + ")");
        }
        if (e instanceof SSLException tls) {
            return TlsFailures.describe(tls);
        }
        if (e instanceof ConnectException) {
            return "connection failed: " + message;
        }
        String type = e.getClass().getSimpleName();
        return message.isEmpty() ? type : type + ": " + message;
    }

    /** The exception for an I/O failure of a whole fetch of {@code url}. */
    static FetchException fromIOException(URI url, IOException e, int attempts) {
        if (e instanceof FetchException fe) {
            return fe;
        }
        String cause = describe(e) + afterAttempts(attempts);
        return new FetchException(kindOf(e), url, 0, null, url + ": " + cause, e);
    }

    static String afterAttempts(int attempts) {
        return attempts > 1 ? " after " + attempts + " attempts" : "";
    }

    /**
     * An exception raised inside an interceptor, worded against the URL the caller asked for
     * (not the redirect hop it happened at), so all messages of one fetch start alike.
     */
    static FetchException interceptorFailure(Interceptor.Chain chain, Kind kind, int httpStatus, String cause) {
        var requested = chain.call().request().url();
        return new FetchException(kind, requested.uri(), httpStatus, null, requested + ": " + oneLine(cause), null);
    }

    /** "10 MB", "512 KB", "300 bytes": limits as people write them in feeds.yml. */
    static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    static String oneLine(String text) {
        return OneLine.of(text);
    }
}
