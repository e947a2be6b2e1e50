package no.kildevakt.read.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.date.DateText;
import no.kildevakt.date.Oslo;
import no.kildevakt.date.PageDate;
import no.kildevakt.fetch.AcceptHeaders;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.item.Entries;
import no.kildevakt.item.Entry;
import no.kildevakt.item.Item;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.item.UrlCanonicalizer;
import no.kildevakt.read.SourceReadException;
import no.kildevakt.read.SourceReader;
import no.kildevakt.text.CharsetSniffer;
import no.kildevakt.text.DecodedText;
import no.kildevakt.text.OneLine;

/**
 * Reads {@code type: json} sources: open-data APIs (data.stortinget.no, an Algolia index) and
 * pages that render their listing from JSON embedded in a script (Europol's
 * {@code window.SERVER_DATA}). Such sources have no feed and their HTML is empty until
 * JavaScript runs, but the data itself is right there.
 *
 * <p><b>feeds.yml.</b> {@code select.items} is the {@link JsonPath} of the list of items (empty
 * or absent: the document itself is the list); {@code title}, {@code link}, {@code date} and
 * {@code summary} are paths inside one item. {@code link} may instead be a template with paths
 * in braces, for APIs that give ids rather than URLs:
 * {@code https://www.stortinget.no/no/Saker-og-publikasjoner/Saker/Sak/?p={id}}. {@code script}
 * names embedded JSON ({@link EmbeddedJson}); a response that is JSON is read as such either way.
 *
 * <p><b>Items.</b> Links are resolved against the URL the response came from and made
 * canonical; titles and summaries become plain text; dates are read by {@link JsonDates}
 * (epoch seconds or milliseconds, {@code /Date(...)/}, anything {@link DateText} reads), with
 * the link's date as fallback when {@code date_from_url: true}. Each item's identity is its link
 * (dedupe key {@code url:<canonical link>}, as for HTML listings, so the same article found by a
 * feed merges with it); items sharing one link are told apart by title ({@link ItemNormalizer}).
 * In an {@code events: true} section the date is the event's start, kept as the item's event date.
 *
 * <p><b>Failures.</b> A response that is not JSON, a path that does not fit the document, or a
 * list none of whose items has a title and a link is a {@link SourceReadException} whose one-line
 * message names the path and what was found ({@code select.items "a.b[0]": no field "b" in an
 * object with fields x, y}). Single items without title or link are skipped with a warning.
 *
 * <p>Thread-safe: it holds only immutable collaborators.
 */
public final class JsonReader implements SourceReader {

    /** Levels a document may nest; real APIs use a handful, and Jackson's own limit (500) would still let a hostile one go far. */
    static final int MAX_NESTING = 256;
    /** Digits a number may have (Jackson's default, stated so the message can name it). */
    static final int MAX_NUMBER_LENGTH = 1000;

    /** How many item numbers a warning lists. */
    private static final int EXAMPLES = 5;
    private static final Pattern TEMPLATE_FIELD = Pattern.compile("\\{([^{}]+)}");

