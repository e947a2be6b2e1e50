package no.kildevakt.date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTextTest {
    /** A fixed "today" so that year-less dates resolve the same every run. */
    private static final LocalDate REFERENCE = LocalDate.of(2024, 12, 10);

    private static PageDate parse(String text) {
        return DateText.parse(text, REFERENCE).orElseThrow(() -> new AssertionError("no date in: " + text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        // day first, numeric
        "06.12.2024                          | 2024-12-06",
        "6.12.2024                           | 2024-12-06",
        "13.3.2024                           | 2024-03-13",
        "11-05-2021                          | 2021-05-11",
        "06/12/2024                          | 2024-12-06",
        "22.03.18                            | 2018-03-22",
        "(Fafo Østforum, 22.03.18)           | 2018-03-22",
        // month names: Norwegian bokmål/nynorsk, Swedish, Danish, English
        "17. desember 2024                   | 2024-12-17",
        "26. jul. 2021                       | 2021-07-26",
        "18 oktober 2024                     | 2024-10-18",
        "6. december 2024                    | 2024-12-06",
        "6 June 2023                         | 2023-06-06",
        "29 APRIL 2024                       | 2024-04-29",
        "June 6, 2023                        | 2023-06-06",
        "Pub. Mar 20, 2020 Published March 20, 2020 | 2020-03-20",
        "7. mars 2024                        | 2024-03-07",
        "7. mai 2024                         | 2024-05-07",
        "7 maj 2024                          | 2024-05-07",
        "3. marts 2023                       | 2023-03-03",
        "3. okt. 2023                        | 2023-10-03",
        "3. sept. 2023                       | 2023-09-03",
        "1. februari 2022                    | 2022-02-01",
        "14 augusti 2022                     | 2022-08-14",
        "2nd of May 2024                     | 2024-05-02",
        "21st September 2012                 | 2012-09-21",
        "6.desember 2024                     | 2024-12-06",
        "6. DESEMBER 2024                    | 2024-12-06",
        // weekdays and noise
        "mandag 6. januar 2025               | 2025-01-06",
        "tisdag 7 februari 2023              | 2023-02-07",
        "tirsdag 7. februar 2023 kl. 14:00–16:00 | 2023-02-07",
        "Publisert 06.12.2024                | 2024-12-06",
        "Publiceringsdatum: 15 mars 2023     | 2023-03-15",
        "13.3.2024 · News item               | 2024-03-13",
        "Publishing date: 6 June 2023        | 2023-06-06",
        "Oppdatert: 07.01.2025               | 2025-01-07",
        "Senest opdateret 15-09-2022         | 2022-09-15",
        "Høringsfrist: 30.08.2026            | 2026-08-30",
        "Hotel Continental 06.12.2024        | 2024-12-06",
        "Release: 06.12.2024                 | 2024-12-06",
        "Vienna (Austria), 24 July 2023 – UNODC today launched | 2023-07-24",
        "Strasbourg, 21 September 2012 -     | 2012-09-21",
        "Publisert 06.12.2024, oppdatert 08.12.2024 | 2024-12-06",
        // year-less around the reference (2024-12-10)
        "15. januar                          | 2025-01-15",
        "3. desember                         | 2024-12-03",
        "1. juli                             | 2024-07-01",
        "2. mai                              | 2025-05-02",
        "2 maj                               | 2025-05-02",
        "2. mars                             | 2025-03-02",
        // ISO
        "2024-12-06                          | 2024-12-06",
        "Publisert 2024-12-06                | 2024-12-06",
        "2006/09/15                          | 2006-09-15",
        "2024-12                             | 2024-12-01",
    })
    void readsTheDay(String text, LocalDate expected) {
        PageDate date = parse(text);
        assertEquals(expected, date.start());
        assertEquals(Optional.empty(), date.end(), "no range in " + text);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "3:e mars 2015                       | 2015-03-03",
        "den 15:e februari                   | 2025-02-15",
        "1:a mars                            | 2025-03-01",
        "Publicerad 2:a juni 2023            | 2023-06-02",
        "den 22:a december 2024 kl. 10:00    | 2024-12-22",
    })
    void readsSwedishOrdinals(String text, LocalDate expected) {
        assertEquals(expected, parse(text).start());
    }

    /** A listing without years ("Feb 18"): the year is put where year-less day-first dates put it. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "Feb 18                              | 2025-02-18",
        "februar 15                          | 2025-02-15",
        "Posted December 3rd                 | 2024-12-03",
        "Nov 30 10:00                        | 2024-11-30",
        "Oct 1                               | 2024-10-01",
        "Juni 12.06.2023                     | 2023-06-12",
        "Nov 28–Dec 2                        | 2024-11-28",
    })
    void readsMonthFirstWithoutAYear(String text, LocalDate expected) {
        assertEquals(expected, parse(text).start());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Aug 7, 2014Aug 7, 2014", "7 Aug 2014Aug 7, 2014", "June 6, 2023June 6, 2023",
        "may 3 be late", "section 2 may apply", "Jan 5 barn", "i jul 3 dager", "Feb 180", "Feb 18abc"})
    void refusesGluedAndAmbiguousMonthFirstDates(String text) {
        assertEquals(Optional.empty(), DateText.parse(text, REFERENCE), text);
    }

    @ParameterizedTest(name = "{0} → {1} to {2}")
    @CsvSource(delimiter = '|', value = {
        "15.–16. januar 2025                 | 2025-01-15 | 2025-01-16",
        "15.-16. januar 2025                 | 2025-01-15 | 2025-01-16",
        "15. januar – 3. februar 2025        | 2025-01-15 | 2025-02-03",
        "6-8 May 2025                        | 2025-05-06 | 2025-05-08",
        "6 – 8 May 2025                      | 2025-05-06 | 2025-05-08",
        "30. sep.–2. okt. 2025               | 2025-09-30 | 2025-10-02",
        "30. desember 2024 – 2. januar 2025  | 2024-12-30 | 2025-01-02",
        "30. desember – 2. januar 2025       | 2024-12-30 | 2025-01-02",
        "May 6–8, 2025                       | 2025-05-06 | 2025-05-08",
        "Dec 30 – Jan 2, 2025                | 2024-12-30 | 2025-01-02",
        "15.–16.01.2025                      | 2025-01-15 | 2025-01-16",
        "13.3.2024–14.3.2024                 | 2024-03-13 | 2024-03-14",
        "fra 15. til 17. april 2025          | 2025-04-15 | 2025-04-17",
        "1. og 2. desember 2024              | 2024-12-01 | 2024-12-02",
        "den 6. december 2024 till 8. december 2024 | 2024-12-06 | 2024-12-08",
    })
    void readsRanges(String text, LocalDate start, LocalDate end) {
        PageDate date = parse(text);
        assertEquals(start, date.start());
        assertEquals(Optional.of(end), date.end());
        assertEquals(Optional.empty(), date.instant());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "Thu, 17 Sep 2026 11:00:00 +0200     | 2026-09-17T09:00:00Z",
        "Thu, 09 Apr 2026 00:00:00 GMT       | 2026-04-09T00:00:00Z",
        "Mon, 02 Jan 2006 15:04:05 CEST      | 2006-01-02T13:04:05Z",
        "Wed, 19 Feb 2012 22:40:00 GMT-01:01 | 2012-02-19T23:41:00Z",
        "Mon,02 January 2006 15:04:05 EST    | 2006-01-02T20:04:05Z",
        "Thu, 01 Jan 04 19:48:21 GMT         | 2004-01-01T19:48:21Z",
        "2026-08-20T10:00:00+02:00           | 2026-08-20T08:00:00Z",
        "2026-08-20T10:00+0200               | 2026-08-20T08:00:00Z",
        "2003-12-31T10:14:55.1234Z           | 2003-12-31T10:14:55Z",
        "Publisert 2024-12-06T10:00:00Z      | 2024-12-06T10:00:00Z",
        "Fri, 2006/09/15 08:19:53 EDT        | 2006-09-15T12:19:53Z",
        "Sun Jan  4 16:29:06 2004            | 2004-01-04T16:29:06Z",
        // no zone: read in Europe/Oslo (CET in winter, CEST in summer)
        "2024-12-06 10:00                    | 2024-12-06T09:00:00Z",
        "2024-07-06T10:00:00                 | 2024-07-06T08:00:00Z",
        "06.12.2024 kl. 14.30                | 2024-12-06T13:30:00Z",
        "06.12.2024 14:30                    | 2024-12-06T13:30:00Z",
        "June 6, 2023 at 3:30 pm             | 2023-06-06T13:30:00Z",
        "6 June 2023 12:00 Europe/London     | 2023-06-06T11:00:00Z",
    })
    void readsTimes(String text, Instant expected) {
        PageDate date = parse(text);
        assertEquals(Optional.of(expected), date.instant());
        assertEquals(expected, date.toInstant());
    }

    @Test
    void readsADateBeforeAPipe() {
        assertEquals(LocalDate.of(2024, 3, 13), parse("13.3.2024 | News item").start());
        assertEquals(Optional.empty(), parse("13.3.2024 | News item").instant());
    }

    @Test
    void aBareDayIsTheStartOfThatDayInOslo() {
        PageDate winter = parse("6. desember 2024");
        assertEquals(Optional.empty(), winter.instant());
        assertEquals(Instant.parse("2024-12-05T23:00:00Z"), winter.toInstant());
        assertEquals(Instant.parse("2024-06-05T22:00:00Z"), parse("6. juni 2024").toInstant());
    }

    @Test
    void theDayIsTheOneWrittenEvenWhenUtcDiffers() {
        PageDate date = parse("2024-12-06T00:30:00+01:00");
        assertEquals(LocalDate.of(2024, 12, 6), date.start());
        assertEquals(Instant.parse("2024-12-05T23:30:00Z"), date.instant().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "Nyheter", "31.02.2024", "30. februar 2024", "32. januar 2024", "13.13.2024", "2024-02-30",
        "Version 1.2.2024", "v2.1.2024", "1.2.2024.5", "versjon 10.12.2024", "tlf. 22.24.2024",
        "1.2.24", "12.500 kroner", "kr 1.200.000", "22 24 20 00", "+47 22 24 20 00", "3.14159",
        "2024", "2024-13", "123456789", "Sun, 16 Dec 2012 1:2:3:4 GMT", "Sun, 16 Dec 2012 11:47:32 +zz:00",
        "Sun, 16 Dec 2012 11:47:32 +00:zz", "Sun, 99 Jun 2009 12:00:00 GMT", "2003-12-31T25:14:55Z",
        "2013-01-28T09:xx:00Z", "2013-01-27-01", "Mai 2024", "Windows 10 2024", "6 marsipaner 2024",
        "Section 2 may apply", "we sold 3 mars bars", "et 3 des pommes",
    })
    void rejectsWhatIsNoDate(String text) {
        assertEquals(Optional.empty(), DateText.parse(text, REFERENCE), text);
    }

    @Test
    void nullAndHugeInputsAreSafe() {
        assertEquals(Optional.empty(), DateText.parse(null, REFERENCE));
        assertEquals(Optional.empty(), DateText.fromUrl(null));
        String huge = "x".repeat(1_000_000) + " 06.12.2024";
        assertEquals(Optional.empty(), DateText.parse(huge, REFERENCE)); // only the start of a huge text is read
        assertEquals(LocalDate.of(2024, 12, 6), parse("1".repeat(500) + " 06.12.2024").start());
    }

    @Test
    void twoDigitYearsFollowTheReference() {
        assertEquals(2018, DateText.twoDigitYear("18", LocalDate.of(2026, 1, 1)));
        assertEquals(2045, DateText.twoDigitYear("45", LocalDate.of(2026, 1, 1)));
        assertEquals(1999, DateText.twoDigitYear("99", LocalDate.of(2026, 1, 1)));
        assertEquals(2101, DateText.twoDigitYear("01", LocalDate.of(2090, 1, 1)));
    }

    @Test
    void yearlessFebruary29thTakesTheLeapYear() {
        assertEquals(LocalDate.of(2024, 2, 29), DateText.parse("29. februar", LocalDate.of(2025, 1, 10)).orElseThrow().start());
    }

    @Test
    void withoutReferenceTheYearlessDateIsNearToday() {
        LocalDate today = LocalDate.now(Oslo.ZONE);
        LocalDate parsed = DateText.parse(today.getDayOfMonth() + "." + today.getMonthValue() + "." + today.getYear()).orElseThrow().start();
        assertEquals(today, parsed);
        String yearless = today.getDayOfMonth() + " " + java.time.Month.from(today).getDisplayName(java.time.format.TextStyle.FULL,
                java.util.Locale.ENGLISH);
        assertEquals(today, DateText.parse(yearless).orElseThrow().start());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "https://www.politiet.no/aktuelt/nyheter/2018/02/08/menneskehandel-i-norge/ | 2018-02-08",
        "https://cbss.org/2024/04/25/some-news/                       | 2024-04-25",
        "https://example.org/news/2024-12-06/slug                      | 2024-12-06",
        "https://home-affairs.ec.europa.eu/news/some-slug-2024-12-18_en | 2024-12-18",
        "https://www.unodc.org/unodc/en/press/releases/2025/November/slug.html | 2025-11-01",
        "https://www.unodc.org/unodc/en/frontpage/2024/december/slug.html | 2024-12-01",
        "https://example.org/archive/20241206/item                     | 2024-12-06",
        "https://example.wordpress.com/2024/12/a-post/                  | 2024-12-01",
        "/nyheter/2018/2/8/x                                           | 2018-02-08",
    })
    void readsDatesFromUrls(String url, LocalDate expected) {
        assertEquals(Optional.of(expected), DateText.fromUrl(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://example.org/", "https://example.org/id12345678/", "https://example.org/article/20241399/",
        "https://example.org/2024/", "https://example.org/news?date=2024-12-06",
        "https://example.org/p/12345678", "https://example.org/2024/13/01/x", "https://example.org/sbst/nyheder/2021/aarsrapport",
        "https://example.org/1024/12/06/x", "not a url",
    })
    void ignoresUrlsWithoutADate(String url) {
        assertTrue(DateText.fromUrl(url).isEmpty(), url);
    }
}
