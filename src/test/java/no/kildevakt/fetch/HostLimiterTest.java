package no.kildevakt.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Slots per host and the pause on a slot, for the link checker's N in flight and the crawler's one. */
class HostLimiterTest {
    /** One slot per host: the crawler's pacing. */
    private final HostLimiter pacer = new HostLimiter(1);

    @Test
    void aThirdRequestWaitsForAFreeSlotOnItsHostButNotOnAnother() throws InterruptedException {
        HostLimiter limiter = new HostLimiter(2);
        int a = limiter.acquire("a.test", Duration.ZERO);
        int b = limiter.acquire("a.test", Duration.ZERO);
        assertTrue(a != b);
        limiter.release("b.test", limiter.acquire("b.test", Duration.ZERO)); // another host is not held up
        AtomicBoolean third = new AtomicBoolean();
        CountDownLatch got = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                limiter.acquire("a.test", Duration.ZERO);
                third.set(true);
                got.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        assertTrue(!got.await(150, TimeUnit.MILLISECONDS) && !third.get(), "both slots are busy");
        limiter.release("a.test", a);
        assertTrue(got.await(2, TimeUnit.SECONDS), "a freed slot is taken");
        t.join();
    }

    @Test
    void aFreedSlotIsReusedOnlyAfterThePause() throws InterruptedException {
        HostLimiter limiter = new HostLimiter(1);
        int slot = limiter.acquire("a.test", Duration.ofMillis(200));
        limiter.release("a.test", slot);
        long start = System.nanoTime();
        limiter.release("a.test", limiter.acquire("a.test", Duration.ofMillis(200)));
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waitedMillis >= 190, "waited " + waitedMillis + " ms");
    }

    @Test
    void theFirstRequestToAHostNeverWaits() throws InterruptedException {
        HostLimiter limiter = new HostLimiter(2);
        long start = System.nanoTime();
        assertEquals(0, limiter.acquire("a.test", Duration.ofSeconds(30)));
        assertEquals(1, limiter.acquire("a.test", Duration.ofSeconds(30)));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void secondAcquireWaitsForReleaseAndDelay() throws Exception {
        int slot = pacer.acquire("a:80", Duration.ofMillis(100));
        CountDownLatch acquired = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                pacer.acquire("a:80", Duration.ofMillis(100));
                acquired.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();

        assertFalse(acquired.await(150, TimeUnit.MILLISECONDS), "host still busy");
        long released = System.nanoTime();
        pacer.release("a:80", slot);
        assertTrue(acquired.await(2, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - released >= TimeUnit.MILLISECONDS.toNanos(100), "waited the delay after release");
        waiter.join();
    }

    @Test
    void aBusyHostDoesNotHoldUpAnother() throws Exception {
        pacer.acquire("a:80", Duration.ofSeconds(10));
        long start = System.nanoTime();
        pacer.acquire("b:80", Duration.ofSeconds(10));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void firstRequestToAHostDoesNotWait() throws Exception {
        long start = System.nanoTime();
        pacer.acquire("fresh:443", Duration.ofSeconds(10));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void waitingIsInterruptible() throws Exception {
        pacer.acquire("a:80", Duration.ZERO);
        Thread.currentThread().interrupt();
        try {
            pacer.acquire("a:80", Duration.ZERO);
            throw new AssertionError("acquired a busy host");
        } catch (InterruptedException expected) {
            // the crawler can stop a thread stuck behind a slow host
        }
    }
}
