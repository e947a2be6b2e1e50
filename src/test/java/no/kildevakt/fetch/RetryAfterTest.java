package no.kildevakt.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private final Clock clock = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void seconds() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse(" 120 ", clock));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("0", clock));
    }

    @Test
    void httpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Sat, 01 Mar 2025 12:01:30 GMT", clock));
    }

    @Test
    void pastDateMeansNow() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Sat, 01 Mar 2025 11:00:00 GMT", clock));
    }

    @Test
    void absentOrUnreadableIsIgnored() {
        assertEquals(Optional.empty(), RetryAfter.parse(null, clock));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", clock));
        assertEquals(Optional.empty(), RetryAfter.parse("-5", clock));
    }

    @Test
    void absurdlyLongIsStillLong() {
        assertEquals(true, RetryAfter.parse("99999999999999999999999", clock).orElseThrow().toDays() > 365);
    }
}
