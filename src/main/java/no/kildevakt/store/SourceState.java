package no.kildevakt.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.kildevakt.text.OneLine;

/**
 * What the store remembers about one source between runs: validators for conditional
 * GET, health, and when it is next due. Fields are null when never set. How a state is judged
 * and worded for the editor ("quiet", "has moved") is {@code crawl.HealthRules}'s.
 *
 * @param etag                ETag of the last 200 response
 * @param lastModified        Last-Modified of the last 200 response
 * @param lastAttempt         when the last round started
 * @param lastSuccess         when a round last ended ok, empty or not modified
 * @param lastOutcome         the outcome of the last round
 * @param lastError           after a failed round, its one-line error; after a round that did not fail, the
 *                            warnings of that round (one per line, see {@link #roundWarnings()}) or null. One
 *                            column serves both because a round either failed or had warnings worth keeping;
 *                            read it through {@link #error()} and {@link #roundWarnings()}
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

    /** Longest warning kept. */
    static final int MAX_WARNING_CHARS = 500;

    /** Most warnings kept for a round; the rest are counted in the last line. */
    public static final int MAX_KEPT_WARNINGS = 10;

    /** The error of the last round when it failed, else null. */
    public String error() {
        return failed() ? lastError : null;
    }

    /**
     * The warnings of the last round that did not fail (a listing whose items mostly lack dates,
     * items a reader skipped, pages enrichment could not read), one line each; empty after a
     * failure or when there were none.
     */
    public List<String> roundWarnings() {
        if (failed() || lastError == null || lastError.isBlank()) {
            return List.of();
        }
        return lastError.lines().filter(l -> !l.isBlank()).toList();
    }

    private boolean failed() {
        return lastOutcome != null && lastOutcome.isFailure();
    }

    /**
     * How a round's warnings are kept in the {@code lastError} column: one per line, at most
     * {@value #MAX_KEPT_WARNINGS}; null when there are none.
     */
    public static String keptWarnings(List<String> warnings) {
        List<String> lines = warnings.stream().map(w -> OneLine.of(w, MAX_WARNING_CHARS)).filter(w -> !w.isBlank()).distinct().toList();
        if (lines.isEmpty()) {
            return null;
        }
        if (lines.size() > MAX_KEPT_WARNINGS) {
            List<String> kept = new ArrayList<>(lines.subList(0, MAX_KEPT_WARNINGS - 1));
            kept.add("… and " + (lines.size() - MAX_KEPT_WARNINGS + 1) + " more warning(s)");
            lines = kept;
        }
        return String.join("\n", lines);
    }

    /** The state of a source never crawled. */
    public static SourceState empty(String sourceId) {
        return new SourceState(sourceId, null, null, null, null, null, null, 0, 0, 0, null, null);
    }
}
