package no.kildevakt.date;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link InstantText} writes what the JDK's formatters write, field by field. */
class InstantTextTest {
    private static final DateTimeFormatter FIXED_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void writesWhatInstantToStringAndTheFixedPatternWrite() {
        SplittableRandom random = new SplittableRandom(37);
        long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        int[] nanoScales = {0, 1, 1_000, 1_000_000}; // no fraction, nine, six and three digits
        for (int n = 0; n < 50_000; n++) {
            int scale = nanoScales[n % 4];
            int nano = scale == 0 ? 0 : random.nextInt(1_000_000_000 / scale) * scale;
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to + 1), nano);
            assertEquals(instant.toString(), InstantText.iso(instant));
            assertEquals(FIXED_MILLIS.format(instant), InstantText.fixedMillis(instant));
        }
    }

    @Test
    void edgesAndYearsBeyondFourDigits() {
        for (String at : new String[] {"1970-01-01T00:00:00Z", "2024-02-29T23:59:59.999999999Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999Z", "2026-12-06T10:46:07.000000001Z", "2026-12-06T10:46:07.100Z",
                "2026-12-06T10:46:07.000100Z", "+10000-01-01T00:00:00Z", "-0001-06-01T12:00:00.5Z"}) {
            Instant instant = Instant.parse(at);
            assertEquals(instant.toString(), InstantText.iso(instant), at);
            assertEquals(FIXED_MILLIS.format(instant), InstantText.fixedMillis(instant), at);
        }
    }
}
