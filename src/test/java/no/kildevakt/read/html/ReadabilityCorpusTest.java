package no.kildevakt.read.html;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kildevakt.SharedCorpora;
import no.kildevakt.item.Item;
import org.junit.jupiter.api.Test;

/**
 * Auto-detection on real pages: the 130 pages of the readability corpus in
 * {@code kildevakt.shared}/corpora/readability (read in place). They are article pages; the
 * listing-like ones carry a real repeated list of dated links ("more from this stream",
 * "similar articles", a fan feed, a news list), hand-labelled in {@code readability-labels.json}.
 * Accuracy is per labelled item, title, link and date all exact; items the detector adds that
 * are not in the list count against it.
 */
class ReadabilityCorpusTest {
    @Test
    void findsTheLabelledListsOnRealPages() throws Exception {
        Path pages = SharedCorpora.path("readability", "test-pages");
        JsonNode labels;
        try (InputStream in = getClass().getResourceAsStream("readability-labels.json")) {
            labels = new ObjectMapper().readTree(in).get("pages");
        }
        HtmlListingReader reader = Fixtures.reader(Set.of());
        int expected = 0;
        int exact = 0;
        List<String> misses = new ArrayList<>();
        for (var it = labels.fields(); it.hasNext(); ) {
            var page = it.next();
            URI url = URI.create(page.getValue().get("url").asText());
            byte[] body = Files.readAllBytes(pages.resolve(page.getKey()).resolve("source.html"));
            HtmlListingReader.Listing listing = reader.readListing(
                    Fixtures.source(page.getKey(), url, "norske", Map.of(), false, 1), Fixtures.response(url, body));
            int pageExact = 0;
            for (JsonNode want : page.getValue().get("items")) {
                expected++;
                String wantUrl = want.get("url").asText();
                LocalDate wantDate = want.get("date").isNull() ? null : LocalDate.parse(want.get("date").asText());
                Item got = listing.items().stream().filter(i -> i.url().equals(wantUrl)).findFirst().orElse(null);
                boolean ok = got != null && got.title().equals(want.get("title").asText())
                        && java.util.Objects.equals(wantDate, Fixtures.day(got));
                if (ok) {
                    pageExact++;
                } else {
                    misses.add(page.getKey() + ": want " + want + " got " + (got == null ? "nothing" : got.title() + " | " + Fixtures.day(got)));
                }
            }
            int extra = Math.max(0, listing.items().size() - page.getValue().get("items").size());
            pageExact -= extra;
            exact += pageExact;
            System.out.printf("  %-12s %d/%d exact, %d found %s%n", page.getKey(), pageExact, page.getValue().get("items").size(),
                    listing.items().size(), listing.selectors().map(ListingSelectors::asMap).orElse(Map.of()));
        }
        double accuracy = (double) exact / expected;
        System.out.printf("auto-detection on %d labelled readability pages: %d of %d items exact (title+link+date) = %.1f%%%n",
                labels.size(), exact, expected, 100 * accuracy);
        misses.forEach(m -> System.out.println("  miss " + m));
        assertTrue(accuracy >= 0.9, "accuracy " + accuracy + ": " + misses);
    }
}
