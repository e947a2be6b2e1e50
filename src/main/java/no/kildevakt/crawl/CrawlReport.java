package no.kildevakt.crawl;

import java.util.List;
import no.kildevakt.store.Outcome;

/**
 * The result of one crawl run, one {@link SourceReport} per configured source in feeds.yml order.
 *
 * @param networkDown true when most attempted sources failed to connect at all: the fault is
 *                    most likely ours, so the sources were not blamed for it
 */
public record CrawlReport(List<SourceReport> sources, boolean networkDown) {
    public CrawlReport {
        sources = List.copyOf(sources);
    }

    public int newItems() {
        return sources.stream().mapToInt(SourceReport::newItems).sum();
    }

    public long count(String status) {
        return sources.stream().filter(s -> s.outcome().status().equals(status)).count();
    }

    public long attempted() {
        return sources.stream().filter(s -> s.outcome() != Outcome.SKIPPED).count();
    }

    public boolean anyFailed() {
        return sources.stream().anyMatch(s -> s.outcome().isFailure());
    }

    public List<SourceReport> warnings() {
        return sources.stream().filter(s -> s.warning() != null && s.outcome() != Outcome.SKIPPED).toList();
    }
}
