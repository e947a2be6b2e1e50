package no.kildevakt.store;

import java.time.Instant;
import java.util.List;
import no.kildevakt.item.Item;

/**
 * One source's round, as written to the store in a single transaction: the items found
 * (empty unless the outcome is OK), the new state, and the fetch-log row.
 *
 * @param sourceId   the source
 * @param section    the source's section, stored with new items
 * @param startedAt  when the round began
 * @param finishedAt when it ended
 * @param outcome    how it went
 * @param httpStatus the final HTTP status, or 0 when none
 * @param error      one-line error, or null
 * @param finalUrl   the URL that answered, or null
 * @param bytes      body bytes read
 * @param items      the items parsed (already normalised)
 * @param newState   the source's state after this round
 */
public record Round(
        String sourceId,
        String section,
        Instant startedAt,
        Instant finishedAt,
        Outcome outcome,
        int httpStatus,
        String error,
        String finalUrl,
        long bytes,
        List<Item> items,
        SourceState newState) {

    public Round {
        items = List.copyOf(items);
    }
}
