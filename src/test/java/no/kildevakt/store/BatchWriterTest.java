package no.kildevakt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The writer's promises, without timing: what is queued before {@code finish} is written in batches
 * of at most {@code maxBatch}, what comes after it is not, and a failure reaches the producer.
 */
class BatchWriterTest {
    /** Far longer than any test: a batch that waited it out would hang the test, not pass it. */
    private static final Duration LONG_LINGER = Duration.ofMinutes(10);

    @Test
    void finishWritesWhatIsQueuedInBatchesOfAtMostMaxBatch() throws Exception {
        List<List<Integer>> batches = new ArrayList<>();
        BatchWriter<Integer> writer = new BatchWriter<>("numbers", LONG_LINGER, 3, batch -> {
            synchronized (batches) {
                batches.add(batch);
            }
        });
        for (int i = 1; i <= 7; i++) {
            writer.add(i);
        }
        writer.finish(Duration.ZERO); // does not wait out the linger
        List<Integer> written = batches.stream().flatMap(List::stream).toList();
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), written);
        assertTrue(batches.stream().allMatch(b -> b.size() <= 3), batches.toString());
    }

    /** A bug fixed: the last drain took what was added after the finish marker and wrote it too. */
    @Test
    void whatIsAddedAfterFinishIsNotWritten() throws Exception {
        CountDownLatch firstBatchStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        List<Integer> written = new ArrayList<>();
        BatchWriter<Integer> writer = new BatchWriter<>("numbers", Duration.ZERO, 100, batch -> {
            firstBatchStarted.countDown();
            try {
                releaseFirstBatch.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            synchronized (written) {
                written.addAll(batch);
            }
        });
        writer.add(1);
        assertTrue(firstBatchStarted.await(10, TimeUnit.SECONDS), "the first batch was never written");
        writer.add(2); // queued while the first batch is being written: before finish, so it is written
        writer.finish(Duration.ofMillis(1)); // the writer is busy; finish queues its marker and returns
        writer.add(3); // after finish: must not be written
        releaseFirstBatch.countDown();
        writer.finish(Duration.ZERO);
        assertEquals(List.of(1, 2), written);
    }

    @Test
    void aFailedWriteIsThrownByEveryLaterAddAndByFinish() throws Exception {
        StoreException disk = new StoreException("disk full");
        CountDownLatch failed = new CountDownLatch(1);
        BatchWriter<Integer> writer = new BatchWriter<>("numbers", Duration.ZERO, 100, batch -> {
            failed.countDown();
            throw disk;
        });
        writer.add(1);
        assertTrue(failed.await(10, TimeUnit.SECONDS));
        // the writer's thread stores the failure just after the write threw: wait for the finish to see it
        assertSame(disk, assertThrows(StoreException.class, () -> writer.finish(Duration.ZERO)));
        assertSame(disk, assertThrows(StoreException.class, () -> writer.add(2)));
    }

    @Test
    void anyOtherThrowableOfAWriteBecomesAStoreExceptionNamingTheBatch() throws Exception {
        BatchWriter<Integer> writer = new BatchWriter<>("rounds", Duration.ZERO, 100, batch -> {
            throw new IllegalStateException("a bug");
        });
        writer.add(1);
        StoreException e = assertThrows(StoreException.class, () -> writer.finish(Duration.ZERO));
        assertEquals("storing 1 rounds failed: java.lang.IllegalStateException: a bug", e.getMessage());
    }
}