    /**
     * Reads JavaScript-ish literals too; strict JSON is a subset, so one mapper serves both. Its
     * limits on nesting and number length make a hostile document a clear failure of its source.
     * Held by a class of its own so that a crawl without JSON sources never builds it (Jackson is a
     * few hundred classes to load at every cron start).
     */
    private static final class Lenient {
        static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(MAX_NESTING).maxNumberLength(MAX_NUMBER_LENGTH).build())
                        .build())
                .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                        JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                        JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                .build();
    }

    private final Predicate<String> eventSection;
    private final ItemNormalizer normalizer;
    private final UrlCanonicalizer canonicalizer;
    private final Clock clock;

    /**
     * @param eventSection  whether a section id is an {@code events: true} section
     * @param normalizer    turns the entries into items (plain text, keys)
     * @param canonicalizer resolves and cleans links
     * @param clock         "today", for dates written without a year
     */
    public JsonReader(Predicate<String> eventSection, ItemNormalizer normalizer, UrlCanonicalizer canonicalizer, Clock clock) {
        this.eventSection = eventSection;
        this.normalizer = normalizer;
        this.canonicalizer = canonicalizer;
        this.clock = clock;
    }

    @Override
    public String accept() {
        return AcceptHeaders.JSON;
    }

    @Override
    public Reading read(SourceConfig source, FetchResponse response) throws SourceReadException {
        Map<String, String> select = source.select();
        URI page = response.finalUrl();
        LocalDate today = LocalDate.now(clock.withZone(Oslo.ZONE));
        DecodedText decoded = CharsetSniffer.decode(response.body(), response.contentType());
        List<String> warnings = new ArrayList<>(decoded.warnings());

        JsonNode root = document(decoded.text(), response.contentType(), select.get("script"));
        JsonPath itemsPath = path(select, "items");
        JsonNode list;
        try {
            list = itemsPath.resolve(root);
        } catch (JsonPath.PathException e) {
            throw new SourceReadException("select.items \"" + itemsPath + "\": " + e.getMessage(), e);
        }
        if (!list.isArray()) {
            String hint = itemsPath.isEmpty() ? " (set select.items to the path of the list)" : "";
            throw new SourceReadException("select.items \"" + itemsPath + "\": expected a list of items, found "
                    + JsonPath.describe(list) + hint, null);
        }

        Fields fields = new Fields(path(select, "title"), linkOf(select.getOrDefault("link", "")),
                optionalPath(select, "date"), optionalPath(select, "summary"));
        List<Found> entries = new ArrayList<>();
        Problems problems = new Problems();
        for (int i = 0; i < list.size(); i++) {
            entry(list.get(i), i, fields, page, source.dateFromUrl(), today, problems).ifPresent(entries::add);
        }
        if (entries.isEmpty() && !list.isEmpty()) {
            throw new SourceReadException("select.items \"" + itemsPath + "\" finds " + list.size()
                    + " items, but none could be read: " + problems.summary(list.size()), null);
        }
        warnings.addAll(problems.warnings(list.size()));
        return new Reading(items(source, page, entries), warnings);
    }

    /** What one list element gave. */
    private record Found(String link, String title, String summary, PageDate date) {}

    /** The per-item paths. */
    private record Fields(JsonPath title, LinkField link, Optional<JsonPath> date, Optional<JsonPath> summary) {}

    private JsonNode document(String text, String contentType, String script) throws SourceReadException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String start = body.stripLeading();
        boolean json = start.startsWith("{") || start.startsWith("[");
        if (json || script == null || script.isBlank()) {
            if (!json) {
                String what = start.startsWith("<") ? "an HTML or XML page" : start.isEmpty() ? "an empty body" : "text";
                throw new SourceReadException("expected JSON, got " + what
                        + (contentType == null ? "" : " (" + contentType + ")")
                        + "; for JSON embedded in a page's script, set select.script", null);
            }
            try (JsonParser parser = Lenient.MAPPER.createParser(body)) {
                try {
                    return Lenient.MAPPER.readTree(parser);
                } catch (JsonProcessingException e) {
                    // the limits' exceptions carry no location; the parser knows where it stopped
                    JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                    throw new SourceReadException("not valid JSON: " + cause(e)
                            + " at line " + at.getLineNr() + ", column " + at.getColumnNr(), e);
                }
            } catch (IOException e) {
                throw new SourceReadException("not valid JSON: " + OneLine.of(String.valueOf(e)), e); // cannot happen: the input is a String
            }
        }
        try {
            return EmbeddedJson.find(body, script, Lenient.MAPPER);
        } catch (EmbeddedJson.EmbeddedJsonException e) {
            throw new SourceReadException(e.getMessage(), e);
        }
    }

    /** Why a document is not read, in a few words: the limits named plainly, else Jackson's message on one line. */
    static String cause(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            String message = String.valueOf(e.getOriginalMessage());
            if (message.startsWith("Document nesting depth")) {
                return "nested deeper than " + MAX_NESTING + " levels";
            }
            if (message.startsWith("Number value length")) {
                return "a number of over " + MAX_NUMBER_LENGTH + " digits";
            }
        }
        return OneLine.of(e.getOriginalMessage());
    }

    private static JsonPath path(Map<String, String> select, String key) throws SourceReadException {
        try {
            return JsonPath.parse(select.getOrDefault(key, ""));
        } catch (IllegalArgumentException e) {
            throw new SourceReadException("select." + key + ": " + e.getMessage(), e);
        }
    }

    private static Optional<JsonPath> optionalPath(Map<String, String> select, String key) throws SourceReadException {
        String text = select.get(key);
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(path(select, key));
    }

    private Optional<Found> entry(JsonNode item, int index, Fields fields, URI page, boolean dateFromUrl, LocalDate today,
            Problems problems) {
        Optional<String> title = fields.title().find(item).flatMap(JsonReader::text);
        if (title.isEmpty() || title.get().isBlank()) {
            problems.add("skipped, no title at \"" + fields.title() + "\"", index);
            return Optional.empty();
        }
        Optional<String> raw = fields.link().value(item);
        if (raw.isEmpty()) {
            problems.add("skipped, no link at \"" + fields.link() + "\"", index);
            return Optional.empty();
        }
        Optional<String> link = canonicalizer.canonicalize(raw.get(), page);
        if (link.isEmpty()) {
            problems.add("skipped, the link at \"" + fields.link() + "\" is no http(s) URL", index);
            return Optional.empty();
        }
        PageDate date = null;
        if (fields.date().isPresent()) {
            Optional<JsonNode> value = fields.date().get().find(item);
            date = value.flatMap(v -> JsonDates.read(v, today)).orElse(null);
            if (date == null && value.isPresent()) {
                problems.add("date not understood at \"" + fields.date().get() + "\"", index);
            }
        }
        if (date == null && dateFromUrl) {
            date = DateText.fromUrl(link.get()).map(PageDate::of).orElse(null);
        }
        String summary = fields.summary().flatMap(p -> p.find(item)).flatMap(JsonReader::text).orElse(null);
        return Optional.of(new Found(link.get(), title.get(), summary, date));
    }

    private List<Item> items(SourceConfig source, URI page, List<Found> found) {
        boolean events = eventSection.test(source.section());
        // one link, one event: every entry on a link takes the first date given for it
        Map<String, LocalDate> eventDays = new HashMap<>();
        for (Found f : found) {
            if (f.date() != null) {
                eventDays.putIfAbsent(f.link(), f.date().start());
            }
        }
        List<Entry> entries = new ArrayList<>(found.size());
        for (Found f : found) {
            Instant published = f.date() == null ? null : f.date().toInstant();
            // the link is the identity (dedupe key url:<canonical link>), and stands as the item's guid
            entries.add(new Entry(f.link(), f.title(), f.link(), f.summary(), published, null,
                    events ? eventDays.get(f.link()) : null, true));
        }
        return normalizer.normalize(Entries.of(page.toString(), entries));
    }

    /** A value as text: strings as they are, numbers and booleans written out; objects and lists are no text. */
    private static Optional<String> text(JsonNode node) {
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            String s = node.asText().strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        }
        return Optional.empty();
    }

    private static LinkField linkOf(String text) throws SourceReadException {
        if (!text.contains("{")) {
            try {
                return new LinkField(text, JsonPath.parse(text), List.of());
            } catch (IllegalArgumentException e) {
                throw new SourceReadException("select.link: " + e.getMessage(), e);
            }
        }
        List<JsonPath> paths = new ArrayList<>();
        Matcher m = TEMPLATE_FIELD.matcher(text);
        while (m.find()) {
            try {
                paths.add(JsonPath.parse(m.group(1)));
            } catch (IllegalArgumentException e) {
                throw new SourceReadException("select.link template: " + e.getMessage(), e);
            }
        }
        return new LinkField(text, null, paths);
    }

    /**
     * {@code select.link}: a path, or a URL template whose {@code {path}} parts are filled with
     * the item's values, percent-encoded.
     */
    private record LinkField(String text, JsonPath path, List<JsonPath> templatePaths) {
        Optional<String> value(JsonNode item) {
            if (path != null) {
                return path.find(item).flatMap(JsonReader::text);
            }
            StringBuilder out = new StringBuilder();
            Matcher m = TEMPLATE_FIELD.matcher(text);
            int i = 0;
            while (m.find()) {
                Optional<String> value = templatePaths.get(i++).find(item).flatMap(JsonReader::text);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                m.appendReplacement(out, Matcher.quoteReplacement(
                        URLEncoder.encode(value.get(), StandardCharsets.UTF_8).replace("+", "%20")));
            }
            m.appendTail(out);
            return Optional.of(out.toString());
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Why items were skipped or lost a field, counted per reason with the first few item numbers. */
    private static final class Problems {
        private final Map<String, List<Integer>> byReason = new LinkedHashMap<>();

        void add(String reason, int index) {
            byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(index);
        }

        List<String> warnings(int total) {
            List<String> out = new ArrayList<>();
            byReason.forEach((reason, indexes) -> out.add(line(reason, indexes, total)));
            return out;
        }

        String summary(int total) {
            return String.join("; ", warnings(total));
        }

        private static String line(String reason, List<Integer> indexes, int total) {
            List<String> shown = indexes.stream().limit(EXAMPLES).map(i -> "[" + i + "]").toList();
            return indexes.size() + " of " + total + " items: " + reason + " (" + String.join(", ", shown)
                    + (indexes.size() > EXAMPLES ? ", …" : "") + ")";
        }
    }
}
