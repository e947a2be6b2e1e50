package no.kildevakt.read.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import no.kildevakt.config.Config;
import no.kildevakt.config.ConfigException;
import no.kildevakt.config.ConfigLoader;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.item.Entries;
import no.kildevakt.item.Entry;
import no.kildevakt.item.Item;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.read.SourceReader;
import no.kildevakt.read.SourceReaders;
import org.junit.jupiter.api.Test;

/**
 * A new source type is one package and one line: this package is the toy type's reader, and the
 * {@code with} line below its registration. Nothing in config, crawl or the other readers changes,
 * yet feeds.yml accepts {@code type: toy} and its sources are read into items like any other's.
 */
class ToySourceTypeTest {
    private static final SourceType TOY = SourceType.of("toy");

    /** Reads "day|title|link" lines: about the least a source type can be. */
    private static final class ToyReader implements SourceReader {
        private final ItemNormalizer normalizer;
        private final Predicate<String> eventSection;

        ToyReader(ItemNormalizer normalizer, Predicate<String> eventSection) {
            this.normalizer = normalizer;
            this.eventSection = eventSection;
        }

        @Override
        public Reading read(SourceConfig source, FetchResponse response) {
            List<Entry> entries = new ArrayList<>();
            for (String line : new String(response.body(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split("\\|");
                LocalDate day = LocalDate.parse(f[0]);
                entries.add(new Entry(null, f[1], f[2], null, day.atStartOfDay(ZoneOffset.UTC).toInstant(), null,
                        eventSection.test(source.section()) ? day : null, true));
            }
            return new Reading(normalizer.normalize(Entries.of(source.url().toString(), entries)), List.of());
        }
    }

    private static final SourceReaders READERS = SourceReaders.STANDARD
            .with(TOY, c -> new ToyReader(c.normalizer(), c.eventSection()));

    private static final String YAML = "sections:\n  - {id: kurs, title: \"Kurs\", events: true}\nsources:\n"
            + "  - {id: leker, url: \"https://toy.example/list\", section: kurs, type: toy}\n";

    @Test
    void aRegisteredTypeIsAcceptedByTheConfigAndReadIntoItems() throws Exception {
        Config config = new ConfigLoader(READERS.types()).parse(Path.of("feeds.yml"), YAML);
        SourceConfig source = config.sources().get(0);
        assertEquals(TOY, source.type());

        Map<SourceType, SourceReader> readers = READERS.readers(config, request -> {
            throw new AssertionError("the toy reader fetches nothing");
        }, Clock.systemUTC());
        byte[] body = "2026-05-04|Kurs i <b>lek</b>|https://toy.example/kurs?utm_source=x\n".getBytes(StandardCharsets.UTF_8);
        FetchResponse response = new FetchResponse(source.url(), source.url(), 200, body, "text/plain", null, null, null, 1);
        List<Item> items = readers.get(source.type()).read(source, response).items();

        assertEquals(1, items.size());
        Item item = items.get(0);
        assertEquals("Kurs i lek", item.title());
        assertEquals("https://toy.example/kurs", item.url());
        assertEquals("url:https://toy.example/kurs", item.dedupeKey());
        assertEquals(Instant.parse("2026-05-04T00:00:00Z"), item.published());
        assertEquals(LocalDate.of(2026, 5, 4), item.eventDate());
    }

    @Test
    void theStandardTypesStillRefuseIt() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(SourceReaders.STANDARD.types()).parse(Path.of("feeds.yml"), YAML));
        assertEquals("feeds.yml:4: sources[0].type: unknown type \"toy\" (allowed: feed, html, json)", e.getMessage());
    }
}
