package no.kildevakt.store;

import java.time.Instant;

/**
 * One row of the fetch log: what a single round of one source did. Kept so that the
 * {@code sources} command and the editors can see a source's history, not just its last state.
 *
 * @param id         row id, increasing with time
 * @param sourceId   the source
 * @param startedAt  when the round began
 * @param finishedAt when it ended, or null
 * @param outcome    how it went
 * @param httpStatus the final HTTP status, or 0 when none
 * @param newItems   items stored for the first time in this round
 * @param seenItems  items the round delivered (new or already known)
 * @param bytes      body bytes read
 * @param error      one-line error, or null
 * @param finalUrl   the URL that answered, or null
 */
public record FetchLogEntry(
        long id,
        String sourceId,
        Instant startedAt,
        Instant finishedAt,
        Outcome outcome,
        int httpStatus,
        int newItems,
        int seenItems,
        long bytes,
        String error,
        String finalUrl) {}
