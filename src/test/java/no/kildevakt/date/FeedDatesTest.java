package no.kildevakt.date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Thu, 17 Sep 2026 11:00:00 +0200 | 2026-09-17T09:00:00Z",
        "Thu, 17 Sep 26 11:00:00 +0200   | 2026-09-17T09:00:00Z",
        "Thu, 17 Sep 2026 11:00 +0200    | 2026-09-17T09:00:00Z",
        "17 Sep 2026 11:00:00 CEST       | 2026-09-17T09:00:00Z",
        "Thu, 09 Apr 2026 00:00:00 GMT   | 2026-04-09T00:00:00Z",
        "Wed, 18 Nov 2026 10:00:00 Europe/Oslo | 2026-11-18T09:00:00Z",
        "tor, 17 sep 2026 11:00:00 +0200 | 2026-09-17T09:00:00Z",
        "17 desember 2026                | 2026-12-17T00:00:00Z",
        "2026-08-20T10:00:00+02:00       | 2026-08-20T08:00:00Z",
        "2026-08-20T10:00+02:00          | 2026-08-20T08:00:00Z",
        "2026-08-20T10:00:00.123+0200    | 2026-08-20T08:00:00.123Z",
        "2026-08-20T10:00:00.001Z        | 2026-08-20T10:00:00.001Z",
        "2026-08-20T10:00:00.80Z         | 2026-08-20T10:00:00.800Z",
        "2026-08-20T10:00:00,5Z          | 2026-08-20T10:00:00.500Z",
        "2026-08-20T10:00:00.123456789Z  | 2026-08-20T10:00:00.123Z",
        "20260820T100000.25Z             | 2026-08-20T10:00:00.250Z",
        "Thu, 20 Aug 2026 10:00:00.75 GMT | 2026-08-20T10:00:00.750Z",
        "2026-08-20 10:00:00             | 2026-08-20T10:00:00Z",
        "2026-08-20                      | 2026-08-20T00:00:00Z",
        "20260820T100000Z                | 2026-08-20T10:00:00Z",
        "Sun Jan  4 16:29:06 2004        | 2004-01-04T16:29:06Z",
    })
    void parses(String input, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), FeedDates.parse(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "sometime", "Sun, 99 Jun 2009 12:00:00 GMT", "2026-13-01",
        "2026-08-20T25:00:00Z", "Sun, 16 Dec 2012 11:47:32 +zz:00", "Sun, 31 Dec 9999 23:59:59 -9999"})
    void rejects(String input) {
        assertTrue(FeedDates.parse(input).isEmpty(), input);
    }

    @org.junit.jupiter.api.Test
    void nullIsEmpty() {
        assertTrue(FeedDates.parse(null).isEmpty());
    }

    /** The loop that cuts an RFC 822 date into words cuts as the pattern it replaced did, edge cases too. */
    @org.junit.jupiter.api.Test
    void tokensAreThoseOfTheSeparatorPattern() {
        java.util.regex.Pattern separators = java.util.regex.Pattern.compile("[\\s,]+");
        java.util.List<String> cases = new java.util.ArrayList<>(java.util.List.of("", " ", ",", "a", " a", "a ", ", a,, b ,",
                "Mon, 07 Oct 2024 10:00:00 +0200", "\t\u000Bx\fy\r\nz", "a\u00A0b", "\u2003a b\u2003"));
        java.util.Random random = new java.util.Random(822);
        String alphabet = "ab1 ,\t\n\u000B\f\r\u00A0\u2003:";
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            cases.add(sb.toString());
        }
        for (String s : cases) {
            assertEquals(java.util.List.of(separators.split(s)), java.util.List.of(FeedDates.tokens(s)), "\"" + s + "\"");
        }
    }
}
