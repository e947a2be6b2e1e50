package no.kildevakt.review;

import no.kildevakt.crawl.SourceReport;
import no.kildevakt.store.StoreException;

/**
 * Crawls one source now, on the editor's request from the sources view, under the same crawl lock
 * as {@code kildevakt crawl} so it never runs beside a cron crawl on the same database.
 */
@FunctionalInterface
public interface Recrawler {
    /**
     * @throws Busy          when another crawl holds the lock
     * @throws StoreException when the database fails
     */
    SourceReport recrawl(String sourceId) throws Busy, StoreException;

    /** Another crawl holds the lock; try again later. */
    final class Busy extends Exception {
        public Busy(String message) {
            super(message, null, false, false);
        }
    }
}
