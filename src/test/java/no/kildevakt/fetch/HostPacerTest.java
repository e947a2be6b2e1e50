package no.kildevakt.fetch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostPacerTest {
    private final HostPacer pacer = new HostPacer();

    @Test
    void secondAcquireWaitsForReleaseAndDelay() throws Exception {
        pacer.acquire("a:80", Duration.ofMillis(100));
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
        pacer.release("a:80");
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
