package no.kildevakt.review.http;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK server's executor, with a deadline on every wait for the client.
 *
 * <p>The JDK's {@code HttpServer} hands a connection to its executor as soon as the first bytes of a
 * request arrive, and the request line and headers are then read on that executor thread, in blocking
 * mode, with no time limit. A client that sends half a request holds a thread for as long as it keeps
 * the connection open, so a handful of them once stopped the server for everyone, before any token
 * was checked. The JDK's only remedy is its {@code sun.net.httpserver.maxReqTime} system property:
 * JVM-wide, read once when the server class first loads (so not settable per server, nor reliably from
 * code or tests), and in whole seconds.
 *
 * <p>Instead each exchange runs under a watch: until the handler is reached (the headers are in) the
 * thread may wait for the client at most {@code timeout}, counted from when the connection was handed
 * over, so time spent queued behind stalled clients counts too; the handler arms it again around the
 * body read and the answer's write. When a wait runs out the thread is interrupted, and since the
 * socket is an interruptible channel the interrupt closes it: the blocked read ends, the JDK drops the
 * connection, the thread is free. The handler's own work (database, a re-crawl) is never interrupted:
 * the watch is disarmed while it runs.
 */
final class IoDeadlines implements Executor, AutoCloseable {
    private final Duration timeout;
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadLocal<Watch> current = new ThreadLocal<>();

    IoDeadlines(int threads, Duration timeout) {
        this.timeout = timeout;
        AtomicInteger n = new AtomicInteger();
        // unbounded queue: a connection past the threads waits its turn, and its deadline keeps running
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "kildevakt-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "kildevakt-http-deadlines");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable exchange) {
        long handedOver = System.nanoTime();
        workers.execute(() -> run(exchange, handedOver));
    }

    private void run(Runnable exchange, long handedOver) {
        Watch watch = new Watch(Thread.currentThread());
        current.set(watch);
        try {
            watch.arm(timeout.toNanos() - (System.nanoTime() - handedOver));
            exchange.run();
        } finally {
            watch.finish();
            current.remove();
        }
    }

    /**
     * Stops the clock on this thread's exchange: the handler's own work starts.
     *
     * @throws IOException when the deadline ran out first (the connection is closed already)
     */
    void disarm() throws IOException {
        Watch watch = current.get();
        if (watch != null) {
            watch.disarm();
        }
    }

    /** Starts the clock again for a wait on the client (reading the body, writing the answer). */
    void arm() {
        Watch watch = current.get();
        if (watch != null) {
            watch.arm(timeout.toNanos());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One exchange's clock. The interrupt happens under the lock, so it cannot reach the thread's next exchange. */
    private final class Watch {
        private final Thread thread;
        private ScheduledFuture<?> alarm;
        /** Counts arms, so an alarm that fires after it was replaced or cancelled does nothing. */
        private long armed;
        private boolean expired;
        private boolean finished;

        Watch(Thread thread) {
            this.thread = thread;
        }

        synchronized void arm(long nanos) {
            if (expired || finished) {
                return;
            }
            cancel();
            if (nanos <= 0) {
                expire();
            } else {
                long arm = armed;
                try {
                    alarm = timer.schedule(() -> fire(arm), nanos, TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException closing) {
                    expire(); // the server is closing: no more waiting on anyone
                }
            }
        }

        private synchronized void fire(long arm) {
            if (!finished && !expired && alarm != null && arm == armed) {
                expire();
            }
        }

        private void expire() {
            expired = true;
            alarm = null;
            thread.interrupt();
        }

        synchronized void disarm() throws IOException {
            cancel();
            if (expired) {
                throw new IOException("the client took longer than " + timeout.toMillis() + " ms");
            }
        }

        synchronized void finish() {
            finished = true;
            cancel();
            Thread.interrupted(); // an interrupt meant for this exchange ends with it
        }

        private void cancel() {
            armed++;
            if (alarm != null) {
                alarm.cancel(false);
                alarm = null;
            }
        }
    }
}
