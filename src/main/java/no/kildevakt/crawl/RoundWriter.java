package no.kildevakt.crawl;

import java.time.Duration;
import java.util.List;
import no.kildevakt.store.BatchWriter;
import no.kildevakt.store.Round;
import no.kildevakt.store.RoundResult;
import no.kildevakt.store.StoreException;

/**
 * Stores a crawl's rounds on a thread of its own ({@link BatchWriter}), those that arrive within a short
 * window in one transaction. Why: a commit writes every page it changed to SQLite's write-ahead log, and twenty new
 * items change pages across all the items' indexes; with a transaction per source a first crawl of 500
 * feeds wrote 60,000 times and spent 3% of its CPU committing ({@code bench/}). Why a thread: a round
 * used to be stored by the worker that read it, so a batch would have held a core worker that the next
 * feed's parsing waits for.
 *
 * <p>A kill loses at most the rounds of the last window: not their items for good, since a source whose
 * round was not stored keeps its old state and is fetched in full next time. A batch that cannot be
 * written is written again a round at a time, so one bad round takes no other with it; the first failure
 * is kept, every later {@link #submit} throws it, and {@link #finish} throws it, which ends the crawl as a
 * failing store always has.
 */
final class RoundWriter implements AutoCloseable {
    /** How long the first round of a batch waits for others. */
    static final Duration WINDOW = Duration.ofMillis(100);
    /**
     * At most this many rounds in one transaction, so that the pages it changes stay in SQLite's page
     * cache: batches of 64 wrote a tenth less than batches of 16 but read half as much again back from
     * the disk (a first crawl of bench/, system calls counted with strace).
     */
    static final int MAX_BATCH = 16;

    /** Writes rounds to the store and reports what each did, as {@code store.items()} does. */
    interface Rounds {
        List<RoundResult> write(List<Round> rounds) throws StoreException;
    }

    /** Stores a batch through {@code rounds} and tells of it; the crawl decides whether it is still to be stored. */
    interface Stored {
        void batch(List<Pending> batch, Rounds rounds) throws StoreException;
    }

    /**
     * A round waiting to be stored, with what to make of the result.
     *
     * @param report the source's report, once the store says how many items were new
     */
    record Pending(Round round, Report report) {}

    /** What a stored round is reported as. */
    @FunctionalInterface
    interface Report {
        SourceReport of(RoundResult stored);
    }

    private final Rounds rounds;
    private final Stored stored;
    private final BatchWriter<Pending> writer;

    /**
     * @param rounds how rounds are written (one transaction per call)
     * @param stored what is done with each batch: writing it through {@code rounds} under the crawl's own
     *               lock, and telling the listener
     * @param window how long a batch collects rounds
     */
    RoundWriter(Rounds rounds, Stored stored, Duration window) {
        this.rounds = rounds;
        this.stored = stored;
        this.writer = new BatchWriter<>("rounds", window, MAX_BATCH, this::store);
    }

    /**
     * Queues a round, never waiting.
     *
     * @throws StoreException the writer's first failure, once it has failed
     */
    void submit(Pending pending) throws StoreException {
        writer.add(pending);
    }

    /**
     * Stores what is queued now, without waiting out the window, and stops; waits at most
     * {@code maxWait} for that (zero: as long as it takes). A round submitted after this is not stored.
     *
     * @throws StoreException the writer's first failure, if any
     */
    void finish(Duration maxWait) throws StoreException, InterruptedException {
        writer.finish(maxWait);
    }

    /** Stops at once; what is queued is not stored (the crawl ran out of time, or failed). */
    @Override
    public void close() {
        writer.close();
    }

    private void store(List<Pending> batch) throws StoreException {
        try {
            stored.batch(batch, rounds);
        } catch (StoreException batchFailed) {
            if (batch.size() == 1) {
                throw batchFailed;
            }
            // nothing of the batch was kept: each round alone, so only a round that cannot be stored is lost
            StoreException first = null;
            for (Pending one : batch) {
                try {
                    stored.batch(List.of(one), rounds);
                } catch (StoreException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }
}
