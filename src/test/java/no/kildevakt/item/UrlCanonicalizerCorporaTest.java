package no.kildevakt.item;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import no.kildevakt.SharedCorpora;
import org.junit.jupiter.api.Test;

/**
 * Runs the canonicalizer over third-party URL corpora (see the corpora README). Where we
 * differ from upstream on purpose the case is listed, not failed; the agreement floors are
 * what the implementation reaches today, so a regression fails the build.
 */
class UrlCanonicalizerCorporaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();

    private static Path corpus(String relative) {
        return SharedCorpora.path(relative);
    }

    /** Every canonical URL we hand out must parse and be its own canonical form. */
    private void assertWellFormed(Optional<String> result, String input) {
        result.ifPresent(url -> {
            assertDoesNotThrow(() -> URI.create(url), input);
            assertEquals(Optional.of(url), canonicalizer.canonicalize(url), "not idempotent for input " + input);
        });
    }

    private static void report(String name, int agree, int total, List<String> differences) {
        System.out.printf("[corpus] %s: %d/%d agree (%.1f%%)%n", name, agree, total, 100.0 * agree / total);
        differences.forEach(d -> System.out.println("[corpus]   differs: " + d));
    }

    // --- crawler-commons normalizer ---------------------------------------------------------

    @Test
    void crawlerCommonsWeirdToNormalizedUrls() throws IOException {
        List<String[]> rows = csvRows(corpus("crawler-commons/normalizer/weirdToNormalizedUrls.csv"));
        int agree = 0;
        List<String> differences = new ArrayList<>();
        for (String[] row : rows) {
            Optional<String> ours = assertDoesNotThrow(() -> canonicalizer.canonicalize(row[0]));
            assertWellFormed(ours, row[0]);
            if (ours.equals(Optional.of(row[1]))) {
                agree++;
            } else {
                differences.add(printable(row[0]) + " -> ours " + ours.map(UrlCanonicalizerCorporaTest::printable).orElse("(empty)")
                        + ", upstream " + printable(row[1]));
            }
        }
        report("crawler-commons weirdToNormalizedUrls", agree, rows.size(), differences);
        assertTrue(rows.size() >= 100, "corpus unexpectedly small: " + rows.size());
        assertTrue(agree >= FLOOR_WEIRD, "agreement fell to " + agree + " of " + rows.size());
    }

    @Test
    void crawlerCommonsInvalidUrlsGiveNothing() throws IOException {
        List<String[]> rows = csvRows(corpus("crawler-commons/normalizer/invalidUrls.csv"));
        assertTrue(!rows.isEmpty());
        for (String[] row : rows) {
            assertEquals(Optional.empty(), assertDoesNotThrow(() -> canonicalizer.canonicalize(row[0])), row[0]);
        }
        report("crawler-commons invalidUrls", rows.size(), rows.size(), List.of());
    }

    @Test
    void crawlerCommonsUrlResolution() throws IOException {
        List<String[]> rows = csvRows(corpus("crawler-commons/url-utils/url-resolve.csv"));
        int agree = 0;
        int compared = 0;
        List<String> differences = new ArrayList<>();
        for (String[] row : rows) {
            URI base = row[1].isEmpty() ? null : URI.create(row[1]);
            Optional<String> ours = assertDoesNotThrow(() -> canonicalizer.canonicalize(row[0], base));
            assertWellFormed(ours, row[0]);
            // compare after the same normalisation: resolution is what this corpus is about
            Optional<String> expected = canonicalizer.canonicalize(row[2]);
            if (expected.isEmpty()) {
                continue; // file: and other schemes are out of scope
            }
            compared++;
            if (ours.equals(expected)) {
                agree++;
            } else {
                differences.add(row[0] + " against " + row[1] + " -> ours " + ours.orElse("(empty)") + ", expected " + expected.get());
            }
        }
        report("crawler-commons url-resolve (http(s) rows)", agree, compared, differences);
        assertTrue(agree >= FLOOR_RESOLVE, "agreement fell to " + agree + " of " + compared);
    }

    // --- WHATWG web-platform tests ---------------------------------------------------------

    @Test
    void whatwgUrlTestData() throws IOException {
        JsonNode cases = JSON.readTree(corpus("crawler-commons/url-utils/wpt-urltestdata.json").toFile());
        int successCases = 0;
        int agree = 0;
        int failureCases = 0;
        int failuresRejected = 0;
        List<String> differences = new ArrayList<>();
        for (JsonNode c : cases) {
            if (!c.isObject()) {
                continue; // section comments
            }
            String input = c.get("input").asText();
            URI base = parseBaseLeniently(c.get("base"));
            Optional<String> ours = assertDoesNotThrow(() -> canonicalizer.canonicalize(input, base), input);
            assertWellFormed(ours, input);
            boolean failure = c.path("failure").asBoolean(false);
            if (failure) {
                failureCases++;
                if (ours.isEmpty()) {
                    failuresRejected++;
                }
                continue;
            }
            String protocol = c.path("protocol").asText();
            if (!protocol.equals("http:") && !protocol.equals("https:")) {
                continue;
            }
            successCases++;
            Optional<String> expected = canonicalizer.canonicalize(c.get("href").asText());
            if (ours.isPresent() && ours.equals(expected)) {
                agree++;
            } else {
                differences.add(printable(input) + " (base " + c.get("base") + ") -> ours " + ours.map(UrlCanonicalizerCorporaTest::printable).orElse("(empty)")
                        + ", href " + printable(c.get("href").asText()) + " canonical " + expected.map(UrlCanonicalizerCorporaTest::printable).orElse("(empty)"));
            }
        }
        report("WHATWG urltestdata http(s) success cases (ours == canonical(href))", agree, successCases, differences);
        System.out.printf("[corpus] WHATWG failure cases rejected (any scheme): %d/%d%n", failuresRejected, failureCases);
        assertTrue(successCases >= 200, "corpus unexpectedly small: " + successCases);
        assertTrue(agree >= FLOOR_WPT, "agreement fell to " + agree + " of " + successCases);
        assertTrue(failuresRejected >= FLOOR_WPT_FAILURES_REJECTED, "rejected only " + failuresRejected + " of " + failureCases);
    }

    private static URI parseBaseLeniently(JsonNode base) {
        if (base == null || base.isNull()) {
            return null;
        }
        try {
            return URI.create(base.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // --- Google Safe Browsing ---------------------------------------------------------------

    private static final Pattern HAS_PORT = Pattern.compile("^[a-zA-Z]+://[^/?#]*:\\d+");

    @Test
    void safeBrowsingCanonicalUrls() throws IOException {
        List<String> lines = Files.readAllLines(corpus("google-safebrowsing/canonical_url_vectors.jsonl"), StandardCharsets.UTF_8);
        int compared = 0;
        int agree = 0;
        int onPurpose = 0;
        List<String> differences = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = JSON.readTree(line);
            String input = row.get("input").isNull()
                    ? new String(Base64.getDecoder().decode(row.get("input_base64").asText()), StandardCharsets.UTF_8)
                    : row.get("input").asText();
            Optional<String> ours = assertDoesNotThrow(() -> canonicalizer.canonicalize(input));
            assertWellFormed(ours, input);
            boolean mustFail = row.get("must_fail").asBoolean();
            if (!mustFail && (input.contains("?") || HAS_PORT.matcher(input.strip()).find())) {
                onPurpose++; // Safe Browsing drops query and port: lookup, not dedupe, canonicalisation
                continue;
            }
            compared++;
            Optional<String> expected = mustFail ? Optional.empty() : Optional.of(row.get("expected").asText());
            if (ours.equals(expected)) {
                agree++;
            } else {
                differences.add(printable(input) + " -> ours " + ours.map(UrlCanonicalizerCorporaTest::printable).orElse("(empty)")
                        + ", expected " + expected.orElse("(must fail)"));
            }
        }
        report("Safe Browsing host/path/percent cases (" + onPurpose + " query/port cases skipped)", agree, compared, differences);
        assertTrue(agree >= FLOOR_SAFE_BROWSING, "agreement fell to " + agree + " of " + compared);
    }

    // --- floors (what we reach today) -------------------------------------------------------

    private static final int FLOOR_WEIRD = 94;
    private static final int FLOOR_RESOLVE = 21;
    private static final int FLOOR_WPT = 210;
    private static final int FLOOR_WPT_FAILURES_REJECTED = 230;
    private static final int FLOOR_SAFE_BROWSING = 29;

    // --- helpers ----------------------------------------------------------------------------

    /** Rows of crawler-commons' CSV test files: {@code #} comments, quoted fields with {@code ""}, unquoted fields trimmed. */
    static List<String[]> csvRows(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            rows.add(splitCsv(line).toArray(String[]::new));
        }
        return rows;
    }

    private static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (i <= line.length()) {
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (i < line.length() && line.charAt(i) == '"') {
                StringBuilder field = new StringBuilder();
                i++;
                while (i < line.length()) {
                    char c = line.charAt(i);
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (c == '"') {
                        i++;
                        break;
                    } else {
                        field.append(c);
                        i++;
                    }
                }
                fields.add(field.toString());
                int comma = line.indexOf(',', i);
                i = comma < 0 ? line.length() + 1 : comma + 1;
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? line.length() : comma;
                // trim spaces only: the corpus puts control characters at field ends on purpose
                fields.add(stripSpaces(line.substring(i, end)));
                i = end + 1;
            }
        }
        return fields;
    }

    private static String stripSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
