package no.kildevakt.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The warm-up must go the whole way (client, parser, normaliser), not stop at its first step. */
class WarmupTest {

    @Test
    void readsItsFeedToTheEndWithoutTheNetwork() {
        Warmup.http();
        assertEquals(1, Warmup.feedPath(), "the feed held in memory gives its one item");
    }

    @Test
    void aFailingStepIsPassedOverAndTheNextOneRuns() throws InterruptedException {
        CountDownLatch next = new CountDownLatch(1);
        Warmup.startInBackground(() -> {
            throw new IllegalStateException("a step that fails");
        }, next::countDown);
        assertTrue(next.await(10, TimeUnit.SECONDS), "the step after the failed one ran");
    }
}
