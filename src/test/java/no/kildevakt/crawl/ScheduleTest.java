package no.kildevakt.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.SourceState;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Duration SIX_HOURS = Duration.ofHours(6);

    private static SourceState state(Instant lastSuccess, int failures, Instant nextDue) {
        return new SourceState("s", null, null, lastSuccess, lastSuccess, Outcome.OK, null, failures, 1, 1, nextDue, null);
    }

    @Test
    void aNeverCrawledSourceIsDue() {
        assertTrue(Schedule.notDueReason(SourceState.empty("s"), SIX_HOURS, NOW).isEmpty());
    }

    @Test
    void aSourceIsDueOnceItsIntervalHasPassedSinceTheLastSuccess() {
        assertTrue(Schedule.notDueReason(state(NOW.minus(Duration.ofHours(5)), 0, null), SIX_HOURS, NOW).isPresent());
        assertTrue(Schedule.notDueReason(state(NOW.minus(SIX_HOURS), 0, null), SIX_HOURS, NOW).isEmpty());
    }

    @Test
    void aBackingOffSourceWaitsForItsNextDueTime() {
        SourceState failing = state(NOW.minus(Duration.ofDays(3)), 2, NOW.plusSeconds(60));
        assertTrue(Schedule.notDueReason(failing, SIX_HOURS, NOW).orElseThrow().startsWith("backing off after 2 failure(s)"));
        assertTrue(Schedule.notDueReason(failing, SIX_HOURS, NOW.plusSeconds(61)).isEmpty());
    }

    @Test
    void backoffDoublesFromAnHourAndNeverExceedsADay() {
        assertEquals(Duration.ofHours(1), Schedule.backoff(1, SIX_HOURS));
        assertEquals(Duration.ofHours(2), Schedule.backoff(2, SIX_HOURS));
        assertEquals(Duration.ofHours(16), Schedule.backoff(5, SIX_HOURS));
        assertEquals(Duration.ofDays(1), Schedule.backoff(6, SIX_HOURS));
        assertEquals(Duration.ofDays(1), Schedule.backoff(1000, SIX_HOURS));
    }

    @Test
    void aShortIntervalShortensTheFirstBackoff() {
        assertEquals(Duration.ofMinutes(10), Schedule.backoff(1, Duration.ofMinutes(10)));
        assertEquals(Duration.ofMinutes(20), Schedule.backoff(2, Duration.ofMinutes(10)));
    }

    @Test
    void aLongerRetryAfterBeatsTheBackoffButNeverPastADay() {
        assertEquals(NOW.plus(Duration.ofHours(1)), Schedule.nextAttempt(NOW, 1, SIX_HOURS, null));
        assertEquals(NOW.plus(Duration.ofHours(1)), Schedule.nextAttempt(NOW, 1, SIX_HOURS, Duration.ofMinutes(5)));
        assertEquals(NOW.plus(Duration.ofHours(5)), Schedule.nextAttempt(NOW, 1, SIX_HOURS, Duration.ofHours(5)));
        assertEquals(NOW.plus(Duration.ofDays(1)), Schedule.nextAttempt(NOW, 1, SIX_HOURS, Duration.ofDays(365)));
    }
}
