package no.kildevakt.fetch;

import no.kildevakt.config.Settings;

/**
 * The one way kildevakt talks HTTP: a single shared OkHttp client whose politeness
 * (User-Agent, robots.txt, per-host pacing, retries, Retry-After, redirects, body cap)
 * is built from interceptors, so every caller — crawler, enricher, link checker — gets
 * the same manners.
 */
public final class Fetcher implements AutoCloseable {
    public Fetcher(Settings settings) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Fetches one URL. Returns 2xx or 304; anything else is a {@link FetchException}. */
    public FetchResponse fetch(FetchRequest request) throws FetchException {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public void close() {}
}
