package no.kildevakt.links.check;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * At most N requests in flight per host, and an optional pause per slot between the end of one
 * request and the start of the next on it. The crawler's pacer allows one per host with seconds
 * between; a link check is one request per cited URL, so a couple in parallel (a browser opens
 * six) with little or no pause is still polite and far quicker.
 *
 * <p>Each host has its own monitor, so waiting for one host never blocks another. Slots are kept
 * per host name contacted in this run (a few dozen bytes each) and die with the checker.
 */
final class HostLimiter {
    private final int perHost;
    private final long delayNanos;
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

    HostLimiter(int perHost, Duration delay) {
        this.perHost = perHost;
        this.delayNanos = Math.max(0, delay.toNanos());
    }

    /**
     * Blocks until {@code host} has a free slot whose pause has passed, then takes it.
     *
     * @return the slot, to hand back to {@link #release}
     */
    int acquire(String host) throws InterruptedException {
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

    /** Gives a slot back; its pause starts now. */
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
