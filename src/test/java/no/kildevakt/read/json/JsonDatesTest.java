package no.kildevakt.read.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import no.kildevakt.date.PageDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonDatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2024, 12, 10);

    private static Optional<PageDate> read(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        return JsonDates.read(node, TODAY);
    }

    @ParameterizedTest(name = "{0} → {1}, day {2}")
    @CsvSource(delimiter = '|', value = {
        "1733486400                         | 2024-12-06T12:00:00Z     | 2024-12-06",
        "1733486400.5                       | 2024-12-06T12:00:00.500Z | 2024-12-06",
        "1733486400000                      | 2024-12-06T12:00:00Z     | 2024-12-06",
        "'\"1733486400\"'                   | 2024-12-06T12:00:00Z     | 2024-12-06",
        "'\"1733486400000\"'                | 2024-12-06T12:00:00Z     | 2024-12-06",
        "1733526000                         | 2024-12-06T23:00:00Z     | 2024-12-07",
        "'\"/Date(1787223052180+0200)/\"'   | 2026-08-20T10:50:52.180Z | 2026-08-20",
        "'\"/Date(1787095000000+0200)/\"'   | 2026-08-18T23:16:40Z     | 2026-08-19",
        "'\"/Date(1787095000000)/\"'        | 2026-08-18T23:16:40Z     | 2026-08-18",
        "'\"\\\\/Date(1787095000000-0500)\\\\/\"' | 2026-08-18T23:16:40Z | 2026-08-18",
        "'\"2024-12-06T10:00:00+01:00\"'    | 2024-12-06T09:00:00Z     | 2024-12-06",
        "'\"2024-12-06 10:00:00\"'          | 2024-12-06T09:00:00Z     | 2024-12-06",
    })
    void readsInstants(String json, Instant instant, LocalDate day) throws Exception {
        PageDate date = read(json).orElseThrow();
        assertEquals(instant, date.toInstant());
        assertEquals(day, date.start());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'\"6. desember 2024\"' | 2024-12-06",
        "'\"15. januar\"'       | 2025-01-15",
    })
    void readsTextDates(String json, LocalDate day) throws Exception {
        assertEquals(day, read(json).orElseThrow().start());
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "true", "0", "-5", "12", "[]", "{}", "\"\"", "\"i går\"", "\"/Date(abc)/\"", "1e300",
        "\"/Date(1787095000000+9999)/\"", "99999999999999999"})
    void refusesWhatIsNoDate(String json) throws Exception {
        assertEquals(Optional.empty(), read(json), json);
    }
}
