package no.kildevakt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void readsWhatInstantParseReads() throws SQLException {
        SplittableRandom random = new SplittableRandom(31);
        long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int n = 0; n < 50_000; n++) {
            String text = PATTERN.format(Instant.ofEpochSecond(random.nextLong(from, to + 1), random.nextInt(1_000_000_000)));
            assertEquals(Instant.parse(text), Store.instant(text), text);
        }
        // what the fixed width does not take is read as before, or refused as before
        for (String text : new String[] {"2024-02-29T23:59:59.999Z", "2025-03-01T08:00:00Z", "2025-03-01T08:00:00.123456Z",
                "2016-12-31T23:59:60.000Z", "2025-03-01T24:00:00.000Z", "+10000-01-01T00:00:00Z", "2025-03-01T08:00:00+01:00"}) {
            assertEquals(Instant.parse(text), Store.instant(text), text);
        }
        for (String text : new String[] {"2025-02-29T08:00:00.000Z", "2025-13-01T08:00:00.000Z", "2025-04-31T08:00:00.000Z",
                "2025-03-01T08:60:00.000Z", "2025-0a-01T08:00:00.000Z", "2025-03-01 08:00:00.000Z",
                "not a date at all, 24 ch"}) {
            SQLException e = assertThrows(SQLException.class, () -> Store.instant(text), text);
            assertTrue(e.getMessage().startsWith("not an ISO-8601 instant in the database: "), e.getMessage());
        }
        assertNull(Store.instant(null));
    }
}
