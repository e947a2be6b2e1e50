package no.kildevakt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Instants are stored as fixed-width text that sorts as time does ({@link Store#text}, which
 * {@code date.InstantTextTest} holds to the JDK's pattern) and read back to the millisecond by
 * {@link Store#instant}, which reads that width itself and everything else as {@link Instant#parse} does.
 */
class StoreInstantTextTest {

    @Test
    void readsBackWhatItWritesAndWhatInstantParseReads() throws SQLException {
        SplittableRandom random = new SplittableRandom(31);
        long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int n = 0; n < 50_000; n++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to + 1), random.nextInt(1_000_000_000));
            String text = Store.text(instant);
            assertEquals(24, text.length(), text);
            assertEquals(Instant.parse(text), Store.instant(text), text);
            assertEquals(instant.toEpochMilli(), Store.instant(text).toEpochMilli(), text);
        }
    }

    @Test
    void whatTheFixedWidthDoesNotTakeIsReadOrRefusedAsBefore() throws SQLException {
        for (String text : new String[] {"2024-02-29T23:59:59.999Z", "2025-03-01T08:00:00Z", "2025-03-01T08:00:00.123456Z",
                "2016-12-31T23:59:60.000Z", "2025-03-01T24:00:00.000Z", "+10000-01-01T00:00:00Z", "2025-03-01T08:00:00+01:00"}) {
            assertEquals(Instant.parse(text), Store.instant(text), text);
        }
        for (String text : new String[] {"2025-02-29T08:00:00.000Z", "2025-13-01T08:00:00.000Z", "2025-04-31T08:00:00.000Z",
                "2025-03-01T08:60:00.000Z", "2025-0a-01T08:00:00.000Z", "2025-03-01 08:00:00.000Z", "not a date at all, 24 ch"}) {
            SQLException e = assertThrows(SQLException.class, () -> Store.instant(text), text);
            assertTrue(e.getMessage().startsWith("not an ISO-8601 instant in the database: "), e.getMessage());
        }
        assertNull(Store.instant(null));
    }

    @Test
    void yearsBeyondFourDigitsKeepTheirSigns() throws SQLException {
        for (String at : new String[] {"+10000-01-01T00:00:00Z", "-0001-06-01T12:00:00Z"}) {
            Instant instant = Instant.parse(at);
            assertEquals(instant, Store.instant(Store.text(instant)), at);
        }
    }
}
