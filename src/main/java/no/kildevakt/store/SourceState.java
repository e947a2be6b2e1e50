package no.kildevakt.store;

import java.time.Instant;

/**
 * What the store remembers about one source between runs: validators for conditional
 * GET, health, and when it is next due. Fields are null when never set.
 *
 * @param etag                ETag of the last 200 response
 * @param lastModified        Last-Modified of the last 200 response
 * @param lastAttempt         when the last round started
 * @param lastSuccess         when a round last ended ok, empty or not modified
 * @param lastOutcome         the outcome of the last round
 * @param lastError           the one-line error of the last failed round (kept after later successes? no: cleared on success)
 * @param consecutiveFailures failed rounds in a row; drives the backoff
 * @param itemsLastTime       items the last successful parse yielded
 * @param itemsEver           the most items any parse of this source has yielded; a drop to zero from here is a warning
 * @param nextDue             not crawled before this instant unless forced (backoff, Retry-After)
 * @param movedTo             where the URL moved permanently, suggested to the editor
 */
public record SourceState(
        String sourceId,
        String etag,
        String lastModified,
        Instant lastAttempt,
        Instant lastSuccess,
        Outcome lastOutcome,
        String lastError,
        int consecutiveFailures,
        int itemsLastTime,
        int itemsEver,
        Instant nextDue,
        String movedTo) {

    /** Whether the source yielded no items last time, though it has yielded some before: its layout or URL may have changed. */
    public boolean wentQuiet() {
        return lastOutcome == Outcome.EMPTY && itemsEver > 0;
    }

    /** Why the editor should look at this source although it does not fail, or null. */
    public String warning() {
        if (wentQuiet()) {
            return "yielded no items, though it has yielded up to " + itemsEver + " before; its layout or URL may have changed";
        }
        return movedTo == null ? null : movedWarning(movedTo);
    }

    /** The warning for a source whose URL answered with a permanent redirect. */
    public static String movedWarning(String movedTo) {
        return "has moved permanently to " + movedTo + "; update feeds.yml";
    }

    /** The state of a source never crawled. */
    public static SourceState empty(String sourceId) {
        return new SourceState(sourceId, null, null, null, null, null, null, 0, 0, 0, null, null);
    }
}
