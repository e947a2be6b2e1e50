package no.kildevakt.date;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.kildevakt.SharedCorpora;
import org.junit.jupiter.api.Test;

/**
 * The date vectors other projects test their parsers with (../shared/corpora), run through
 * {@link DateText}. A vector agrees when both reject the text, or both read the same moment.
 * Those corpora read a value without a zone as UTC, where this project reads it in Europe/Oslo
 * (the sources are Norwegian); such a value agrees when it is the same wall-clock time (or the
 * same day, for a bare date). The floors are what the parser reaches today, so a regression fails.
 */
class DateCorporaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate REFERENCE = LocalDate.of(2026, 1, 1);
    /** feedparser's parsers for scripts and orders no source of ours uses (Greek, Hungarian, Korean). */
    private static final Set<String> OUT_OF_SCOPE = Set.of("greek", "hungarian", "nate", "onblog");

    private static Path corpus(String relative) {
        return SharedCorpora.path(relative);
    }

    private record Vector(String group, String input, String expectedUtc) {}

    private static List<Vector> vectors(Path file, boolean feedparser) throws IOException {
        List<Vector> vectors = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = JSON.readTree(line);
            String group = feedparser ? row.path("parser").asText() : "gofeed";
            String input = row.path("input").isNull() ? null : row.path("input").asText();
            String expected = row.path("expected_utc").isNull() ? null : row.path("expected_utc").asText();
            vectors.add(new Vector(group, input, expected));
        }
        return vectors;
    }

    static boolean agrees(Optional<PageDate> parsed, String expectedUtc) {
        if (expectedUtc == null) {
            return parsed.isEmpty();
        }
        if (parsed.isEmpty()) {
            return false;
        }
        Instant expected = Instant.parse(expectedUtc);
        PageDate date = parsed.get();
        if (date.instant().isEmpty()) {
            return expected.equals(expected.truncatedTo(ChronoUnit.DAYS))
                    && date.start().equals(expected.atZone(ZoneOffset.UTC).toLocalDate());
        }
        Instant ours = date.instant().get().truncatedTo(ChronoUnit.SECONDS);
        return ours.equals(expected)
                || ours.atZone(Oslo.ZONE).toLocalDateTime().equals(expected.atZone(ZoneOffset.UTC).toLocalDateTime());
    }

    private static double run(String name, List<Vector> vectors) {
        int agree = 0;
        List<String> differences = new ArrayList<>();
        for (Vector v : vectors) {
            Optional<PageDate> parsed = DateText.parse(v.input(), REFERENCE);
            if (agrees(parsed, v.expectedUtc())) {
                agree++;
            } else {
                differences.add(v.group() + " \"" + v.input() + "\": expected " + v.expectedUtc() + ", got "
                        + parsed.map(d -> d.start() + d.instant().map(i -> " " + i).orElse("")).orElse("nothing"));
            }
        }
        System.out.printf("[corpus] %s: %d/%d agree (%.1f%%)%n", name, agree, vectors.size(), 100.0 * agree / vectors.size());
        differences.forEach(d -> System.out.println("[corpus]   differs: " + d));
        return (double) agree / vectors.size();
    }

    @Test
    void feedparserVectors() throws IOException {
        List<Vector> all = vectors(corpus("feedparser/date_vectors.jsonl"), true);
        List<Vector> inScope = all.stream().filter(v -> !OUT_OF_SCOPE.contains(v.group())).toList();
        assertTrue(inScope.size() >= 60, "corpus shrank: " + inScope.size());
        double rate = run("feedparser date vectors (rfc822, w3dtf, iso8601, asctime, perforce)", inScope);
        run("feedparser date vectors (all, incl. Greek/Hungarian/Korean)", all);
        assertTrue(rate >= 0.90, "pass rate fell to " + rate);
    }

    @Test
    void gofeedVectors() throws IOException {
        List<Vector> all = vectors(corpus("gofeed/date_vectors.jsonl"), false);
        assertTrue(all.size() >= 15, "corpus shrank: " + all.size());
        double rate = run("gofeed date vectors", all);
        assertTrue(rate >= 0.99, "pass rate fell to " + rate);
    }
}
