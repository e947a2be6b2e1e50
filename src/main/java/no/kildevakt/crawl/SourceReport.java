package no.kildevakt.crawl;

import java.time.Duration;
import java.util.List;
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
 *                  a permanent redirect to follow up, a listing whose items lost their dates, items a
 *                  reader skipped): the source id and every warning joined by "; "; else null. For a
 *                  skipped source, why it was skipped
 * @param took      wall time of the round
 * @param warnings  the same warnings one by one, without the source id; empty when there are none
 */
public record SourceReport(String sourceId, Outcome outcome, int newItems, int seenItems, String error, String warning, Duration took,
        List<String> warnings) {

    public SourceReport {
        warnings = List.copyOf(warnings);
    }

    /** A report whose warning, if any, is not broken down. */
    public SourceReport(String sourceId, Outcome outcome, int newItems, int seenItems, String error, String warning, Duration took) {
        this(sourceId, outcome, newItems, seenItems, error, warning, took, List.of());
    }

    public static SourceReport skipped(String sourceId, String why) {
        return new SourceReport(sourceId, Outcome.SKIPPED, 0, 0, null, why, Duration.ZERO);
    }

    /** The source could not be reached at all (network error or timeout), as opposed to answering wrongly. */
    public boolean unreachable() {
        return outcome == Outcome.NETWORK_ERROR || outcome == Outcome.TIMEOUT;
    }
}
