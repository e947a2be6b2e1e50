package no.kildevakt.links;

import java.util.List;
import java.util.Objects;
import no.kildevakt.links.check.LinkResult;
import no.kildevakt.links.extract.LinkOccurrence;
import no.kildevakt.store.LinkRecords.LinkCheck;

/**
 * One distinct link of a run with everything a report says about it: the verdict, every place it
 * is cited (an editor fixing it must find them all), its history across runs, and where the
 * Wayback Machine still has it.
 *
 * @param result      the verdict, fresh or from the cache
 * @param occurrences every citation, in document order
 * @param history     its record across runs after this one; null when no store is used or it is skipped
 * @param archiveUrl  the latest archived snapshot (broken links with {@code --suggest-archive}); else null
 */
public record CheckedLink(LinkResult result, List<LinkOccurrence> occurrences, LinkCheck history, String archiveUrl) {
    public CheckedLink {
        Objects.requireNonNull(result, "result");
        occurrences = List.copyOf(occurrences);
    }

    public String url() {
        return result.url();
    }
}
