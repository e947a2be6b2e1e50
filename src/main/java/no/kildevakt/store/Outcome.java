package no.kildevakt.store;

/**
 * How one source's round went. Recorded in the fetch log and the source's state, and
 * reported by {@code crawl} and {@code sources}.
 */
public enum Outcome {
    /** Fetched and parsed, with at least one item. */
    OK(false),
    /** 304: nothing changed since the last round. */
    NOT_MODIFIED(false),
    /** Fetched and parsed, but no items: the layout may have changed. A warning, not a failure. */
    EMPTY(false),
    /** 401/403/429/999, a bot-challenge page, or robots.txt forbids it. */
    BLOCKED(true),
    /** 404/410: the URL is gone. */
    GONE(true),
    /** 5xx after retries, or another unexpected HTTP status. */
    SERVER_ERROR(true),
    /** No answer in time after retries. */
    TIMEOUT(true),
    /** Unknown host, refused connection, TLS or other network trouble. */
    NETWORK_ERROR(true),
    /** The body was not a readable feed (garbage, HTML, too large ...). */
    PARSE_ERROR(true),
    /** Not attempted this run (not due, or backing off after failures). */
    SKIPPED(false);

    private final boolean failure;

    Outcome(boolean failure) {
        this.failure = failure;
    }

    /** True for outcomes that count as a failed source (exit code 1, backoff). */
    public boolean isFailure() {
        return failure;
    }

    /** The lowercase name used in JSON and the database, e.g. {@code not_modified}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The coarse status of DESIGN.md's {@code crawl --json}: ok, not_modified, failed or skipped. */
    public String status() {
        if (failure) {
            return "failed";
        }
        return switch (this) {
            case NOT_MODIFIED -> "not_modified";
            case SKIPPED -> "skipped";
            default -> "ok";
        };
    }

    public static Outcome fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
