package no.kildevakt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTextTest {

    @ParameterizedTest
    @CsvSource({
        "section, section, 0",
        "sektion, section, 1",
        "sectoin, section, 1",
        "secton,  section, 1",
        "nosrke,  norske,  1",
        "url,     name,    4",
        "'',      id,      2",
    })
    void editDistanceCountsASwapAsOneEdit(String a, String b, int expected) {
        assertEquals(expected, ConfigText.editDistance(a, b));
    }

    @Test
    void closestSuggestsOnlyLikelyTypos() {
        List<String> keys = List.of("id", "name", "url", "type", "section", "interval", "weight", "select");
        assertEquals(Optional.of("section"), ConfigText.closest("sektion", keys));
        assertEquals(Optional.of("url"), ConfigText.closest("URL", keys));
        assertEquals(Optional.of("url"), ConfigText.closest("uri", keys));
        assertEquals(Optional.of("interval"), ConfigText.closest("intervall", keys));
        assertEquals(Optional.empty(), ConfigText.closest("colour", keys));
        assertEquals(Optional.empty(), ConfigText.closest("x".repeat(100_000), keys));
    }

    @Test
    void quoteKeepsMessagesOnOneLine() {
        assertEquals("\"a\\nb\\t\\\"c\\\"\\u0007\"", ConfigText.quote("a\nb\t\"c\"\u0007"));
        assertEquals("\"" + "x".repeat(80) + "…\"", ConfigText.quote("x".repeat(200)));
    }
}
