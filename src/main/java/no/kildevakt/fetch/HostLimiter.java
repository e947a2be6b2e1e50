package no.kildevakt.fetch;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Politeness per host: at most N requests in flight to a host, and a pause on each slot between the
 * end of one request and the start of the next on it. One class for both errands, each with its own
 * values: the crawler asks for one slot per host with seconds between (a robots.txt Crawl-delay can
 * lengthen the pause per request); a link check is one request per cited URL, so a couple in
 * parallel (a browser opens six) with little or no pause is still polite and far quicker.
 *
 * <p>Each host has its own monitor, so a thread waiting for a busy host never holds a lock another
 * host needs; different hosts proceed fully in parallel. One entry is kept per host name ever
 * contacted (a few dozen bytes each) and dies with the client; there is no eviction, because
 * dropping an entry while a slot is held would let another request through.
 */
final class HostLimiter {
    private final int perHost;
    private final ConcurrentMap<String, Host> hosts = new ConcurrentHashMap<>();

    /** The slots of one host: busy or not, and when each was last freed (0: never used). */
    private static final class Host {
        final boolean[] busy;
        final long[] freedAt;

        Host(int slots) {
            busy = new boolean[slots];
            freedAt = new long[slots];
        }
    }

    /** @param perHost requests in flight at once to one host, at least 1 */
    HostLimiter(int perHost) {
        if (perHost < 1) {
            throw new IllegalArgumentException("at least one request per host, was " + perHost);
        }
        this.perHost = perHost;
    }

    /**
     * Blocks until {@code host} has a free slot on which at least {@code delay} has passed since its
     * last request ended, then takes it. Every successful call must be followed by one {@link #release}.
     *
     * @return the slot, to hand back to {@link #release}
     */
    int acquire(String host, Duration delay) throws InterruptedException {
        long delayNanos = Math.max(0, delay.toNanos());
        Host h = hosts.computeIfAbsent(host, k -> new Host(perHost));
        synchronized (h) {
            while (true) {
                long now = System.nanoTime();
                long shortestWait = Long.MAX_VALUE;
                for (int slot = 0; slot < perHost; slot++) {
                    if (h.busy[slot]) {
                        continue;
                    }
                    long wait = h.freedAt[slot] == 0 ? 0 : h.freedAt[slot] + delayNanos - now;
                    if (wait <= 0) {
                        h.busy[slot] = true;
                        return slot;
                    }
                    shortestWait = Math.min(shortestWait, wait);
                }
                if (shortestWait == Long.MAX_VALUE) {
                    h.wait();
                } else {
                    TimeUnit.NANOSECONDS.timedWait(h, shortestWait);
                }
            }
        }
    }

    /** Gives a slot back; the pause before its next request is measured from now. */
    void release(String host, int slot) {
        Host h = hosts.get(host);
        if (h == null) {
            throw new IllegalStateException("release without acquire: " + host);
        }
        synchronized (h) {
            h.busy[slot] = false;
            h.freedAt[slot] = Math.max(1, System.nanoTime());
            h.notifyAll();
        }
    }
}
