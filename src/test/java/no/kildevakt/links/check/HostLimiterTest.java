package no.kildevakt.links.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Slots per host and the pause on a slot. */
class HostLimiterTest {

    @Test
    void aThirdRequestWaitsForAFreeSlotOnItsHostButNotOnAnother() throws InterruptedException {
        HostLimiter limiter = new HostLimiter(2, Duration.ZERO);
        int a = limiter.acquire("a.test");
        int b = limiter.acquire("a.test");
        assertTrue(a != b);
        limiter.release("b.test", limiter.acquire("b.test")); // another host is not held up
        AtomicBoolean third = new AtomicBoolean();
        CountDownLatch got = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                limiter.acquire("a.test");
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
        HostLimiter limiter = new HostLimiter(1, Duration.ofMillis(200));
        int slot = limiter.acquire("a.test");
        limiter.release("a.test", slot);
        long start = System.nanoTime();
        limiter.release("a.test", limiter.acquire("a.test"));
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waitedMillis >= 190, "waited " + waitedMillis + " ms");
    }

    @Test
    void theFirstRequestToAHostNeverWaits() throws InterruptedException {
        HostLimiter limiter = new HostLimiter(2, Duration.ofSeconds(30));
        long start = System.nanoTime();
        assertEquals(0, limiter.acquire("a.test"));
        assertEquals(1, limiter.acquire("a.test"));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
    }
}
