package no.kildevakt.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.Round;
import no.kildevakt.store.RoundResult;
import no.kildevakt.store.SourceState;
import no.kildevakt.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The crawl's round writer: batches, their bound, finishing early, and a batch that cannot be written. */
@Timeout(20) // a writer that waits out its hour-long window hangs, and fails here
class RoundWriterTest {
    private static final Instant T = Instant.parse("2025-03-01T08:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    /** Every write call, with the sources it carried; writing a source named "bad" fails. */
    private final List<List<String>> writes = Collections.synchronizedList(new ArrayList<>());
    private final List<SourceReport> told = Collections.synchronizedList(new ArrayList<>());

    private List<RoundResult> write(List<Round> rounds) throws StoreException {
        List<String> ids = rounds.stream().map(Round::sourceId).toList();
        writes.add(ids);
        if (ids.contains("bad")) {
            throw new StoreException("cannot store bad");
        }
        return rounds.stream().map(r -> new RoundResult(r.sourceId().length(), 0)).toList();
    }

    private RoundWriter writer(Duration window) {
        return new RoundWriter(this::write, (batch, rounds) -> {
            List<RoundResult> results = rounds.write(batch.stream().map(RoundWriter.Pending::round).toList());
            for (int i = 0; i < batch.size(); i++) {
                told.add(batch.get(i).report().of(results.get(i)));
            }
        }, window);
    }

    private static RoundWriter.Pending pending(String source) {
        Round round = new Round(source, "norske", T, T, Outcome.OK, 200, null, null, 0, List.of(), SourceState.empty(source));
        return new RoundWriter.Pending(round, stored -> new SourceReport(source, Outcome.OK, stored.newItems(), 0, null, null,
                Duration.ZERO, List.of()));
    }

    @Test
    void roundsWithinTheWindowShareOneWriteAndFinishDoesNotWaitItOut() throws Exception {
        RoundWriter writer = writer(HOUR);
        for (String source : List.of("a", "bb", "ccc")) {
            writer.submit(pending(source));
        }
        writer.finish(Duration.ZERO);
        assertEquals(List.of(List.of("a", "bb", "ccc")), writes);
        assertEquals(List.of("a", "bb", "ccc"), told.stream().map(SourceReport::sourceId).toList());
        assertEquals(List.of(1, 2, 3), told.stream().map(SourceReport::newItems).toList(), "each report gets its own round's result");
    }

    @Test
    void aBatchHoldsAtMostMaxBatchRoundsAndKeepsTheirOrder() throws Exception {
        RoundWriter writer = writer(HOUR);
        int n = RoundWriter.MAX_BATCH * 2 + 5;
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sources.add("s" + i);
            writer.submit(pending("s" + i));
        }
        writer.finish(Duration.ZERO);
        assertTrue(writes.stream().allMatch(w -> w.size() <= RoundWriter.MAX_BATCH), writes.toString());
        assertEquals(sources, writes.stream().flatMap(List::stream).toList());
        assertEquals(n, told.size());
    }

    @Test
    void aRoundAfterTheWindowGoesInTheNextBatch() throws Exception {
        CountDownLatch firstWritten = new CountDownLatch(1);
        RoundWriter writer = new RoundWriter(this::write, (batch, rounds) -> {
            rounds.write(batch.stream().map(RoundWriter.Pending::round).toList());
            firstWritten.countDown();
        }, Duration.ofMillis(1));
        writer.submit(pending("a"));
        assertTrue(firstWritten.await(10, TimeUnit.SECONDS), "a lone round is written once its window is out");
        writer.submit(pending("b"));
        writer.finish(Duration.ZERO);
        assertEquals(List.of(List.of("a"), List.of("b")), writes);
    }

    @Test
    void aBatchThatFailsIsWrittenAgainOneRoundAtATimeAndTheFailureEndsTheWriter() throws Exception {
        RoundWriter writer = writer(HOUR);
        for (String source : List.of("a", "bad", "c")) {
            writer.submit(pending(source));
        }
        StoreException e = assertThrows(StoreException.class, () -> writer.finish(Duration.ZERO));
        assertEquals("cannot store bad", e.getMessage());
        assertEquals(List.of(List.of("a", "bad", "c"), List.of("a"), List.of("bad"), List.of("c")), writes);
        assertEquals(List.of("a", "c"), told.stream().map(SourceReport::sourceId).toList(), "only the bad round is lost");
        assertSame(e, assertThrows(StoreException.class, () -> writer.submit(pending("d"))), "later rounds hear of it");
    }

    @Test
    void aWriterThatFailsOtherwiseThanTheStoreSaysSoToo() throws Exception {
        RoundWriter writer = new RoundWriter(this::write, (batch, rounds) -> {
            throw new AssertionError("a listener that broke");
        }, HOUR);
        writer.submit(pending("a"));
        StoreException e = assertThrows(StoreException.class, () -> writer.finish(Duration.ZERO));
        assertTrue(e.getMessage().contains("a listener that broke"), e.getMessage());
    }

    @Test
    void closeDropsWhatIsQueued() throws Exception {
        RoundWriter writer = writer(HOUR);
        writer.submit(pending("a"));
        writer.close();
        assertEquals(List.of(), writes);
        assertEquals(List.of(), told);
    }

    @Test
    void finishWaitsAtMostItsBound() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RoundWriter writer = new RoundWriter(this::write, (batch, rounds) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Duration.ZERO);
        writer.submit(pending("slow"));
        writer.finish(Duration.ofMillis(50)); // returns although the store has not answered
        release.countDown();
        writer.close();
    }
}
