package no.kildevakt.read.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.kildevakt.config.Config;
import no.kildevakt.config.ConfigLoader;
import no.kildevakt.config.Section;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;
import no.kildevakt.fetch.FetchException;
import no.kildevakt.item.Item;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.item.UrlCanonicalizer;
import no.kildevakt.read.SourceReader;
import no.kildevakt.read.json.JsonReader;
import org.junit.jupiter.api.Test;

/**
 * Every html and json source of the bundled feeds.yml, read exactly as configured (selectors,
 * date_from_url, pages, section) from a hand-made page in its site's structure: each must give
 * items with titles, links and dates, and the html ones exactly the items the page shows.
 */
class BundledSourcesTest {
    /** Fixtures of the json sources, written with the JSON reader (package no.kildevakt.json). */
    private static final Map<String, String> JSON_FIXTURES = Map.of(
            "europol-newsroom", "/no/kildevakt/read/json/europol-newsroom.html",
            "sting-saker", "/no/kildevakt/read/json/stortinget-saker.json");

    @Test
    void everyListingSourceReadsItsFixture() throws Exception {
        Config config = new ConfigLoader().load(Path.of("feeds.yml"));
        Set<String> events = config.sections().stream().filter(Section::events).map(Section::id).collect(Collectors.toSet());
        Map<String, Fixtures.Fixture> fixtures = Fixtures.all().stream().collect(Collectors.toMap(Fixtures.Fixture::id, f -> f));
        // further listing pages are not part of a fixture: the reader must keep page 1 when page 2 fails
        HtmlListingReader html = new HtmlListingReader(request -> {
            throw new FetchException(FetchException.Kind.GONE, request.url(), "HTTP 404 (test: no second page)");
        }, events::contains, new ItemNormalizer(), new ListingDetector(), Fixtures.CLOCK);
        JsonReader json = new JsonReader(events::contains, new ItemNormalizer(), new UrlCanonicalizer(), Fixtures.CLOCK);

        List<String> read = new ArrayList<>();
        for (SourceConfig source : config.sources()) {
            if (source.type() == SourceType.FEED) {
                continue;
            }
            boolean isEvents = events.contains(source.section());
            SourceReader.Reading reading;
            if (source.type() == SourceType.HTML) {
                Fixtures.Fixture f = fixtures.get(source.id());
                assertNotNull(f, "html source " + source.id() + " has no fixture page sources/" + source.id() + ".html");
                reading = html.read(source, Fixtures.response(source.url(), f.body()));
                List<String> got = reading.items().stream()
                        .map(i -> i.title() + " | " + i.url() + " | " + (isEvents ? i.eventDate() : Fixtures.day(i))).toList();
                List<String> want = f.items().stream().map(e -> e.title() + " | " + e.url() + " | " + e.date()).toList();
                assertEquals(want, got, source.id());
                assertTrue(reading.warnings().stream().allMatch(w -> w.startsWith("page 2 (")), source.id() + ": " + reading.warnings());
            } else {
                String resource = JSON_FIXTURES.get(source.id());
                assertNotNull(resource, "json source " + source.id() + " has no fixture");
                reading = json.read(source, Fixtures.response(source.url(), Fixtures.bytes(resource)));
                assertTrue(reading.items().size() >= 3, source.id() + ": " + reading.items());
            }
            for (Item i : reading.items()) {
                assertFalse(i.title().isBlank(), source.id());
                assertTrue(i.url().startsWith("https://"), source.id() + ": " + i.url());
            }
            long dated = reading.items().stream().filter(i -> (isEvents ? i.eventDate() : Fixtures.day(i)) != null).count();
            assertTrue(dated * 3 >= reading.items().size() * 2, source.id() + ": most items have dates: " + reading.items());
            read.add(source.id());
        }
        System.out.println("bundled listing sources read from their fixtures: " + read.size() + " " + read);
        assertEquals(19, read.size(), "every html and json source of feeds.yml: " + read);
    }

    @Test
    void eventSourcesGiveEventDates() throws Exception {
        Config config = new ConfigLoader().load(Path.of("feeds.yml"));
        SourceConfig kurs = config.source("rvtsost-kurs").orElseThrow();
        Fixtures.Fixture f = Fixtures.all().stream().filter(x -> x.id().equals("rvtsost-kurs")).findFirst().orElseThrow();
        HtmlListingReader reader = Fixtures.reader(Set.of("arrangementer"));
        List<Item> items = reader.read(kurs, f.response()).items();
        assertEquals(LocalDate.of(2025, 1, 15), items.get(0).eventDate());
        assertEquals(LocalDate.of(2025, 3, 3), items.get(2).eventDate());
    }
}
