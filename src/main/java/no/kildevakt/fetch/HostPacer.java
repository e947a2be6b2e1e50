package no.kildevakt.fetch;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Politeness per host: at most one request in flight to a host, and a pause between the end of
 * one request and the start of the next. Each host has its own monitor, so a thread waiting for
 * a busy host never holds a lock another host needs; different hosts proceed fully in parallel.
 *
 * <p>One slot is kept per host name ever contacted (a few dozen bytes each); there is no eviction,
 * because dropping a slot while it is held would let a second request through.
 */
final class HostPacer {

    private static final class Slot {
        boolean busy;
        boolean used;
        long releasedAtNanos;
    }

    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

    /**
     * Blocks until {@code host} is free and at least {@code delay} has passed since its last
     * request ended, then claims it. Every successful call must be followed by one {@link #release}.
     */
    void acquire(String host, Duration delay) throws InterruptedException {
        Slot slot = slots.computeIfAbsent(host, k -> new Slot());
        long delayNanos = Math.max(0, delay.toNanos());
        synchronized (slot) {
            while (true) {
                if (slot.busy) {
                    slot.wait();
                    continue;
                }
                long waitNanos = slot.used ? slot.releasedAtNanos + delayNanos - System.nanoTime() : 0;
                if (waitNanos <= 0) {
                    slot.busy = true;
                    slot.used = true;
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(slot, waitNanos);
            }
        }
    }

    /** Frees {@code host}; the pause before its next request is measured from now. */
    void release(String host) {
        Slot slot = slots.get(host);
        if (slot == null) {
            throw new IllegalStateException("release without acquire: " + host);
        }
        synchronized (slot) {
            slot.busy = false;
            slot.releasedAtNanos = System.nanoTime();
            slot.notifyAll();
        }
    }
}
