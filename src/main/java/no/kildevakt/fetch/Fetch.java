package no.kildevakt.fetch;

/**
 * How a step reaches the web for one whole response: {@link Fetcher#fetch} in production, a lambda
 * in tests. The crawler, its readers, the enricher and the issue loader all depend on this and not on
 * {@link Fetcher}, so their tests need no server, and they all share one client's manners when run.
 */
@FunctionalInterface
public interface Fetch {
    /** The 2xx or 304 response to {@code request}; any other outcome is a {@link FetchException}. */
    FetchResponse fetch(FetchRequest request) throws FetchException;
}
