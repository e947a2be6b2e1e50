package no.kildevakt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "200ms, PT0.2S",
        "0s,    PT0S",
        "2s,    PT2S",
        "30s,   PT30S",
        "90m,   PT1H30M",
        "6h,    PT6H",
        "1d,    PT24H",
        "007s,  PT7S",
    })
    void parses(String text, Duration expected) {
        assertEquals(expected, Durations.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5 sec   | '\"5 sec\" is not a duration; write a whole number and a unit: ms, s, m, h or d (e.g. 200ms, 30s, 6h)'",
        "abc     | '\"abc\" is not a duration; write a whole number and a unit: ms, s, m, h or d (e.g. 200ms, 30s, 6h)'",
        "1.5h    | '\"1.5h\" is not a duration; write a whole number and a unit: ms, s, m, h or d (e.g. 200ms, 30s, 6h)'",
        "1h30m   | '\"1h30m\" is not a duration; write a whole number and a unit: ms, s, m, h or d (e.g. 200ms, 30s, 6h)'",
        "5S      | '\"5S\" is not a duration; write a whole number and a unit: ms, s, m, h or d (e.g. 200ms, 30s, 6h)'",
        "-1s     | '\"-1s\" is negative; write a whole number and a unit: ms, s, m, h or d (e.g. 200ms, 30s, 6h)'",
        "30      | '\"30\" has no unit; write e.g. 30s or 30m (units: ms, s, m, h, d)'",
        "''      | 'empty duration; write a whole number and a unit: ms, s, m, h or d (e.g. 200ms, 30s, 6h)'",
        "99999999999999999999d | '\"99999999999999999999d\" is too large for a duration'",
        "9999999999999999d     | '\"9999999999999999d\" is too large for a duration'",
    })
    void refusesWithAMessage(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Durations.parse(text)).getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "PT6H,     6h",
        "PT0.2S,   200ms",
        "PT2S,     2s",
        "PT1H30M,  90m",
        "PT24H,    1d",
        "PT1.5S,   1500ms",
        "PT0S,     0s",
        "PT-5S,    -5s",
        "PT0.0005S, 0s",
    })
    void formats(Duration duration, String expected) {
        assertEquals(expected, Durations.format(duration));
    }

    @ParameterizedTest
    @ValueSource(strings = {"200ms", "2s", "59s", "90m", "6h", "36h", "7d", "0s", "1500ms"})
    void formatReadsBackToTheSameDuration(String text) {
        Duration d = Durations.parse(text);
        assertEquals(d, Durations.parse(Durations.format(d)));
    }
}
