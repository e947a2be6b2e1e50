package no.kildevakt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Instants are stored as fixed-width text that sorts as time does. {@link Store#text} writes the
 * fields itself; it must write what the pattern it stands for writes, and read back to the millisecond.
 */
class StoreInstantTextTest {

    private static final DateTimeFormatter PATTERN =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void writesWhatThePatternWrites() throws SQLException {
        SplittableRandom random = new SplittableRandom(29);
        long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int n = 0; n < 50_000; n++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to + 1), random.nextInt(1_000_000_000));
            String text = Store.text(instant);
            assertEquals(PATTERN.format(instant), text);
            assertEquals(instant.toEpochMilli(), Store.instant(text).toEpochMilli());
        }
    }

    @Test
    void edgesAndYearsBeyondFourDigits() {
        for (String at : new String[] {"1970-01-01T00:00:00Z", "2024-02-29T23:59:59.999999999Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999Z", "2026-12-06T10:46:07.000000001Z"}) {
            assertEquals(PATTERN.format(Instant.parse(at)), Store.text(Instant.parse(at)), at);
        }
        Instant farOff = Instant.parse("+10000-01-01T00:00:00Z");
        assertEquals(PATTERN.format(farOff), Store.text(farOff));
        Instant beforeYearZero = Instant.parse("-0001-06-01T12:00:00Z");
        assertEquals(PATTERN.format(beforeYearZero), Store.text(beforeYearZero));
    }
}
