package no.kildevakt.crawl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import no.kildevakt.store.Round;
import no.kildevakt.store.RoundResult;
import no.kildevakt.store.StoreException;

/**
 * Stores a crawl's rounds on a thread of its own, those that arrive within a short window in one
 * transaction. Why: a commit writes every page it changed to SQLite's write-ahead log, and twenty new
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

    private static final Object FINISH = new Object();

    /** Unbounded, yet never longer than the crawl's sources: each source submits at most one round. */
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Rounds rounds;
    private final Stored stored;
    private final Duration window;
    private final Thread thread;
    private volatile StoreException failure;

    /**
     * @param rounds how rounds are written (one transaction per call)
     * @param stored what is done with each batch: writing it through {@code rounds} under the crawl's own
     *               lock, and telling the listener
     * @param window how long a batch collects rounds
     */
    RoundWriter(Rounds rounds, Stored stored, Duration window) {
        this.rounds = rounds;
        this.stored = stored;
        this.window = window;
        this.thread = new Thread(this::run, "store");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a round, never waiting.
     *
     * @throws StoreException the writer's first failure, once it has failed
     */
    void submit(Pending pending) throws StoreException {
        StoreException failed = failure;
        if (failed != null) {
            throw failed;
        }
        queue.add(pending);
    }

    /**
     * Stores what is queued now, without waiting out the window, and stops; waits at most
     * {@code maxWait} for that (zero: as long as it takes). A round submitted after this is not stored.
     *
     * @throws StoreException the writer's first failure, if any
     */
    void finish(Duration maxWait) throws StoreException, InterruptedException {
        queue.add(FINISH);
        thread.join(maxWait.toMillis());
        StoreException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    /** Stops at once; what is queued is not stored (the crawl ran out of time, or failed). */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            boolean finishing = false;
            while (!finishing) {
                Object first = queue.take();
                if (first == FINISH) {
                    return;
                }
                List<Pending> batch = new ArrayList<>();
                batch.add((Pending) first);
                long deadline = System.nanoTime() + window.toNanos();
                while (batch.size() < MAX_BATCH) {
                    Object next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    } else if (next == FINISH) {
                        finishing = true;
                        drainInto(batch);
                        break;
                    }
                    batch.add((Pending) next);
                }
                store(batch);
                if (failure != null) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed: what is queued stays unstored
        }
    }

    /** What was queued before FINISH, in batches of at most {@value #MAX_BATCH}. */
    private void drainInto(List<Pending> batch) {
        Object next;
        while ((next = queue.poll()) != null) {
            batch.add((Pending) next);
            if (batch.size() >= MAX_BATCH) {
                store(List.copyOf(batch));
                batch.clear();
            }
        }
    }

    private void store(List<Pending> batch) {
        if (batch.isEmpty() || failure != null) {
            return;
        }
        try {
            stored.batch(batch, rounds);
        } catch (StoreException batchFailed) {
            if (batch.size() == 1) {
                failure = batchFailed;
                return;
            }
            // nothing of the batch was kept: each round alone, so only a round that cannot be stored is lost
            for (Pending one : batch) {
                try {
                    stored.batch(List.of(one), rounds);
                } catch (StoreException e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            // the crawl must hear of it: a writer that died quietly would leave sources without a report
            failure = new StoreException("storing the rounds of " + batch.size() + " sources failed: " + e, e);
        }
    }
}
