package no.kildevakt.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {
    @ParameterizedTest
    @CsvSource({
            // winter time (+01) at the start of Q1, summer time (+02) at its end
            "2025-Q1, 2024-12-31T23:00:00Z, 2025-03-31T22:00:00Z, 2025-01-01, 2025-03-31",
            "2025-Q2, 2025-03-31T22:00:00Z, 2025-06-30T22:00:00Z, 2025-04-01, 2025-06-30",
            "2025-q3, 2025-06-30T22:00:00Z, 2025-09-30T22:00:00Z, 2025-07-01, 2025-09-30",
            // the end of Q4 is midnight in winter time again
            "2025Q4, 2025-09-30T22:00:00Z, 2025-12-31T23:00:00Z, 2025-10-01, 2025-12-31",
            "2024-02, 2024-01-31T23:00:00Z, 2024-02-29T23:00:00Z, 2024-02-01, 2024-02-29",
            "2023-02, 2023-01-31T23:00:00Z, 2023-02-28T23:00:00Z, 2023-02-01, 2023-02-28",
            "2024, 2023-12-31T23:00:00Z, 2024-12-31T23:00:00Z, 2024-01-01, 2024-12-31"})
    void calendarPeriodsRunMidnightToMidnightInOslo(String text, String from, String to, String firstDay, String lastDay) {
        Period p = Period.parse(text);
        assertEquals(Instant.parse(from), p.from());
        assertEquals(Instant.parse(to), p.to());
        assertEquals(LocalDate.parse(firstDay), p.firstDay());
        assertEquals(LocalDate.parse(lastDay), p.lastDay());
        assertFalse(p.running());
    }

    @Test
    void leapYearQuarterHasItsExtraDay() {
        Period q1 = Period.parse("2024-Q1");
        Period q1NonLeap = Period.parse("2023-Q1");
        assertEquals(Duration.ofDays(91).minusHours(1), Duration.between(q1.from(), q1.to()));
        assertEquals(Duration.ofDays(90).minusHours(1), Duration.between(q1NonLeap.from(), q1NonLeap.to()));
    }

    @Test
    void toIsTheLastDayIncludedAcrossTheSpringForwardNight() {
        // 30 March 2025: clocks go from 02:00 to 03:00; the day has 23 hours
        Period day = Period.days("2025-03-30", "2025-03-30");
        assertEquals(Instant.parse("2025-03-29T23:00:00Z"), day.from());
        assertEquals(Instant.parse("2025-03-30T22:00:00Z"), day.to());
        assertTrue(day.contains(Instant.parse("2025-03-30T21:59:59Z")));
        assertFalse(day.contains(Instant.parse("2025-03-30T22:00:00Z")));
        // one second before Oslo midnight belongs to the day before
        assertFalse(day.contains(Instant.parse("2025-03-29T22:59:59Z")));
        assertEquals(LocalDate.parse("2025-03-30"), day.lastDay());
    }

    @Test
    void fallBackDayHas25Hours() {
        Period day = Period.days(LocalDate.parse("2025-10-26"), LocalDate.parse("2025-10-26"));
        assertEquals(Duration.ofHours(25), Duration.between(day.from(), day.to()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-Q5", "2025-Q0", "Q1-2025", "2025-13", "2025-00", "25", "20251", "", "  ", "i fjor", "1900", "2025-1"})
    void badPeriodsAreRefusedWithTheFormsThatWork(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse(text));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void badDaysAreNamedByOption() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Period.days("2025-02-30", "2025-03-01"))
                .getMessage().startsWith("--from"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Period.days("2025-03-01", "31.03.2025"))
                .getMessage().startsWith("--to"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Period.days("2025-03-02", "2025-03-01"))
                .getMessage().contains("after"));
        assertEquals("--from 2025-03-02 is after --to 2025-03-01",
                assertThrows(IllegalArgumentException.class, () -> Period.days("2025-03-02", "2025-03-01")).getMessage());
    }

    @Test
    void sinceLastContinuesExactlyWhereTheLastDigestEnded() {
        Instant lastEnd = Instant.parse("2025-03-10T06:00:00.123Z");
        Instant now = Instant.parse("2025-03-11T06:00:00Z");
        Period p = Period.sinceLast(Optional.of(lastEnd), now);
        assertEquals(lastEnd, p.from());
        assertEquals(now, p.to());
        assertTrue(p.running());
        assertEquals(lastEnd.minus(Period.LATE_ARRIVALS), p.earliestDated());
    }

    @Test
    void sinceLastWithoutAnyDigestCoversTheLastWeek() {
        Instant now = Instant.parse("2025-03-11T06:00:00Z");
        Period p = Period.sinceLast(Optional.empty(), now);
        assertEquals(Instant.parse("2025-03-04T06:00:00Z"), p.from());
    }

    @Test
    void sinceLastRefusesALastDigestFromTheFuture() {
        Instant now = Instant.parse("2025-03-11T06:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> Period.sinceLast(Optional.of(now.plusSeconds(60)), now));
    }

    @Test
    void labelsAreNorwegian() {
        assertEquals("1.–31. mars 2025", Period.parse("2025-03").label());
        assertEquals("1. januar–31. mars 2025", Period.parse("2025-Q1").label());
        assertEquals("15. desember 2024–14. januar 2025", Period.days("2024-12-15", "2025-01-14").label());
        assertEquals("6. desember 2024", Period.days("2024-12-06", "2024-12-06").label());
        assertEquals("6. desember 2024", NorwegianDates.day(Instant.parse("2024-12-05T23:30:00Z")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Q4 2024 | 2024-Q4", "4. kvartal 2024 | 2024-Q4", "okt–des 2024 | 2024-Q4", "oktober-desember 2024 | 2024-Q4",
            "januar 2025 | 2025-01", "jan 2025 | 2025-01"})
    void digestPeriodReadsTheNorwegianFormsToo(String typed, String same) {
        assertEquals(Period.parse(same), Period.parse(typed));
    }

    @Test
    void monthsThatMakeNoQuarterAreTheirDays() {
        assertEquals(Period.days("2025-01-01", "2025-02-28"), Period.parse("jan–feb 2025"));
        assertThrows(IllegalArgumentException.class, () -> Period.parse("jan–feb 1900"));
    }
}
