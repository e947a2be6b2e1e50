package no.kildevakt.read.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;
import no.kildevakt.date.Oslo;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.item.Item;
import no.kildevakt.item.ItemNormalizer;

/** The hand-made listing pages under {@code sources/} and what a reader should find on them. */
final class Fixtures {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-01T10:00:00Z"), ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.of(2026, 8, 1);

    private Fixtures() {}

    record Expected(String title, String url, LocalDate date) {}

    record Fixture(String id, URI url, boolean dateFromUrl, List<Expected> items) {
        byte[] body() {
            return bytes("sources/" + id + ".html");
        }

        FetchResponse response() {
            return Fixtures.response(url, body());
        }
    }

    static List<Fixture> all() {
        try (InputStream in = Fixtures.class.getResourceAsStream("sources/expected.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Fixture> out = new ArrayList<>();
            root.fields().forEachRemaining(e -> {
                List<Expected> items = new ArrayList<>();
                for (JsonNode i : e.getValue().get("items")) {
                    items.add(new Expected(i.get("title").asText(), i.get("url").asText(), LocalDate.parse(i.get("date").asText())));
                }
                out.add(new Fixture(e.getKey(), URI.create(e.getValue().get("url").asText()),
                        e.getValue().get("date_from_url").asBoolean(), items));
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FetchResponse response(URI url, byte[] body) {
        return new FetchResponse(url, url, 200, body, "text/html; charset=utf-8", null, null, null, 1);
    }

    static FetchResponse html(String url, String html) {
        return response(URI.create(url), html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static SourceConfig source(String id, URI url, String section, Map<String, String> select, boolean dateFromUrl, int pages) {
        return new SourceConfig(id, id, url, SourceType.HTML, section, select, Optional.empty(), 1.0, 1, dateFromUrl, pages, false);
    }

    /** A reader that must not fetch anything (single-page sources). */
    static HtmlListingReader reader(java.util.Set<String> eventSections) {
        return new HtmlListingReader(request -> {
            throw new AssertionError("unexpected fetch of " + request.url());
        }, eventSections::contains, new ItemNormalizer(), new ListingDetector(), CLOCK);
    }

    /** The Oslo day of an item's date, or null. */
    static LocalDate day(Item item) {
        return item.published() == null ? null : LocalDate.ofInstant(item.published(), Oslo.ZONE);
    }
}
