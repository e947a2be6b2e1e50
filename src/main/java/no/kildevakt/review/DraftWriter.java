package no.kildevakt.review;

import no.kildevakt.digest.Digest;

/**
 * Writes the draft of the next issue from the entries chosen for it (a {@link Digest} holding only
 * them, in the newsletter's order). The review page shows, copies and downloads what this writes, so
 * it is the same text {@code kildevakt draft} prints.
 */
@FunctionalInterface
public interface DraftWriter {
    String write(Digest draft, DraftFormat format);
}
