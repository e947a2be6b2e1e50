package no.kildevakt.fetch;

import java.time.Instant;
import java.util.Optional;

/**
 * Where robots.txt answers outlive the process. A crawl from cron lives seconds, so an
 * in-memory cache alone would fetch every host's robots.txt on every run; RFC 9309 lets a
 * crawler keep an answer for a day, and an archive lets it actually do so.
 *
 * <p>Only answers that say something about the site are archived (2xx with its rules, 4xx for
 * "no robots.txt"); 5xx and network failures are kept in memory briefly and never archived.
 * Implementations must be thread-safe and must not throw: a broken archive only costs a fetch.
 */
public interface RobotsArchive {

    /** No archive: robots.txt answers live as long as the process. */
    RobotsArchive NONE = new RobotsArchive() {
        @Override
        public Optional<Entry> load(String origin) {
            return Optional.empty();
        }

        @Override
        public void save(String origin, Entry entry) {}
    };

    /** The archived answer for an origin ({@code scheme://host:port}), however old; empty when none. */
    Optional<Entry> load(String origin);

    /** Archives the answer for an origin, replacing an older one. */
    void save(String origin, Entry entry);

    /**
     * One robots.txt answer.
     *
     * @param status      the HTTP status (2xx or 4xx)
     * @param contentType the Content-Type of a 2xx body, or null
     * @param body        the body (at most the robots.txt read limit) for 2xx; empty for 4xx
     * @param fetchedAt   when it was fetched
     */
    record Entry(int status, String contentType, byte[] body, Instant fetchedAt) {}
}
