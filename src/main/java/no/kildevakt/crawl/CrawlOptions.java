package no.kildevakt.crawl;

import java.util.Set;

/**
 * Which sources a crawl takes.
 *
 * @param force   crawl every source, due or not, backing off or not
 * @param sources crawl exactly these (by id), due or not; empty means "every due source"
 */
public record CrawlOptions(boolean force, Set<String> sources) {
    public CrawlOptions {
        sources = Set.copyOf(sources);
    }

    public static CrawlOptions due() {
        return new CrawlOptions(false, Set.of());
    }
}
