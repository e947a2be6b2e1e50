package no.kildevakt.crawl;

/**
 * Told as a crawl progresses, so a terminal can show a progress line while cron output stays quiet.
 * Called from crawler threads; implementations must be thread-safe.
 */
public interface CrawlListener {
    CrawlListener NONE = new CrawlListener() {};

    default void started(int sourcesToCrawl) {}

    default void finished(SourceReport report) {}
}
