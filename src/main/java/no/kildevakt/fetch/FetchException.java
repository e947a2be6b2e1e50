package no.kildevakt.fetch;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * A fetch that produced no usable body. {@link Kind} says why precisely enough for the
 * crawler to choose an outcome (blocked, gone, timeout ...) without parsing messages.
 * The message is one line naming the URL and the cause.
 */
public final class FetchException extends IOException {

    /** Why a fetch failed. */
    public enum Kind {
        /** robots.txt disallows the URL for our User-Agent. */
        ROBOTS_DISALLOWED,
        /** 401, 403, 429 (after honouring Retry-After), 999, or a bot-challenge page. */
        BLOCKED,
        /** 404 or 410. */
        GONE,
        /** Any other 4xx. */
        CLIENT_ERROR,
        /** 5xx after retries. */
        SERVER_ERROR,
        /** Connect, read or call timeout after retries. */
        TIMEOUT,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** The connection was refused or reset. */
        CONNECTION_FAILED,
        /** The TLS handshake failed. */
        TLS,
        /** A redirect led back to a URL already visited. */
        REDIRECT_LOOP,
        /** More redirects than settings.max_redirects. */
        TOO_MANY_REDIRECTS,
        /** The body exceeded settings.max_body (counted after decompression). */
        TOO_LARGE,
        /**
         * Refused by us, not the site: a redirect or a linked page would have taken a request from a public
         * address to a loopback, link-local or private one ({@link PrivateNetworkRule}).
         */
        PRIVATE_ADDRESS,
        /** Any other I/O problem (malformed response, bad gzip ...). */
        IO
    }

    private final Kind kind;
    private final URI url;
    private final int httpStatus;
    private final Duration retryAfter;

    public FetchException(Kind kind, URI url, int httpStatus, Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.url = url;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public FetchException(Kind kind, URI url, String message) {
        this(kind, url, 0, null, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public URI url() {
        return url;
    }

    /** The cause alone: the message without the URL it starts with, for callers that name the URL their own way. */
    public String reason() {
        String message = getMessage() == null ? "" : getMessage();
        String prefix = url + ": ";
        return url != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** The last HTTP status seen, or 0 when no response came. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The server's Retry-After when it sent one, else null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** True for failures that say more about our network than about the source. */
    public boolean isNetworkFailure() {
        return kind == Kind.UNKNOWN_HOST || kind == Kind.CONNECTION_FAILED || kind == Kind.TIMEOUT;
    }
}
