package no.kildevakt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The review page's period: how it is typed, written back into links, and stepped with ‹ and ›. */
class PeriodChoiceTest {
    @ParameterizedTest
    @CsvSource({
            // typed, as written back, previous, next, first day, last day
            "2025-Q1, 2025-Q1, 2024-Q4, 2025-Q2, 2025-01-01, 2025-03-31",
            "2025q4, 2025-Q4, 2025-Q3, 2026-Q1, 2025-10-01, 2025-12-31",
            "' 2025-Q2 ', 2025-Q2, 2025-Q1, 2025-Q3, 2025-04-01, 2025-06-30",
            "2025-01, 2025-01, 2024-12, 2025-02, 2025-01-01, 2025-01-31",
            "2024-02, 2024-02, 2024-01, 2024-03, 2024-02-01, 2024-02-29",
            "2025, 2025, 2024, 2026, 2025-01-01, 2025-12-31",
            "2025-01-01..2025-01-10, 2025-01-01..2025-01-10, 2024-12-22..2024-12-31, 2025-01-11..2025-01-20, 2025-01-01, 2025-01-10"})
    void typedPeriodsAreWrittenBackAndSteppedByTheirKind(String typed, String text, String previous, String next,
            String firstDay, String lastDay) {
        PeriodChoice choice = PeriodChoice.parse(typed);
        assertEquals(text, choice.text());
        assertEquals(previous, choice.previous().text());
        assertEquals(next, choice.next().text());
        assertEquals(firstDay, choice.period().firstDay().toString());
        assertEquals(lastDay, choice.period().lastDay().toString());
    }

    @Test
    void fromAndToDaysAreOneChoice() {
        PeriodChoice choice = PeriodChoice.between("2025-03-01", "2025-03-31");
        assertEquals("2025-03-01..2025-03-31", choice.text());
        assertEquals("2025-01-29..2025-02-28", choice.previous().text());
        assertEquals("2025-03-01-2025-03-31", choice.slug());
    }

    @Test
    void theDefaultIsTheQuarterOfTodayInOslo() {
        // 23:30 UTC on 31 March is already 1 April in Oslo
        Clock clock = Clock.fixed(Instant.parse("2025-03-31T23:30:00Z"), ZoneOffset.UTC);
        assertEquals("2025-Q2", PeriodChoice.currentQuarter(clock).text());
        assertEquals("2025-q2", PeriodChoice.currentQuarter(clock).slug());
    }

    @Test
    void steppingPastTheLastYearIsRefusedAsTypingItWouldBe() {
        assertThrows(IllegalArgumentException.class, () -> PeriodChoice.parse("2999").next());
        assertThrows(IllegalArgumentException.class, () -> PeriodChoice.parse("2999-Q4").next());
        assertThrows(IllegalArgumentException.class, () -> PeriodChoice.parse("2999-12").next());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-Q5", "2025-13", "i fjor", "2025-02-01..2025-01-01", "2025-01-01..", "x"})
    void badPeriodsAreRefused(String typed) {
        assertThrows(IllegalArgumentException.class, () -> PeriodChoice.parse(typed));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // as an editor types it | as written back
            "Q4 2024 | 2024-Q4",
            "q4 2024 | 2024-Q4",
            "2024 Q4 | 2024-Q4",
            "4. kvartal 2024 | 2024-Q4",
            "4 kvartal 2024 | 2024-Q4",
            "okt–des 2024 | 2024-Q4",
            "oktober–desember 2024 | 2024-Q4",
            "okt-des 2024 | 2024-Q4",
            "Okt - Des 2024 | 2024-Q4",
            "januar 2025 | 2025-01",
            "jan 2025 | 2025-01",
            "jan. 2025 | 2025-01",
            "Mars 2025 | 2025-03",
            "jan–des 2025 | 2025",
            "jan–feb 2025 | 2025-01-01..2025-02-28",
            "nov–des 2024 | 2024-11-01..2024-12-31"})
    void periodsTypedTheNewsletterWayAreUnderstood(String typed, String text) {
        assertEquals(text, PeriodChoice.parse(typed).text());
    }

    @Test
    void aMonthRangeStepsByItsOwnLength() {
        PeriodChoice twoMonths = PeriodChoice.parse("jan–feb 2025");
        assertEquals("2024-11-03..2024-12-31", twoMonths.previous().text());
        assertEquals("2025-03-01..2025-04-28", twoMonths.next().text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"des–okt 2024", "Q5 2024", "5. kvartal 2024", "okt 24", "mx 2025", "ma 2025", "okt–des", "Q4 1900"})
    void periodsThatOnlyLookNorwegianAreRefused(String typed) {
        assertThrows(IllegalArgumentException.class, () -> PeriodChoice.parse(typed));
    }

    @ParameterizedTest
    @CsvSource({
            // now (UTC), grace, the issue being written
            "2025-01-20T10:00:00Z, 6w, 2024-Q4",
            "2025-02-20T10:00:00Z, 6w, 2025-Q1",
            // six weeks after 1 January (Oslo) is 12 February, midnight
            "2025-02-11T22:59:00Z, 6w, 2024-Q4",
            "2025-02-11T23:00:00Z, 6w, 2025-Q1",
            "2025-01-20T10:00:00Z, 0s, 2025-Q1",
            "2025-04-02T10:00:00Z, 14d, 2025-Q1"})
    void theDefaultIsTheIssueBeingWrittenThePreviousQuarterDuringTheGrace(String now, String grace, String expected) {
        Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
        assertEquals(expected, PeriodChoice.issueBeingWritten(clock, no.kildevakt.config.Durations.parse(grace)).text());
    }
}
