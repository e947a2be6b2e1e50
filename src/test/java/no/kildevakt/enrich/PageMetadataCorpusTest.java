package no.kildevakt.enrich;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.kildevakt.SharedCorpora;
import no.kildevakt.date.DateText;
import no.kildevakt.date.PageDate;
import no.kildevakt.item.PlainText;
import org.junit.jupiter.api.Test;

/**
 * {@link PageMetadata} on the real article pages of Mozilla Readability's test suite
 * (../shared/corpora/readability), against what Readability.js extracts. Its values are a
 * reference, not the truth (its excerpt falls back to the first paragraph, which no metadata
 * holds), so the test reports agreement and asserts floors at today's level.
 */
class PageMetadataCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);
    private static final long SMALL_PAGE_BYTES = 100_000;

    private static Path corpus() {
        return SharedCorpora.path("readability", "manifest.jsonl").getParent();
    }

    @Test
    void publishedDatesAndDescriptionsOfRealPages() throws IOException {
        Path dir = corpus();
        int dated = 0;
        int datesAgree = 0;
        int falseDates = 0;
        int undated = 0;
        int withDescription = 0;
        int descriptionsAgree = 0;
        List<String> differences = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("manifest.jsonl"))) {
            JsonNode row = JSON.readTree(line);
            Path page = dir.resolve("test-pages").resolve(row.get("page").asText()).resolve("source.html");
            String expected = row.path("publishedTime").isTextual() ? row.get("publishedTime").asText() : null;
            if (!Files.isRegularFile(page) || (expected == null && row.path("source_bytes").asLong() > SMALL_PAGE_BYTES)) {
                continue; // the dated pages, and the small rest: a third of the 26 MB keeps the test fast
            }
            PageMetadata meta = PageMetadata.extract(Files.readAllBytes(page), "text/html", URI.create("http://fakehost/test/page.html"), TODAY);
            if (expected != null) {
                dated++;
                Optional<PageDate> reference = DateText.parse(expected, TODAY);
                if (reference.isPresent() && meta.published().isPresent() && sameMoment(reference.get(), meta.published().get())) {
                    datesAgree++;
                } else {
                    differences.add(row.get("page").asText() + ": published " + expected + ", got " + meta.published());
                }
            } else {
                undated++;
                if (meta.published().isPresent()) {
                    falseDates++;
                }
            }
            String excerpt = row.path("excerpt").isTextual() ? PlainText.of(row.get("excerpt").asText()) : null;
            if (excerpt != null && meta.description().isPresent()) {
                withDescription++;
                if (normalise(meta.description().get()).equals(normalise(excerpt))) {
                    descriptionsAgree++;
                } else {
                    differences.add(row.get("page").asText() + ": excerpt \"" + excerpt + "\", got \"" + meta.description().get() + "\"");
                }
            }
        }
        System.out.printf("[corpus] readability publishedTime: %d/%d agree (%.1f%%)%n", datesAgree, dated, 100.0 * datesAgree / dated);
        System.out.printf("[corpus] readability pages without publishedTime where a date was found anyway: %d/%d%n", falseDates, undated);
        System.out.printf("[corpus] readability excerpt = our description: %d/%d pages with both (%.1f%%)%n", descriptionsAgree,
                withDescription, 100.0 * descriptionsAgree / withDescription);
        differences.forEach(d -> System.out.println("[corpus]   differs: " + d));
        assertTrue(dated >= 30, "corpus shrank");
        assertTrue(datesAgree >= dated * 0.95, "published dates agree on " + datesAgree + " of " + dated);
        assertTrue(descriptionsAgree >= withDescription * 0.75, "descriptions agree on " + descriptionsAgree + " of " + withDescription);
    }

    /** The same instant when both have one, else the same day. */
    private static boolean sameMoment(PageDate reference, PageDate ours) {
        if (reference.instant().isPresent() && ours.instant().isPresent()) {
            return reference.instant().get().getEpochSecond() == ours.instant().get().getEpochSecond();
        }
        return reference.start().equals(ours.start());
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
