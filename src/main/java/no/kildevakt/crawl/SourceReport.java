package no.kildevakt.crawl;

import java.time.Duration;
import no.kildevakt.store.Outcome;

/**
 * How one source fared in a crawl, for the summary, {@code crawl --json} and the exit code.
 *
 * @param sourceId  the source
 * @param outcome   what happened
 * @param newItems  items stored for the first time
 * @param seenItems items the source listed this round
 * @param error     one line naming the cause when the round failed, else null
 * @param warning   one line when the round worked but looks wrong (no items where there used to be some,
 *                  a permanent redirect to follow up), else null
 * @param took      wall time of the round
 */
public record SourceReport(String sourceId, Outcome outcome, int newItems, int seenItems, String error, String warning, Duration took) {
    public static SourceReport skipped(String sourceId, String why) {
        return new SourceReport(sourceId, Outcome.SKIPPED, 0, 0, null, why, Duration.ZERO);
    }

    /** The source could not be reached at all (network error or timeout), as opposed to answering wrongly. */
    public boolean unreachable() {
        return outcome == Outcome.NETWORK_ERROR || outcome == Outcome.TIMEOUT;
    }
}
