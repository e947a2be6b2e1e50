package no.kildevakt.links.check;

/**
 * Hears of each finished check, for a progress bar. Called from the checker's worker threads,
 * so implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface CheckListener {
    CheckListener NONE = (result, done, total) -> { };

    /**
     * @param result the finished check
     * @param done   how many distinct URLs are finished, this one included
     * @param total  how many distinct URLs this run checks
     */
    void checked(LinkResult result, int done, int total);
}
