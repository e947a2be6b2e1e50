package no.kildevakt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** validate refuses what a crawl could never use — an unfetchable URL, an absurd duration — with the line. */
class ConfigUrlTest {
    private static final String HEAD = "sections:\n  - {id: norske, title: \"Norske\"}\nsources:\n";

    @Test
    void aUrlWithAPortThatDoesNotExistIsRefusedWithItsLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().parse(Path.of("feeds.yml"),
                HEAD + "  - id: a\n    url: https://example.org:99999/feed\n    section: norske\n"));
        assertEquals("feeds.yml:5: sources[0].url: \"https://example.org:99999/feed\": port 99999 does not exist (ports go up to 65535)",
                e.getMessage());
    }

    @Test
    void aUrlTheHttpClientCannotSendIsRefusedWithItsLineEvenWhenAnotherSourceSharesItsHost() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().parse(Path.of("feeds.yml"),
                HEAD + "  - {id: a, url: \"https://example.org:0/a\", section: norske}\n"
                        + "  - {id: b, url: \"https://example.org:0/b?page=2\", section: norske}\n"));
        assertEquals("feeds.yml:4: sources[0].url: \"https://example.org:0/a\" is not a URL the HTTP client can fetch",
                e.getMessage());
    }

    @Test
    void anIntervalBeyondAYearIsRefusedBeforeItOverflowsTheSchedule() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().parse(Path.of("feeds.yml"),
                "settings: {interval: 9999999999999d}\n" + HEAD + "  - {id: a, url: \"https://example.org/feed\", section: norske}\n"));
        assertEquals("feeds.yml:1: settings.interval: \"9999999999999d\" is longer than the most allowed, 365d", e.getMessage());
    }

    @Test
    void aTimeoutOfHoursIsATypo() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().parse(Path.of("feeds.yml"),
                "settings: {timeout: 30h}\n" + HEAD + "  - {id: a, url: \"https://example.org/feed\", section: norske}\n"));
        assertEquals("feeds.yml:1: settings.timeout: \"30h\" is longer than the most allowed, 1h", e.getMessage());
    }
}
