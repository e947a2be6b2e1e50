package no.kildevakt.store;

/**
 * What storing a round did.
 *
 * @param newItems     items stored for the first time
 * @param updatedItems items already known (from this or another source) whose record was refreshed
 */
public record RoundResult(int newItems, int updatedItems) {}
