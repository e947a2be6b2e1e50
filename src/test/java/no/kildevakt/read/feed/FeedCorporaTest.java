package no.kildevakt.read.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import no.kildevakt.SharedCorpora;
import no.kildevakt.date.FeedDates;
import no.kildevakt.item.Entry;
import no.kildevakt.text.CharsetSniffer;
import no.kildevakt.text.DecodedText;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the parser over third-party corpora (feedparser, feed-rs, gofeed, miniflux) read in place from
 * {@code kildevakt.shared}/corpora. Prints the pass rate per field and asserts floors a little below
 * what the parser achieves today, so that a regression fails while known gaps do not.
 */
class FeedCorporaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ROLES =
            Set.of("entry.title", "entry.link", "entry.published", "entry.updated", "feed.title", "entry.id");

    private static Path corpora;
    private final FeedParser parser = new FeedParser();

    @BeforeAll
    static void locateCorpora() {
        corpora = SharedCorpora.path();
    }

    /** Pass/total per label, printed as a table. */
    private static final class Tally {
        final Map<String, int[]> counts = new LinkedHashMap<>();
        final Map<String, List<String>> failures = new LinkedHashMap<>();

        void add(String label, boolean pass, String detail) {
            int[] c = counts.computeIfAbsent(label, k -> new int[2]);
            c[1]++;
            if (pass) {
                c[0]++;
            } else {
                List<String> f = failures.computeIfAbsent(label, k -> new ArrayList<>());
                if (f.size() < Integer.getInteger("kildevakt.corpora.failures", 5)) {
                    f.add(detail);
                }
            }
        }

        double rate(String label) {
            int[] c = counts.get(label);
            return c == null || c[1] == 0 ? 1.0 : (double) c[0] / c[1];
        }

        void print(String title) {
            StringBuilder sb = new StringBuilder("\n== " + title + " ==\n");
            sb.append(String.format("%-20s %8s %8s %7s%n", "field", "passed", "total", "rate"));
            counts.forEach((k, c) -> sb.append(String.format("%-20s %8d %8d %6.1f%%%n", k, c[0], c[1],
                    c[1] == 0 ? 100.0 : 100.0 * c[0] / c[1])));
            if (Boolean.getBoolean("kildevakt.corpora.verbose")) {
                failures.forEach((k, f) -> f.forEach(d -> sb.append("  FAIL ").append(k).append(": ").append(d).append('\n')));
            }
            System.out.print(sb);
        }
    }

    // ---------------------------------------------------------------- feedparser

    @Test
    void feedparserManifest() throws IOException {
        Path root = corpora.resolve("feedparser");
        List<String> uncaught = new ArrayList<>();
        Tally tally = new Tally();
        int files = 0;
        int rejected = 0;
        for (String line : Files.readAllLines(root.resolve("manifest.jsonl"))) {
            JsonNode row = JSON.readTree(line);
            String file = row.get("file").asText();
            files++;
            byte[] body = Files.readAllBytes(root.resolve(file));
            String contentType = null;
            JsonNode headers = row.get("http_headers");
            if (headers != null && headers.isObject()) {
                for (Iterator<String> names = headers.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (name.equalsIgnoreCase("Content-Type")) {
                        contentType = headers.get(name).asText();
                    }
                }
            }
            ParsedFeed feed = null;
            try {
                feed = parser.parse(body, contentType, URI.create("http://127.0.0.1:8097/tests/" + file));
            } catch (FeedParseException e) {
                rejected++;
                if (file.startsWith("wellformed/")) {
                    tally.add("parsed (wellformed)", false, file + ": " + e.getMessage());
                }
            } catch (Throwable t) {
                uncaught.add(file + ": " + t);
            }
            if (!file.startsWith("wellformed/")) {
                continue;
            }
            if (feed != null) {
                tally.add("parsed (wellformed)", true, file);
            }
            if (!row.path("fully_structured").asBoolean()) {
                continue;
            }
            for (JsonNode a : row.path("assertions")) {
                String role = a.path("role").asText();
                if (!ROLES.contains(role)) {
                    continue;
                }
                Optional<Boolean> verdict = evaluate(feed, a);
                ParsedFeed parsed = feed;
                verdict.ifPresent(pass -> tally.add(role, pass, file + " " + a + " GOT " + brief(parsed)));
            }
        }
        tally.print("feedparser manifest (" + files + " files, " + rejected + " rejected as not a feed)");
        assertTrue(uncaught.isEmpty(), "uncaught exceptions: " + uncaught);
        assertEquals(2106, files);
        // measured: parsed 98.3%, feed.title 84.2%, entry.title 90.1%, entry.link 92.0%, entry.id 90.0%,
        // entry.published 87.5%, entry.updated 50.0% (feedparser files RSS dc:date under "updated"; we call it
        // published). Known gaps: CDF, Atom 0.3 base64 titles, unknown-namespace "Atom", sanitised titles.
        assertFloor(tally, "parsed (wellformed)", 0.97);
        assertFloor(tally, "feed.title", 0.80);
        assertFloor(tally, "entry.title", 0.88);
        assertFloor(tally, "entry.link", 0.88);
        assertFloor(tally, "entry.id", 0.85);
        assertFloor(tally, "entry.published", 0.85);
        assertFloor(tally, "entry.updated", 0.45);
    }

    private static String brief(ParsedFeed feed) {
        if (feed == null) {
            return "nothing";
        }
        return "title=" + feed.title() + " " + (feed.entries().isEmpty() ? "no entries" : feed.entries().get(0).toString());
    }

    /** Empty when the assertion addresses something the model does not have. */
    private static Optional<Boolean> evaluate(ParsedFeed feed, JsonNode a) {
        JsonNode path = a.has("canonical_path") ? a.get("canonical_path") : a.get("path");
        String op = a.path("op").asText();
        if (!op.equals("==") && !op.equals("absent")) {
            return Optional.empty();
        }
        if (path.size() < 2) {
            return Optional.empty();
        }
        String head = path.get(0).asText();
        String key = path.get(path.size() - 1).asText();
        boolean onFeed = head.equals("feed") && path.size() == 2;
        boolean onEntry = head.equals("entries") && path.size() == 3 && path.get(1).isInt();
        if (!onFeed && !onEntry) {
            return Optional.empty();
        }
        if (feed == null) {
            return Optional.of(false);
        }
        Entry entry = null;
        if (onEntry) {
            int index = path.get(1).asInt();
            if (index >= feed.entries().size()) {
                return Optional.of(false);
            }
            entry = feed.entries().get(index);
        }
        JsonNode value = a.get("value");
        switch (key) {
            case "title" -> {
                String actual = onFeed ? feed.title() : entry.title();
                return Optional.of(sameText(value.asText(), actual));
            }
            case "link" -> {
                String actual = onFeed ? feed.link() : entry.link();
                return Optional.of(op.equals("absent") ? actual == null : value.asText().equals(actual));
            }
            case "id", "guid" -> {
                return onEntry ? Optional.of(value.asText().equals(entry.guid())) : Optional.empty();
            }
            case "published", "published_parsed", "updated", "updated_parsed" -> {
                if (!onEntry) {
                    return Optional.empty();
                }
                Instant actual = key.startsWith("published") ? entry.published() : entry.updated();
                Optional<Instant> expected = a.has("value_iso_utc")
                        ? Optional.of(Instant.parse(a.get("value_iso_utc").asText()))
                        : FeedDates.parse(value.asText());
                return expected.map(e -> e.equals(actual));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** feedparser sanitises titles into HTML; compare the visible text of both sides. */
    private static boolean sameText(String expected, String actual) {
        return actual != null && visible(expected).equals(visible(actual));
    }

    private static String visible(String s) {
        return Jsoup.parse(s).text().replaceAll("\\s+", " ").strip();
    }

    // ---------------------------------------------------------------- feed-rs

    @Test
    void feedRsFixtures() throws IOException {
        Path root = corpora.resolve("feed-rs/fixture");
        Tally tally = new Tally();
        List<Path> expectations;
        try (Stream<Path> walk = Files.walk(root)) {
            expectations = walk.filter(p -> p.toString().endsWith(".serde.json")).sorted().toList();
        }
        for (Path expectation : expectations) {
            String name = expectation.getFileName().toString().replace(".serde.json", "");
            Path xml = expectation.resolveSibling(name + ".xml");
            if (!Files.exists(xml)) {
                continue; // JSON Feed inputs
            }
            JsonNode expected = JSON.readTree(expectation.toFile());
            ParsedFeed feed;
            try {
                feed = parser.parse(Files.readAllBytes(xml), null, null);
            } catch (FeedParseException e) {
                tally.add("parsed", false, name + ": " + e.getMessage());
                continue;
            }
            tally.add("parsed", true, name);
            JsonNode entries = expected.path("entries");
            tally.add("entry count", entries.size() == feed.entries().size(), name);
            for (int i = 0; i < entries.size() && i < feed.entries().size(); i++) {
                JsonNode e = entries.get(i);
                Entry actual = feed.entries().get(i);
                JsonNode title = e.path("title").path("content");
                if (title.isTextual()) {
                    tally.add("entry.title", sameText(title.asText(), actual.title()), name + "[" + i + "] " + actual.title());
                }
                JsonNode links = e.path("links");
                if (links.size() > 0) {
                    String href = links.get(0).path("href").asText();
                    tally.add("entry.link", sameLink(href, actual.link()), name + "[" + i + "] " + href + " vs " + actual.link());
                }
                JsonNode published = e.path("published");
                if (published.isTextual()) {
                    Instant p = OffsetDateTime.parse(published.asText()).toInstant();
                    tally.add("entry.published", p.equals(actual.published()), name + "[" + i + "] " + p + " vs " + actual.published());
                }
                JsonNode updated = e.path("updated");
                if (updated.isTextual() && name.startsWith("atom")) { // feed-rs copies an RSS pubDate here; we do not
                    Instant u = OffsetDateTime.parse(updated.asText()).toInstant();
                    tally.add("entry.updated (Atom)", u.equals(actual.updated()), name + "[" + i + "] " + u + " vs " + actual.updated());
                }
            }
        }
        tally.print("feed-rs fixtures (" + expectations.size() + " expectations)");
        // measured: parsed 100%, titles 100%, links 97.6% (feed-rs leaves RDF relative links unresolved),
        // published 100%, Atom updated 100% (two of them have milliseconds)
        assertFloor(tally, "parsed", 0.98);
        assertFloor(tally, "entry count", 0.98);
        assertFloor(tally, "entry.title", 0.98);
        assertFloor(tally, "entry.link", 0.95);
        assertFloor(tally, "entry.published", 0.98);
        assertFloor(tally, "entry.updated (Atom)", 0.98);
    }

    /** feed-rs normalises links with the WHATWG URL parser; compare modulo a trailing slash and case of host. */
    private static boolean sameLink(String expected, String actual) {
        if (actual == null) {
            return false;
        }
        return loose(expected).equals(loose(actual));
    }

    private static String loose(String s) {
        String t = s.strip().replace("&amp;", "&").replace(" ", "%20");
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.toLowerCase(java.util.Locale.ROOT);
    }

    // ---------------------------------------------------------------- gofeed

    @Test
    void gofeedTranslatorPairs() throws IOException {
        Tally tally = new Tally();
        int pairs = 0;
        for (String kind : List.of("rss", "atom")) {
            Path dir = corpora.resolve("gofeed/testdata/translator/" + kind);
            List<Path> inputs;
            try (Stream<Path> list = Files.list(dir)) {
                inputs = list.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
            }
            for (Path xml : inputs) {
                Path json = xml.resolveSibling(xml.getFileName().toString().replace(".xml", ".json"));
                if (!Files.exists(json)) {
                    continue;
                }
                pairs++;
                String name = kind + "/" + xml.getFileName();
                JsonNode expected = JSON.readTree(json.toFile());
                ParsedFeed feed;
                try {
                    feed = parser.parse(Files.readAllBytes(xml), null, null);
                } catch (FeedParseException e) {
                    tally.add("parsed", false, name + ": " + e.getMessage());
                    continue;
                }
                tally.add("parsed", true, name);
                if (expected.path("title").isTextual()) {
                    tally.add("feed.title", sameText(expected.get("title").asText(), feed.title()), name + " " + feed.title());
                }
                JsonNode items = expected.path("items");
                for (int i = 0; i < items.size(); i++) {
                    JsonNode item = items.get(i);
                    Entry actual = i < feed.entries().size() ? feed.entries().get(i) : null;
                    if (item.path("title").isTextual()) {
                        tally.add("item.title", actual != null && sameText(item.get("title").asText(), actual.title()),
                                name + " " + (actual == null ? null : actual.title()));
                    }
                    if (item.path("link").isTextual()) {
                        tally.add("item.link", actual != null && item.get("link").asText().strip().equals(actual.link()),
                                name + " " + item.get("link").asText() + " vs " + (actual == null ? null : actual.link()));
                    }
                    if (item.path("publishedParsed").isTextual()) {
                        Instant p = OffsetDateTime.parse(item.get("publishedParsed").asText()).toInstant();
                        tally.add("item.publishedParsed", actual != null && p.equals(actual.published()),
                                name + " " + p + " vs " + (actual == null ? null : actual.published()));
                    }
                }
            }
        }
        tally.print("gofeed translator (" + pairs + " pairs)");
        // measured: all parsed, titles and dates 100%, links 4/5 (gofeed takes the last of three <link>s)
        assertFloor(tally, "parsed", 0.98);
        assertFloor(tally, "feed.title", 0.95);
        assertFloor(tally, "item.title", 0.95);
        assertFloor(tally, "item.link", 0.75);
        assertFloor(tally, "item.publishedParsed", 0.95);
    }

    // ---------------------------------------------------------------- miniflux

    @Test
    void minifluxCharsetExpectations() throws IOException {
        Path root = corpora.resolve("miniflux");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String line : Files.readAllLines(root.resolve("expectations.jsonl"))) {
            JsonNode row = JSON.readTree(line);
            String file = row.get("file").asText();
            byte[] body = Files.readAllBytes(root.resolve(file));
            String contentType = row.has("http_content_type") ? row.get("http_content_type").asText() : null;
            DecodedText decoded = CharsetSniffer.decode(body, contentType);
            List<String> mustContain = new ArrayList<>();
            row.path("decoded_text_must_contain").forEach(n -> mustContain.add(n.asText()));
            for (String field : List.of("field_equals", "field_contains")) {
                row.path(field).forEach(n -> mustContain.add(n.asText()));
            }
            if (file.endsWith("iso88591_utf8_mismatch.xml")) {
                // upstream drops the invalid bytes; our documented policy decodes such a body as windows-1252
                mustContain.replaceAll(s -> s.equals("Anas") ? "Anaïs" : s.equals("Jrgen") ? "Jürgen" : s);
            }
            for (String expected : mustContain) {
                checked++;
                if (!decoded.text().contains(expected)) {
                    failures.add(file + " (" + row.get("test").asText() + ") lacks '" + expected + "', decoded as "
                            + decoded.description());
                }
            }
        }
        System.out.printf("%n== miniflux charset expectations: %d/%d substrings found ==%n",
                checked - failures.size(), checked);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    // ---------------------------------------------------------------- date vectors

    @Test
    void dateVectors() throws IOException {
        Tally tally = new Tally();
        for (String line : Files.readAllLines(corpora.resolve("feedparser/date_vectors.jsonl"))) {
            JsonNode row = JSON.readTree(line);
            String kind = row.path("parser").asText();
            if (!Set.of("rfc822", "w3dtf", "iso8601", "asctime").contains(kind)) {
                continue;
            }
            checkVector(tally, "feedparser " + kind, row);
        }
        for (String line : Files.readAllLines(corpora.resolve("gofeed/date_vectors.jsonl"))) {
            checkVector(tally, "gofeed", JSON.readTree(line));
        }
        tally.print("date vectors (FeedDates.parse)");
        assertFloor(tally, "feedparser rfc822", 1.0);
        assertFloor(tally, "feedparser w3dtf", 1.0);
        assertFloor(tally, "feedparser asctime", 1.0);
        assertFloor(tally, "feedparser iso8601", 0.85);
        assertFloor(tally, "gofeed", 1.0);
    }

    private static void checkVector(Tally tally, String label, JsonNode row) {
        String input = row.path("input").isNull() ? null : row.path("input").asText();
        JsonNode expected = row.path("expected_utc");
        Optional<Instant> actual = FeedDates.parse(input);
        // both corpora state whole seconds (feedparser's struct_time has no fraction); FeedDates keeps milliseconds
        boolean pass = expected.isNull() ? actual.isEmpty()
                : actual.isPresent() && actual.get().truncatedTo(ChronoUnit.SECONDS).equals(Instant.parse(expected.asText()));
        tally.add(label, pass, "'" + input + "' -> " + actual.orElse(null) + ", expected " + expected);
    }

    private static void assertFloor(Tally tally, String label, double floor) {
        double rate = tally.rate(label);
        assertTrue(rate >= floor, label + " pass rate " + String.format("%.3f", rate) + " fell below " + floor
                + "; failures: " + tally.failures.getOrDefault(label, List.of()));
    }
}
