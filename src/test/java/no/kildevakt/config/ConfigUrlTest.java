package no.kildevakt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** validate refuses what the crawl could never fetch, with the line. */
class ConfigUrlTest {
    private static final String HEAD = "sections:\n  - {id: norske, title: \"Norske\"}\nsources:\n";

    @Test
    void aUrlWithAPortThatDoesNotExistIsRefusedWithItsLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().parse(Path.of("feeds.yml"),
                HEAD + "  - id: a\n    url: https://example.org:99999/feed\n    section: norske\n"));
        assertEquals("feeds.yml:5: sources[0].url: \"https://example.org:99999/feed\": port 99999 does not exist (ports go up to 65535)",
                e.getMessage());
    }
}
