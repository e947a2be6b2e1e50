package no.kildevakt.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Takes what many threads produce and writes it on one thread of its own, what arrives within a short
 * linger in one batch (one transaction). Why: the crawl stores a round per source and the link check a
 * result per link, from many workers at once; a commit each rewrote the same index pages again and
 * again, and writing them all at the end left the network idle meanwhile ({@code bench/},
 * {@code bench/links/}). The crawl's {@code RoundWriter} and the link check's recorder are its two users.
 *
 * <p>The first failure of a write is kept: every later {@link #add} throws it, and so does {@link #finish}.
 * Anything else a write throws, down to an {@link Error}, is kept as a failure too, so that the producer
 * always hears of it. {@link #close} abandons what is still queued.
 *
 * @param <T> what is written
 */
public final class BatchWriter<T> implements AutoCloseable {
    /** Writes one batch, in one transaction. */
    @FunctionalInterface
    public interface Write<T> {
        void write(List<T> batch) throws StoreException;
    }

    private static final Object FINISH = new Object();

    /** Unbounded: its users add at most one element per source or per link. */
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final String what;
    private final Duration linger;
    private final int maxBatch;
    private final Write<T> write;
    private final Thread thread;
    /** Counted down by {@link #finish}: the last batch need not wait out the linger. */
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile StoreException failure;

    /**
     * Starts the writer's thread.
     *
     * @param what     what a batch holds, for the thread's name and a failure's message ("rounds")
     * @param linger   how long the first element of a batch waits for others
     * @param maxBatch at most this many elements in one batch
     * @param write    writes a batch
     */
    public BatchWriter(String what, Duration linger, int maxBatch, Write<T> write) {
        this.what = what;
        this.linger = linger;
        this.maxBatch = maxBatch;
        this.write = write;
        this.thread = new Thread(this::run, "store-" + what);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues {@code element}, never waiting.
     *
     * @throws StoreException the first failure of a write, once there was one
     */
    public void add(T element) throws StoreException {
        StoreException failed = failure;
        if (failed != null) {
            throw failed;
        }
        queue.add(element);
    }

    /**
     * Writes what is queued now, without waiting out the linger, and stops; waits at most {@code maxWait}
     * for that (zero: as long as it takes). What is added after this is not written.
     *
     * @throws StoreException the first failure of a write, if any
     */
    public void finish(Duration maxWait) throws StoreException, InterruptedException {
        queue.add(FINISH);
        finished.countDown();
        try {
            thread.join(maxWait.toMillis());
        } catch (InterruptedException e) {
            thread.interrupt();
            throw e;
        }
        StoreException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    /** Stops at once; what is queued is not written. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked") // the queue holds only Ts and FINISH
    private void run() {
        List<Object> taken = new ArrayList<>();
        try {
            boolean finishing = false;
            while (!finishing) {
                taken.add(queue.take());
                // a batch gathers without a wake-up per element; finish() cuts the wait short
                finished.await(linger.toNanos(), TimeUnit.NANOSECONDS);
                queue.drainTo(taken);
                int marker = taken.indexOf(FINISH);
                if (marker >= 0) {
                    // what was added after finish() queued its marker is not written, as finish() says
                    taken.subList(marker, taken.size()).clear();
                    finishing = true;
                }
                for (int from = 0; from < taken.size() && failure == null; ) {
                    int to = from + Math.min(maxBatch, taken.size() - from);
                    write((List<T>) List.copyOf(taken.subList(from, to)));
                    from = to;
                }
                taken.clear();
                if (failure != null) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed: what is queued stays unwritten
        }
    }

    private void write(List<T> batch) {
        try {
            write.write(batch);
        } catch (StoreException e) {
            failure = e;
        } catch (RuntimeException | Error e) {
            // the producer must hear of it: a writer that died quietly would leave its work unreported
            failure = new StoreException("storing " + batch.size() + " " + what + " failed: " + e, e);
        }
    }
}
